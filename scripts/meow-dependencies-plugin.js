// An esbuild plugin that gives meow's own modules scripts/meow-dependencies.js for their
// `./dependencies.js`: only the parsers meow calls with kpods' options, from npm, instead of
// meow's one-module bundle of seventeen packages (why and what it measured: the readme's "The
// fixed start").
import {redirectImport} from './redirect-import.js';

/** Resolves meow's imports of its dependencies bundle to the trimmed module; every other import is left alone. */
export const meowDependenciesPlugin = redirectImport({
	name: 'meow-dependencies',
	filter: /^\.\/dependencies\.js$/,
	importer: /[\\/]node_modules[\\/]meow[\\/]build[\\/]/,
	replacement: new URL('meow-dependencies.js', import.meta.url),
});
