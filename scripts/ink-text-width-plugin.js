// An esbuild plugin that gives Ink's renderer source/ui/text-width.ts for `widest-line`: the same
// widths, remembered, instead of measuring every text on screen again on every frame.
import {redirectImport} from './redirect-import.js';

/** Resolves Ink's own imports of widest-line to the remembering one; every other import is left alone. */
export const inkTextWidthPlugin = redirectImport({
	name: 'ink-text-width',
	filter: /^widest-line$/,
	importer: /[\\/]node_modules[\\/]ink[\\/]build[\\/]/,
	replacement: new URL('../source/ui/text-width.ts', import.meta.url),
});
