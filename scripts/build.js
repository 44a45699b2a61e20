// Bundles the CLI into dist/ with esbuild. A bundle starts in about a third of the time of
// the unbundled module graph (ink + react + client-node + js-yaml: ~1.0 s → ~0.3 s),
// and code splitting keeps --help and --version on the small entry chunk.
import {build} from 'esbuild';
import {rmSync} from 'node:fs';
import {narrowWidthPlugin} from './narrow-width-plugin.js';
import {yogaWasmPlugin} from './yoga-wasm-plugin.js';
import {inkTextWidthPlugin} from './ink-text-width-plugin.js';
import {meowDependenciesPlugin} from './meow-dependencies-plugin.js';
import {lazyAssertPlugin, lazyChildProcessPlugin} from './lazy-builtins-plugin.js';
import {reactOncePlugin} from './react-once-plugin.js';
import {lazySegmenterPlugin} from './lazy-segmenter-plugin.js';
import {requireBanner} from './require-banner.js';

rmSync('dist', {recursive: true, force: true});
await build({
	entryPoints: ['source/cli.tsx'],
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	// MINIFY=0 keeps names readable for profiles; SOURCEMAP=1 writes linked source maps beside the
	// chunks (6.5 MB, more than twice the code: the package ships without them).
	minify: process.env.MINIFY !== '0',
	sourcemap: process.env.SOURCEMAP === '1' ? 'linked' : false,
	chunkNames: 'chunks/[name]-[hash]',
	// Ink loads react-devtools-core only when DEV=true; it is not a dependency.
	external: ['react-devtools-core'],
	define: {'process.env.NODE_ENV': '"production"'},
	banner: requireBanner,
	plugins: [
		yogaWasmPlugin,
		narrowWidthPlugin,
		inkTextWidthPlugin,
		meowDependenciesPlugin,
		lazyChildProcessPlugin,
		lazyAssertPlugin,
		reactOncePlugin,
		lazySegmenterPlugin,
	],
	logLevel: 'warning',
});
