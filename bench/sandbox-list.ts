// Measures how long the sandbox takes to list 10,000 pods over HTTP: as JSON (what an
// informer lists), as a server-side Table (what `kubectl get pods` asks for), and one
// 500-item page (what client-go's pager asks for first). Seeded pods are shaped as a v1.32
// server returns them (managedFields, projected token volume, full status): about 4.2 KB
// each in a list, 42 MB for 10,000 (a real v1.20 server's pod, reference/pod-running, is 3.5 KB).
// Run: node --import tsx bench/sandbox-list.ts [count]
import {performance} from 'node:perf_hooks';
import {startSandbox} from '../source/sandbox/index.js';

const count = Number(process.argv[2] ?? 10_000);
const rounds = 7;
const sandbox = await startSandbox();
const seedStart = performance.now();
sandbox.seedPods('bench', count);
const seedMs = performance.now() - seedStart;

const median = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

async function measure(label: string, path: string, accept: string): Promise<void> {
	const received: number[] = [];
	const parsed: number[] = [];
	let bytes = 0;
	let items = 0;
	for (let round = 0; round < rounds; round++) {
		const start = performance.now();
		const response = await fetch(`${sandbox.url}${path}`, {headers: {authorization: `Bearer ${sandbox.token}`, accept}});
		const text = await response.text();
		received.push(performance.now() - start);
		const body = JSON.parse(text) as {items?: unknown[]; rows?: unknown[]};
		parsed.push(performance.now() - start);
		bytes = text.length;
		items = (body.items ?? body.rows ?? []).length;
	}

	const each = items > 0 ? `${(bytes / items / 1000).toFixed(2)} KB each` : '';
	console.log(
		`${label.padEnd(36)} ${String(items).padStart(6)} items ${(bytes / 1e6).toFixed(1).padStart(5)} MB ${each.padStart(13)}   received ${median(received).toFixed(0).padStart(4)} ms   parsed ${median(parsed).toFixed(0).padStart(4)} ms`,
	);
}

console.log(
	`seeded ${count} Running pods in ${seedMs.toFixed(0)} ms; medians of ${rounds} rounds (received = request until the whole body is read; parsed = plus JSON.parse)`,
);
await measure('list pods, JSON', '/api/v1/namespaces/bench/pods', 'application/json');
await measure('list pods, all namespaces, JSON', '/api/v1/pods', 'application/json');
await measure(
	'list pods, Table (kubectl get)',
	'/api/v1/namespaces/bench/pods',
	'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
);
await measure('list pods, first page of 500', '/api/v1/namespaces/bench/pods?limit=500', 'application/json');
await measure('list pods, label selector (1 match)', '/api/v1/namespaces/bench/pods?labelSelector=index%3D42', 'application/json');
await sandbox.close();
