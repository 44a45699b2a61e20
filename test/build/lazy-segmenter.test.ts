import assert from 'node:assert/strict';
import {test} from 'node:test';
import {tokenize} from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

test("Ink's text modules make their grapheme segmenter on first use, and answer as before", async () => {
	const {build} = await import('esbuild');
	// @ts-expect-error: plain JavaScript build scripts, without types.
	const {lazySegmenterPlugin} = await import('../../scripts/lazy-segmenter-plugin.js');
	// @ts-expect-error: plain JavaScript build scripts, without types.
	const {narrowWidthPlugin} = await import('../../scripts/narrow-width-plugin.js');
	const {outputFiles} = await build({
		stdin: {
			contents: [
				"export {tokenize} from '@alcalzone/ansi-tokenize';",
				"export {default as sliceAnsi} from 'slice-ansi';",
				"export {default as stringWidth} from 'string-width';",
				"export {default as wrapAnsi} from 'wrap-ansi';",
			].join('\n'),
			resolveDir: process.cwd(),
			loader: 'js',
		},
		bundle: true,
		write: false,
		format: 'esm',
		platform: 'node',
		plugins: [narrowWidthPlugin, lazySegmenterPlugin],
		logLevel: 'error',
	});
	const Real = Intl.Segmenter;
	const intl = Intl as {Segmenter: typeof Intl.Segmenter};
	let made = 0;
	intl.Segmenter = class extends Real {
		constructor(...options: ConstructorParameters<typeof Intl.Segmenter>) {
			super(...options);
			made++;
		}
	};
	try {
		const bundled = (await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0]!.text).toString('base64')}`)) as {
			tokenize: typeof tokenize;
			sliceAnsi: typeof sliceAnsi;
			stringWidth: typeof stringWidth;
			wrapAnsi: (text: string, columns: number) => string;
		};
		assert.equal(made, 0, 'no segmenter made when the modules load');
		const texts = ['e\u0301 日本 👍🏽 \u001B[31mred\u001B[39m', '● live ↑↓', 'plain'];
		for (const text of texts) {
			assert.deepEqual(bundled.tokenize(text), tokenize(text));
			assert.equal(bundled.sliceAnsi(text, 1, 5), sliceAnsi(text, 1, 5));
			assert.equal(bundled.stringWidth(text), stringWidth(text));
		}
		for (const text of ['日本語の文章 e\u0301e\u0301 wörter', ...texts]) {
			assert.equal(bundled.wrapAnsi(text, 4), wrapAnsi(text, 4));
		}
		assert.ok(made > 0 && made <= 4, `${made} segmenters, made on first use`);
	} finally {
		intl.Segmenter = Real;
	}
});
