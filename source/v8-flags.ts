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

// The two budgets below are V8 11's (Node 20), where they were measured: V8 12 and later (Node
// 22, 24) start with a wasm budget of 13,000,000 and count invocations instead of an interrupt
// budget, and an unknown flag would be written to the terminal, so they are set on V8 11 only.
const v8Eleven = process.versions.v8.startsWith('11.');

// Yoga (Ink's layout engine) is WebAssembly: V8 compiles it with its baseline compiler and
// recompiles the functions that get hot with its optimizing one, on background threads. With
// V8's default budget that happens during the first frames, when kpods' own start-up is at its
// peak (+7–9 MB peak RSS at 0 pods: bench/rss.ts); ten times the budget leaves it to the
// functions that stay hot (a table under churn), which are still optimized.
if (v8Eleven && !/--wasm-tiering-budget|--liftoff-only/.test(given)) {
	v8.setFlagsFromString('--wasm-tiering-budget=18000000');
}

// JavaScript the same way: V8 optimizes a function with TurboFan once it has run through its
// interrupt budget. Most of what runs before the first frame runs once (module set-up, the
// kubeconfig, the first render); optimizing it there cost memory (compile zones and TurboFan's
// own code pages: 7 pods, peak RSS 77 → 66 MB) and CPU on a second thread (3,000 pods: 1.25 s →
// 0.85 s of CPU to the first frame with all rows). Ten times the budget leaves optimizing to
// the code that stays hot: decoding a long list, rendering under churn (no slower: bench/churn.ts).
if (v8Eleven && !/--interrupt-budget/.test(given)) {
	v8.setFlagsFromString('--interrupt-budget=675840');
}
