import assert from 'node:assert/strict';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import widestLine from '../../node_modules/widest-line/index.js';
// @ts-expect-error: a plain JavaScript build script, without types.
import {inkTextWidthPlugin} from '../../scripts/ink-text-width-plugin.js';
import rememberedWidestLine from '../../source/ui/text-width.js';

const texts = [
	'',
	'web-1   1/1   Running   0   5m',
	'\u001B[7mweb-1   \u001B[32mRunning\u001B[39m   0\u001B[27m',
	'日本語 name\n🙂 ok',
	'one\ntwo lines, the second wider',
	'e\u0301 combining',
];

describe("Ink's text widths, remembered", () => {
	test('the same widths as widest-line, asked once and again, and after the memory starts over', () => {
		for (const text of texts) {
			assert.equal(rememberedWidestLine(text), widestLine(text), JSON.stringify(text));
			assert.equal(rememberedWidestLine(text), widestLine(text), `${JSON.stringify(text)} again`);
		}
		for (let index = 0; index < 5000; index++) {
			rememberedWidestLine(`row ${index}`);
		}
		for (const text of texts) {
			assert.equal(rememberedWidestLine(text), widestLine(text), `${JSON.stringify(text)} after 5,000 others`);
		}
	});

	test("the bundle gives it to Ink's own imports of widest-line only", () => {
		let resolve: ((args: {importer: string}) => {path: string} | undefined) | undefined;
		inkTextWidthPlugin.setup({onResolve: (_options: unknown, callback: typeof resolve) => (resolve = callback)});
		const ink = join('/x', 'node_modules', 'ink', 'build', 'render-node-to-output.js');
		assert.match(resolve!({importer: ink})!.path, /source[\\/]ui[\\/]text-width\.ts$/);
		assert.equal(resolve!({importer: join('/x', 'node_modules', 'cli-truncate', 'index.js')}), undefined);
		assert.equal(resolve!({importer: join('/x', 'source', 'ui', 'text-width.ts')}), undefined, 'the remembering module gets the real one');
	});
});
