// A sandbox in its own process for the benchmarks, so its CPU is not counted as kpods' or
// kubectl's. Seeds N Running pods in namespace `bench`, writes a kubeconfig, then obeys the
// parent over IPC: {churn: perSecond, visible: K} makes status changes (restartCount bumps)
// and reports each change's wall-clock time so the parent can measure change → frame.
import {writeFileSync} from 'node:fs';
import {startSandbox} from '../source/sandbox/index.js';
import type {KubeObject} from '../source/k8s/types.js';

const [kubeconfig, countText] = process.argv.slice(2);
const count = Number(countText);
// BENCH_CREATED_AGO_MS runs the sandbox's clock that far behind, so its pods look that old
// (bench/idle.ts: ages past 10 minutes, as on a cluster that has been up a while).
const createdAgo = Number(process.env.BENCH_CREATED_AGO_MS ?? 0);
const sandbox = await startSandbox(createdAgo > 0 ? {now: () => Date.now() - createdAgo} : {});
sandbox.seedPods('bench', count);
// The sandbox encodes each stored object as protobuf once, on its first read (its JSON is made
// at write time): one list warms that, so every run measures the encoded answer, not the first encoding.
await fetch(`${sandbox.url}/api/v1/namespaces/bench/pods`, {
	headers: {authorization: `Bearer ${sandbox.token}`, accept: 'application/vnd.kubernetes.protobuf'},
}).then(response => response.arrayBuffer());
writeFileSync(kubeconfig!, sandbox.kubeconfig({namespace: 'bench'}));

let timer: NodeJS.Timeout | undefined;
let sequence = 0;
process.on('message', (message: {churn?: number; visible?: number; stop?: boolean}) => {
	clearInterval(timer);
	if (message.stop) {
		void sandbox.close().then(() => process.exit(0));
		return;
	}

	const perSecond = message.churn ?? 0;
	const visible = message.visible ?? 20;
	if (perSecond === 0) {
		return;
	}
	// Ticks of 10 ms, each carrying its share of the changes.
	let debt = 0;
	timer = setInterval(() => {
		debt += perSecond / 100;
		for (; debt >= 1; debt--) {
			sequence++;
			// One change in five lands on a row that is on screen (the first `visible` pods), where its frame can be seen.
			const onScreen = sequence % 5 === 0;
			const index = onScreen ? sequence % visible : Math.floor(Math.random() * count);
			const name = `seed-${String(index).padStart(5, '0')}`;
			const pod = sandbox.objects.get('pods', 'bench', name);
			if (!pod) {
				continue;
			}
			const marker = 100_000 + sequence;
			const status = pod.status as {containerStatuses: Array<{restartCount: number; lastState?: unknown}>};
			status.containerStatuses[0]!.restartCount = marker;
			sandbox.objects.update('pods', pod as KubeObject);
			if (onScreen) {
				process.send!({marker, at: Date.now()});
			}
		}
	}, 10);
});

process.send!({ready: true, port: sandbox.port});
