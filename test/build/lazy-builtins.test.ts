import assert from 'node:assert/strict';
import {AssertionError} from 'node:assert';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

/** Bundles `contents` as the build does with the two plugins, and imports it from a file (the shims use import.meta.url). */
async function bundled<T>(contents: string): Promise<{module: T; text: string}> {
	const {build} = await import('esbuild');
	// @ts-expect-error: a plain JavaScript build script, without types.
	const {requireBanner} = await import('../../scripts/require-banner.js');
	// @ts-expect-error: a plain JavaScript build script, without types.
	const {lazyAssertPlugin, lazyChildProcessPlugin} = await import('../../scripts/lazy-builtins-plugin.js');
	const {outputFiles} = await build({
		stdin: {contents, resolveDir: process.cwd(), loader: 'js'},
		bundle: true,
		write: false,
		format: 'esm',
		platform: 'node',
		banner: requireBanner,
		plugins: [lazyChildProcessPlugin, lazyAssertPlugin],
		logLevel: 'error',
	});
	const text = outputFiles[0]!.text;
	const directory = mkdtempSync(join(tmpdir(), 'kpods-lazy-'));
	try {
		const file = join(directory, 'bundle.mjs');
		writeFileSync(file, text);
		return {module: (await import(pathToFileURL(file).href)) as T, text};
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}

test("terminal-size's child_process is not imported by the bundle, and its execFileSync still runs a command", async () => {
	const {text} = await bundled("export {default} from 'terminal-size';");
	assert.doesNotMatch(text, /^import .* from "(node:)?child_process"/m);
	const {module} = await bundled<{execFileSync: typeof import('node:child_process').execFileSync}>(
		"export {execFileSync} from './scripts/lazy-child-process.js';",
	);
	// Node itself, not `echo`: a fresh install's PATH may hold nothing else (.ci/fresh-install).
	assert.equal(module.execFileSync(process.execPath, ['-e', 'process.stdout.write("lazy")'], {encoding: 'utf8'}), 'lazy');
});

test("signal-exit's assert: a handler is taken as before; a non-function is refused with assert's own error", async () => {
	const {module, text} = await bundled<{default: (handler: unknown) => () => void}>("export {default} from 'signal-exit';");
	assert.doesNotMatch(text, /require\("(node:)?assert"\)(?!\.equal)/);
	const remove = module.default(() => {});
	assert.equal(typeof remove, 'function');
	remove();
	assert.throws(
		() => module.default('not a handler'),
		(error: unknown) => {
			assert.ok(error instanceof AssertionError);
			assert.equal(error.message, 'a callback must be provided for exit handler');
			return true;
		},
	);
});
