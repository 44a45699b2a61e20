// What terminal-size imports from child_process, loaded when first called (scripts/lazy-builtins-plugin.js).
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);

/** child_process's execFileSync, the module loaded on this first call. */
export function execFileSync(...parameters) {
	return require('node:child_process').execFileSync(...parameters);
}
