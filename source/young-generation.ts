// Caps V8's young generation before anything else runs. Parsing a big pod list makes a lot of
// short-lived garbage, and V8's default lets the young generation grow to tens of MB before it
// collects (≈30 MB more peak RSS at 3,000 pods, no faster). `--max-semi-space-size` only works
// on the command line, which needed `#!/usr/bin/env -S node …` (not busybox env, not npm's
// Windows shims before cmd-shim 6.0.1, not `node dist/cli.js`); V8 reads `--semi-space-growth-factor` each time the young generation
// would grow, so setting it to 1 here keeps it at its initial size, in any way kpods is started.
import v8 from 'node:v8';

const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some(flag =>
	/--max-semi-space-size|--semi-space-growth-factor/.test(flag),
);
// A flag given on the command line or in NODE_OPTIONS wins (benchmarks compare that way).
if (!given) {
	v8.setFlagsFromString('--semi-space-growth-factor=1');
}
