// esbuild plugins that load two Node built-ins on their first use instead of with the UI chunk,
// before every first frame: child_process (and the dgram and socket modules it loads) for Ink's
// terminal-size, which runs `stty`/`tput` only when the terminal reports no size, and assert for
// signal-exit 3, which checks each handler's type with it (loaded only for a check that fails).
// The same imports from anywhere else are left alone (test/build/lazy-builtins.test.ts).
import {redirectImport} from './redirect-import.js';

/** terminal-size's `execFileSync`, from child_process when it is first called. */
export const lazyChildProcessPlugin = redirectImport({
	name: 'lazy-child-process',
	filter: /^(node:)?child_process$/,
	importer: /[\\/]node_modules[\\/]terminal-size[\\/]/,
	replacement: new URL('./lazy-child-process.js', import.meta.url),
});

/** signal-exit's `assert.equal`, from assert when it is first called. */
export const lazyAssertPlugin = redirectImport({
	name: 'lazy-assert',
	filter: /^(node:)?assert$/,
	importer: /[\\/]node_modules[\\/]signal-exit[\\/]/,
	replacement: new URL('./lazy-assert.cjs', import.meta.url),
});
