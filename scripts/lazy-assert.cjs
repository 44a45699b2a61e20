// What signal-exit uses of assert (scripts/lazy-builtins-plugin.js): it checks the type of every
// handler it is given, Ink's included, before the first frame; assert is loaded only for a failure.
module.exports = {
	equal(actual, expected, message) {
		// biome-ignore lint/suspicious/noDoubleEquals: assert.equal's own comparison (==).
		if (actual != expected) {
			require('node:assert').equal(actual, expected, message);
		}
	},
};
