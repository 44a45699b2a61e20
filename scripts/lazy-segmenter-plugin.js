// An esbuild plugin that makes the grapheme segmenters of Ink's text modules on their first use
// instead of when the UI chunk loads: ansi-tokenize (Ink's output), slice-ansi (truncation),
// wrap-ansi's string-width 7 (wrapping), and string-width 8 (through scripts/narrow-width-plugin.js,
// which loads that one). The first Intl.Segmenter loads ICU's break-iteration data (~5 ms of CPU
// in a profile of a lab launch, and its pages stay resident); a first frame whose lines are all
// one column wide (ui/ink-line-cache.ts, ui/narrow-width.ts) now never segments a line.
import {readFileSync} from 'node:fs';
import {dirname} from 'node:path';

const construction = 'new Intl.Segmenter(';
const helper =
	'const __kpodsLazySegmenter = (...options) => {\n' +
	'\tlet made;\n' +
	'\treturn {segment: text => (made ??= new Intl.Segmenter(...options)).segment(text)};\n' +
	'};\n';

/** A module's source with its one Intl.Segmenter made on its first segment(); throws where the source is not as expected. */
export function lazySegmenter(source, path) {
	// One segmenter, used only through segment() (all four modules' only use of it).
	if (source.split('Intl.Segmenter').length !== 2 || source.split(construction).length !== 2) {
		throw new Error(`${path}: expected one \`new Intl.Segmenter(\` (the module changed; see scripts/lazy-segmenter-plugin.js)`);
	}
	return helper + source.replace(construction, '__kpodsLazySegmenter(');
}

const modules =
	/[\\/]node_modules[\\/](?:@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize|slice-ansi[\\/]tokenize-ansi|wrap-ansi[\\/]node_modules[\\/]string-width[\\/]index)\.js$/;

/** Loads those modules with a lazy segmenter (string-width 8 is narrow-width's to load). */
export const lazySegmenterPlugin = {
	name: 'lazy-segmenter',
	setup(build) {
		build.onLoad({filter: modules, namespace: 'file'}, ({path}) => ({
			contents: lazySegmenter(readFileSync(path, 'utf8'), path),
			loader: 'js',
			resolveDir: dirname(path),
		}));
	},
};
