// An esbuild plugin that resolves one import, made from one package's own modules, to a file of
// kpods' instead; the same import from anywhere else is left alone.
import {fileURLToPath} from 'node:url';

/**
 * A plugin named `name` that resolves imports matching `filter`, when `importer` (a path pattern)
 * matches the importing module, to `replacement` (a URL).
 */
export function redirectImport({name, filter, importer, replacement}) {
	const path = fileURLToPath(replacement);
	return {
		name,
		setup(build) {
			build.onResolve({filter}, args => (importer.test(args.importer) ? {path} : undefined));
		},
	};
}
