// V8 flags kpods sets on itself before anything else runs. Node reads its own command line only,
// and `#!/usr/bin/env -S node …` is not portable (busybox env, npm's Windows shims before cmd-shim
// 6.0.1, `node dist/cli.js`), so these are set here, each one a flag V8 reads when it is used, not
// only at start-up. A flag given on the command line or in NODE_OPTIONS wins (benchmarks compare that way).
import v8 from 'node:v8';

const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');

// The young generation. Parsing a big pod list makes a lot of short-lived garbage, and V8's
// default lets the young generation grow to tens of MB before it collects (≈30 MB more peak RSS
// at 3,000 pods, no faster). V8 reads `--semi-space-growth-factor` each time the young generation
// would grow, so 1 keeps it at its initial size.
if (!/--max-semi-space-size|--semi-space-growth-factor/.test(given)) {
	v8.setFlagsFromString('--semi-space-growth-factor=1');
}

// Yoga (Ink's layout engine) is WebAssembly: V8 compiles it with its baseline compiler and
// recompiles the functions that get hot with its optimizing one, on background threads. With
// V8's default budget that happens during the first frames, when kpods' own start-up is at its
// peak (+7–9 MB peak RSS at 0 pods: bench/rss.ts); ten times the budget leaves it to the
// functions that stay hot (a table under churn), which are still optimized.
if (!/--wasm-tiering-budget|--liftoff-only/.test(given)) {
	v8.setFlagsFromString('--wasm-tiering-budget=18000000');
}
