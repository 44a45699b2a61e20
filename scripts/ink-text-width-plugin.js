// An esbuild plugin that gives Ink's renderer source/ui/text-width.ts for `widest-line`: the same
// widths, remembered, instead of measuring every text on screen again on every frame.
import {fileURLToPath} from 'node:url';

const remembered = fileURLToPath(new URL('../source/ui/text-width.ts', import.meta.url));
const inkBuild = /[\\/]node_modules[\\/]ink[\\/]build[\\/]/;

/** Resolves Ink's own imports of widest-line to the remembering one; every other import is left alone. */
export const inkTextWidthPlugin = {
	name: 'ink-text-width',
	setup(build) {
		build.onResolve({filter: /^widest-line$/}, ({importer}) => (inkBuild.test(importer) ? {path: remembered} : undefined));
	},
};
