// An esbuild plugin for how Ink's layout engine (yoga-layout 3, Emscripten) gets its wasm.
// Unchanged, the loader asks `typeof fetch`, which on Node 20 loads undici (a lazy global), then
// fetches its own base64 data: URL through it: ~20 ms of CPU before the first frame, for
// bytes that are already in the bundle. Here the bytes are decoded with Buffer and handed to
// the loader as `wasmBinary`, which makes it skip fetch; the data: URL keeps its prefix and
// loses its payload, so the bundle holds the wasm once.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';

const prefix = 'data:application/octet-stream;base64,';
const dataUrl = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/g;

/** The yoga-layout loader's base64 wasm, checked to appear exactly once. */
function wasmBase64(loaderSource, path) {
	const found = [...loaderSource.matchAll(dataUrl)];
	if (found.length !== 1) {
		throw new Error(
			`${path}: expected one base64 wasm data: URL, found ${found.length} (yoga-layout changed; see scripts/yoga-wasm-plugin.js)`,
		);
	}
	return found[0][1];
}

/** Resolves yoga-layout's wasm from bytes in the bundle instead of a fetch of a data: URL. */
export const yogaWasmPlugin = {
	name: 'yoga-wasm',
	setup(build) {
		const binary = /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;
		const entry = /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/;
		build.onLoad({filter: binary}, ({path}) => {
			const source = readFileSync(path, 'utf8');
			wasmBase64(source, path);
			return {contents: source.replace(dataUrl, JSON.stringify(prefix)), loader: 'js'};
		});
		build.onLoad({filter: entry}, ({path}) => {
			const loader = join(dirname(path), '..', 'binaries', 'yoga-wasm-base64-esm.js');
			const base64 = wasmBase64(readFileSync(loader, 'utf8'), loader);
			// yoga-layout's own index.js, with the wasm given to the loader.
			const contents = [
				"import loadYoga from '../binaries/yoga-wasm-base64-esm.js';",
				"import wrapAssembly from './wrapAssembly.js';",
				`const wasmBinary = Buffer.from(${JSON.stringify(base64)}, 'base64');`,
				'const Yoga = wrapAssembly(await loadYoga({wasmBinary}));',
				'export default Yoga;',
				"export * from './generated/YGEnums.js';",
			].join('\n');
			return {contents, loader: 'js', resolveDir: dirname(path)};
		});
	},
};
