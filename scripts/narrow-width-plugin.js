// An esbuild plugin that puts source/ui/narrow-width.ts in front of string-width 8 wherever the
// bundle imports it (Ink's measure-text and output, widest-line, cli-truncate, and kpods'
// ui/ink-line-cache.ts, which imports it by path): a line of
// characters one column wide is measured by its length, anything else by string-width itself.
// Its first non-ASCII line cost 20–40 ms of CPU on the first frame (V8 compiling its
// `\p{RGI_Emoji}` expression). wrap-ansi's own string-width 7 is left as it is.
// string-width 8's own module is loaded with that expression made on its first use instead of
// when the module loads: constructing a `v`-flag `\p{RGI_Emoji}` set cost 6–7 ms of CPU before
// the first frame (a CPU profile of a lab launch), for lines that are all one column wide; and
// its grapheme segmenter is made on first use too (scripts/lazy-segmenter-plugin.js).
import {readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {lazySegmenter} from './lazy-segmenter-plugin.js';

const fastPath = resolve('source/ui/narrow-width.ts');

const emojiDeclaration = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
const emojiUse = 'rgiEmojiRegex.test(';

/** string-width 8's source with its `\p{RGI_Emoji}` expression made on first use; throws where the source is not as expected. */
export function lazyEmojiExpression(source, path) {
	const declared = source.split(emojiDeclaration).length - 1;
	const used = source.split(emojiUse).length - 1;
	if (declared !== 1 || used !== 1 || source.split('rgiEmojiRegex').length - 1 !== 2) {
		throw new Error(
			`${path}: expected one declaration and one test of rgiEmojiRegex (string-width changed; see scripts/narrow-width-plugin.js)`,
		);
	}
	return source.replace(emojiDeclaration, 'let rgiEmojiRegex;').replace(emojiUse, '(rgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(');
}

/** Wraps the top-level string-width (checked to be major version 8, the one narrow-width.ts is tested against). */
export const narrowWidthPlugin = {
	name: 'narrow-width',
	setup(build) {
		build.onResolve({filter: /(^|[\\/])string-width([\\/]index\.js)?$/}, async args => {
			if (args.pluginData?.real || args.namespace === 'narrow-width') {
				return undefined;
			}
			const real = await build.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, pluginData: {real: true}});
			if (real.errors.length > 0 || real.path.includes(`${join('wrap-ansi', 'node_modules')}`)) {
				return real;
			}
			const {version} = JSON.parse(readFileSync(join(dirname(real.path), 'package.json'), 'utf8'));
			if (!version.startsWith('8.')) {
				throw new Error(
					`string-width ${version} at ${real.path}: narrow-width.ts is tested against 8 (see scripts/narrow-width-plugin.js)`,
				);
			}
			return {path: real.path, namespace: 'narrow-width'};
		});
		build.onLoad({filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/, namespace: 'file'}, ({path}) =>
			path.includes(join('wrap-ansi', 'node_modules'))
				? undefined
				: {contents: lazySegmenter(lazyEmojiExpression(readFileSync(path, 'utf8'), path), path), loader: 'js', resolveDir: dirname(path)},
		);
		build.onLoad({filter: /.*/, namespace: 'narrow-width'}, ({path}) => ({
			contents: [
				`import stringWidth from ${JSON.stringify(path)};`,
				`import {narrowWidth} from ${JSON.stringify(fastPath)};`,
				'export default function width(text, options) {',
				'\treturn narrowWidth(text, options) ?? stringWidth(text, options);',
				'}',
			].join('\n'),
			loader: 'js',
			resolveDir: dirname(path),
		}));
	},
};
