import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {narrowWidth} from '../../source/ui/narrow-width.js';

// Every character narrowWidth measures itself, by code unit (the ranges are all in the BMP).
const measured = Array.from({length: 0x10000}, (_, code) => String.fromCharCode(code)).filter(
	character => narrowWidth(character) !== undefined,
);

test('every character it measures itself, string-width measures the same: one column', () => {
	assert.ok(measured.length > 1000, `${measured.length} characters`);
	const differ = measured.filter(character => stringWidth(character) !== 1 || narrowWidth(character) !== 1);
	assert.deepEqual(
		differ.map(character => character.codePointAt(0)!.toString(16)),
		[],
	);
});

test('lines of them, coloured or not, measure as string-width measures them', () => {
	const lines = [
		'',
		'● live',
		'↑↓ move  Enter details  / filter  ? help  q quit',
		'\u001B[32m●\u001B[39m live  \u001B[1mkpods\u001B[22m  ctx lab',
		'Pods 7 ─── ○ ✓ – — … ≥ → ⇄ ·',
		'Você não tem permissão — ação é só para leitura',
		measured.join(''),
	];
	for (const line of lines) {
		assert.equal(narrowWidth(line), stringWidth(line), JSON.stringify(line));
	}
});

test('anything else is left to string-width: wide, emoji, marks, invisible and control characters, other escapes, other options', () => {
	for (const text of ['日本', '✅', '◽', '👍', 'e\u0301', 'a\u00ADb', 'a\u200Bb', 'tab\there', 'a\u001B]8;;x\u0007link', '\u009B31m']) {
		assert.equal(narrowWidth(text), undefined, JSON.stringify(text));
	}
	assert.equal(narrowWidth('·', {ambiguousIsNarrow: false}), undefined);
	assert.equal(narrowWidth('\u001B[1mx', {countAnsiEscapeCodes: true}), undefined);
	assert.equal(narrowWidth(undefined), undefined);
});

test("the bundle's string-width makes its emoji expression on first use, and measures as string-width does", async () => {
	const {build} = await import('esbuild');
	// @ts-expect-error: a plain JavaScript build script, without types.
	const {narrowWidthPlugin} = await import('../../scripts/narrow-width-plugin.js');
	const {outputFiles} = await build({
		stdin: {contents: "export {default} from 'string-width';", resolveDir: process.cwd(), loader: 'js'},
		bundle: true,
		write: false,
		format: 'esm',
		platform: 'node',
		plugins: [narrowWidthPlugin],
		logLevel: 'error',
	});
	const text = outputFiles[0]!.text;
	assert.match(text, /\(rgiEmojiRegex \?\?= /);
	assert.doesNotMatch(text, /var rgiEmojiRegex = /);
	const bundled = (await import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`)) as {
		default: typeof stringWidth;
	};
	for (const line of [
		'ascii only',
		'日本語',
		'✅ done',
		'👍🏽 👨‍👩‍👧',
		'1️⃣ #⃣',
		'◽◾',
		'e\u0301',
		'\u001B[32m✓\u001B[39m ok',
		'한국어 가',
	]) {
		assert.equal(bundled.default(line), stringWidth(line), JSON.stringify(line));
	}
});
