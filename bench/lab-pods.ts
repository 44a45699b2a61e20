// Makes (or deletes) a lab namespace of N pods that never schedule, for `LAB=namespace COUNT=n`:
// `node --import tsx bench/lab-pods.ts create NAMESPACE N` / `… delete NAMESPACE`. The pods ask
// for a scheduler that does not exist (spec.schedulerName), so they stay Pending, unbound: the
// lab's one node (110 pods at most) never runs them, the scheduler never retries them and the
// pod garbage collector (which deletes pods bound to a missing node) leaves them alone; each is shaped like a small real workload's pod (labels, an
// owner-like annotation, two ports, env, resources). Runs kubectl (a bench, not the product).
import {spawnSync} from 'node:child_process';

const [verb, namespace, countText] = process.argv.slice(2);
if (!namespace || (verb !== 'create' && verb !== 'delete')) {
	throw new Error('usage: lab-pods.ts create NAMESPACE N | delete NAMESPACE');
}

function kubectl(args: string[], input?: string): void {
	const result = spawnSync('kubectl', args, {input, encoding: 'utf8', maxBuffer: 1 << 28});
	if (result.status !== 0) {
		throw new Error(`kubectl ${args.join(' ')}: ${result.stderr}`);
	}
}

function pod(index: number): object {
	const name = `bench-${String(index).padStart(5, '0')}`;
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name, labels: {app: 'bench', shard: String(index % 16)}, annotations: {'bench/owner': `batch-${index % 50}`}},
		spec: {
			schedulerName: 'no-such-scheduler',
			containers: [
				{
					name: 'web',
					image: 'registry.example/bench/web:1.2.3',
					ports: [
						{name: 'http', containerPort: 8080},
						{name: 'metrics', containerPort: 9090},
					],
					env: [{name: 'SHARD', value: String(index % 16)}],
					resources: {requests: {cpu: '10m', memory: '16Mi'}, limits: {memory: '64Mi'}},
				},
			],
		},
	};
}

if (verb === 'delete') {
	kubectl(['delete', 'namespace', namespace, '--wait=false']);
} else {
	const count = Number(countText);
	kubectl(['create', 'namespace', namespace]);
	const batch = 500;
	for (let start = 0; start < count; start += batch) {
		const items = Array.from({length: Math.min(batch, count - start)}, (_, offset) => pod(start + offset));
		kubectl(['create', '-n', namespace, '-f', '-', '-o', 'name'], JSON.stringify({apiVersion: 'v1', kind: 'List', items}));
		process.stderr.write(`${Math.min(count, start + batch)} of ${count}\n`);
	}
}
