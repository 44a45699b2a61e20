import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {hasControls, jsonMayHoldControls, parseSafeJson, safeJson, safeLine, safeLines, safeText} from '../../source/format/safe-text.js';

const esc = '\u001B';
const bel = '\u0007';

// [what, input, safeLine's answer]
const lineCases: Array<[string, string, string]> = [
	['plain text', 'nginx:1.27', 'nginx:1.27'],
	['unicode text stays', 'café — 日本 ✓', 'café — 日本 ✓'],
	['OSC 0 (window title)', `${esc}]0;pwned${bel}`, '^[]0;pwned^G'],
	['OSC 52 (clipboard)', `${esc}]52;c;ZXZpbA==${bel}`, '^[]52;c;ZXZpbA==^G'],
	['OSC ended by ST', `${esc}]0;t${esc}\\`, '^[]0;t^[\\'],
	['SGR colour', `${esc}[31;1mred${esc}[0m`, '^[[31;1mred^[[0m'],
	['carriage return overwrites', 'ok\rFAKE', 'ok\\rFAKE'],
	['backspace', 'abc\b\bX', 'abc^H^HX'],
	['NUL', 'a\u0000b', 'a^@b'],
	['newline inside one line', 'two\nlines', 'two^Jlines'],
	['DEL', 'a\u007Fb', 'a^?b'],
	['C1 CSI (U+009B)', '\u009B31mred', '\\u009b31mred'],
	['C1 NEL and OSC', '\u0085\u009D0;t\u009C', '\\u0085\\u009d0;t\\u009c'],
	['right-to-left override', 'evil\u202Egnp.exe', 'evil\\u202egnp.exe'],
	['bidi isolates', '\u2066a\u2067b\u2068c\u2069', '\\u2066a\\u2067b\\u2068c\\u2069'],
	['left-to-right/right-to-left marks', 'a\u200Eb\u200Fc\u061C', 'a\\u200eb\\u200fc\\u061c'],
	['zero width space and BOM', 'a\u200Bb\uFEFF', 'a\\u200bb\\ufeff'],
	['line and paragraph separators', 'a\u2028b\u2029', 'a\\u2028b\\u2029'],
	['tab to the next multiple of 8', 'ab\tc\td', 'ab      c       d'],
	['tab after an escape counts its shown width', `${esc}\tx`, '^[      x'],
];

describe('safeLine: one line that cannot drive the terminal', () => {
	for (const [what, input, expected] of lineCases) {
		test(what, () => {
			const line = safeLine(input);
			assert.equal(line, expected);
			assert.equal(safeLine(line), line, 'idempotent');
			assert.equal(hasControls(line), false);
		});
	}
});

describe('safeText: kept newlines and tabs, everything else escaped', () => {
	const cases: Array<[string, string, string]> = [
		['newlines and tabs stay', 'a\n\tb', 'a\n\tb'],
		['controls go', `${esc}]0;x${bel}\nz\r`, '^[]0;x^G\nz\\r'],
		['C1 and bidi go', '\u009B\u202E', '\\u009b\\u202e'],
	];
	for (const [what, input, expected] of cases) {
		test(what, () => {
			assert.equal(safeText(input), expected);
			assert.equal(safeText(safeText(input)), expected);
		});
	}
});

describe('safeLines: multi-line text split into safe lines', () => {
	test('\\n and \\r\\n end lines; a lone \\r is shown', () => {
		assert.deepEqual(safeLines('a: 1\r\nb: "x\ry"\n\tc'), ['a: 1', 'b: "x\\ry"', '        c']);
	});
});

describe('JSON from a server', () => {
	test('every string (values and keys, at any depth) is made safe; numbers and booleans kept', () => {
		const json = JSON.stringify({
			metadata: {name: 'p', annotations: {[`k${esc}`]: `v${esc}[2J`, note: 'a\nb'}},
			spec: {containers: [{image: `nginx${esc}]0;t${bel}`}]},
			n: 3,
			ok: true,
			none: null,
		});
		assert.equal(jsonMayHoldControls(json), true);
		assert.deepEqual(parseSafeJson(json), {
			metadata: {name: 'p', annotations: {'k^[': 'v^[[2J', note: 'a\nb'}},
			spec: {containers: [{image: 'nginx^[]0;t^G'}]},
			n: 3,
			ok: true,
			none: null,
		});
	});

	const screens: Array<[string, string, boolean]> = [
		['a plain object', JSON.stringify({a: 'b', c: ['d'], e: 'x\ny\tz', f: '<&>'}), false],
		["Go's HTML escapes are not controls", '{"a":"\\u003c\\u0026\\u003e"}', false],
		['an escaped ESC', JSON.stringify({a: esc}), true],
		['an escaped \\r', JSON.stringify({a: '\r'}), true],
		['a raw C1', '{"a":"\u009B"}', true],
		['an escaped C1', '{"a":"\\u009b"}', true],
		['a raw bidi override', '{"a":"\u202E"}', true],
		['an escaped line separator (Go always escapes it)', '{"a":"\\u2028"}', true],
	];
	for (const [what, json, expected] of screens) {
		test(`the screen before the walk: ${what}`, () => {
			assert.equal(jsonMayHoldControls(json), expected);
			// The screen may say yes too often, never too rarely: no control survives either way.
			const strings: string[] = [];
			JSON.parse(JSON.stringify(parseSafeJson(json)), (_key, value: unknown) => {
				if (typeof value === 'string') {
					strings.push(value);
				}

				return value;
			});
			assert.deepEqual(
				strings.filter(text => hasControls(text.replaceAll(/[\n\t]/g, ''))),
				[],
			);
		});
	}

	test("safeJson keeps the object's identity", () => {
		const object = {a: [`x${esc}`]};
		assert.equal(safeJson(object), object);
		assert.equal(object.a[0], 'x^[');
	});
});
