// While kpods watches 10,000 pods, 100 pod status changes a second arrive: how long from a
// change on the server to the frame that shows it (p50, p95), and kpods' CPU and RSS idle
// and under that churn. One change in five is on a row that is on screen; only those can
// be seen, so only those are timed.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {spawn as spawnPty} from '@lydell/node-pty';
import {cli, cpuSeconds, percentile, root, rssMb, startSandboxProcess} from './measure.js';

const count = Number(process.env.PODS ?? 10_000);
const perSecond = Number(process.env.CHANGES ?? 100);
const seconds = Number(process.env.SECONDS_EACH ?? 10);
const directory = mkdtempSync(join(tmpdir(), 'kpods-churn-'));
const sandbox = await startSandboxProcess(count, join(directory, 'kubeconfig'));
const rows = 50;
// NODE_ARGS='--cpu-prof --cpu-prof-dir=DIR' profiles kpods during the run.
const nodeArgs = process.env.NODE_ARGS ? process.env.NODE_ARGS.split(' ') : [];
const [command, args] = nodeArgs.length > 0 ? [process.execPath, [...nodeArgs, cli]] : [cli, []];
const pty = spawnPty(command, [...args, '--kubeconfig', sandbox.kubeconfig], {
	name: 'xterm-256color',
	cols: 200,
	rows,
	cwd: root,
	env: process.env,
});
let tail = '';
const pending = new Map<number, number>();
const latencies: number[] = [];
pty.onData(data => {
	const arrived = Date.now();
	tail = (tail + data).slice(-200_000);
	for (const [marker, at] of pending) {
		if (data.includes(`${marker} `)) {
			latencies.push(arrived - at);
			pending.delete(marker);
		}
	}
});
sandbox.on(message => {
	if ('marker' in message) {
		pending.set(message.marker, message.at);
	}
});

const wait = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
while (!tail.includes(` 1 Pods ${count} `)) {
	await wait(20);
}
await wait(2000);

const window = async () => {
	const cpu = cpuSeconds(pty.pid);
	await wait(seconds * 1000);
	return {cpu: (cpuSeconds(pty.pid) - cpu) / seconds, rss: rssMb(pty.pid)};
};

const idle = await window();
sandbox.child.send({churn: perSecond, visible: rows - 8});
await wait(1000);
latencies.length = 0;
const busy = await window();
sandbox.child.send({churn: 0});
const unseen = pending.size;
pty.kill();
await sandbox.stop();
rmSync(directory, {recursive: true, force: true});

console.log(
	`${count.toLocaleString('en')} pods watched, ${perSecond} changes/s for ${seconds} s; ${latencies.length} on-screen changes timed (${unseen} not yet drawn when the run ended)\n`,
);
console.log('| | p50 | p95 | max |');
console.log('| --- | --- | --- | --- |');
console.log(`| change → frame | ${percentile(latencies, 50)} ms | ${percentile(latencies, 95)} ms | ${Math.max(...latencies)} ms |`);
console.log('\n| kpods | CPU (one core = 100%) | RSS |');
console.log('| --- | --- | --- |');
console.log(`| idle | ${(idle.cpu * 100).toFixed(1)}% | ${idle.rss.toFixed(0)} MB |`);
console.log(`| ${perSecond} changes/s | ${(busy.cpu * 100).toFixed(1)}% | ${busy.rss.toFixed(0)} MB |`);
