// Launch → the first frame showing all pods, for kpods (the built CLI in a pseudo-terminal)
// and `kubectl get pods -o wide`, on the same sandbox in the same run, at 0, 1,000, 3,000
// and 10,000 pods. Median of RUNS runs (default 5), with kpods' CPU time (user + system, all
// threads) up to that frame and peak RSS. Fails (exit 1) when kpods' median CPU time is more
// than BENCH_TOLERANCE (40%) above the readme's table: CPU time moves far less with this shared
// machine's load than wall time (3–5× between idle and a load average of 15), and kpods' ratio to
// kubectl is as noisy as kubectl's own 0.06 s at 0 pods.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cli, kpodsFirstFrame, kubectlGetPods, median, startSandboxProcess} from './measure.js';
import {cellNumber, checkNotSlower, recordedTable, reportRegressions} from './recorded.js';

const runs = Number(process.env.RUNS ?? 5);
// CLI=/other/checkout/dist/cli.js measures another build the same way (before/after).
const build = process.env.CLI ?? cli;
const counts = (process.env.COUNTS ?? '0,1000,3000,10000').split(',').map(Number);
// | pods | kpods | kpods CPU | kpods peak RSS | kubectl | kubectl peak RSS | kpods / kubectl |
const recorded = new Map(recordedTable('Launch → first frame showing all pods').map(cells => [cellNumber(cells[0]!), cells]));
const directory = mkdtempSync(join(tmpdir(), 'kpods-bench-'));
const rows: string[] = [];
try {
	for (const count of counts) {
		const sandbox = await startSandboxProcess(count, join(directory, `kubeconfig-${count}`));
		const kpods: Array<{seconds: number; cpuSeconds: number; peakMb: number}> = [];
		const kubectl: Array<{seconds: number; peakMb: number}> = [];
		for (let run = 0; run < runs; run++) {
			// Alternate, so neither always runs on a warmer server.
			kpods.push(await kpodsFirstFrame(sandbox.kubeconfig, count, build));
			const measured = kubectlGetPods(sandbox.kubeconfig);
			if (measured) {
				kubectl.push(measured);
			}
		}

		await sandbox.stop();
		const k = median(kpods.map(each => each.seconds));
		const cpu = median(kpods.map(each => each.cpuSeconds));
		const c = kubectl.length > 0 ? median(kubectl.map(each => each.seconds)) : Number.NaN;
		const kMb = Math.max(...kpods.map(each => each.peakMb));
		const cMb = kubectl.length > 0 ? Math.max(...kubectl.map(each => each.peakMb)) : Number.NaN;
		rows.push(
			`| ${count.toLocaleString('en')} | ${k.toFixed(2)} s | ${cpu.toFixed(2)} s | ${kMb.toFixed(0)} MB | ${Number.isNaN(c) ? 'kubectl not installed' : `${c.toFixed(2)} s`} | ${Number.isNaN(cMb) ? '–' : `${cMb.toFixed(0)} MB`} | ${Number.isNaN(c) ? '–' : (k / c).toFixed(2)} |`,
		);
		process.stderr.write(`${rows.at(-1)}\n`);
		const record = recorded.get(count);
		if (record?.length === 7) {
			checkNotSlower(`${count} pods: kpods CPU seconds to the first frame`, cpu, cellNumber(record[2]!));
		} else {
			process.stderr.write(`first-frame: the readme records no CPU time for ${count} pods\n`);
		}
	}
} finally {
	rmSync(directory, {recursive: true, force: true});
}

console.log(`first frame with all pods (median of ${runs}; peak RSS is the highest seen)\n`);
console.log('| pods | kpods | kpods CPU | kpods peak RSS | kubectl get pods -o wide | kubectl peak RSS | kpods / kubectl |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
	console.log(row);
}
reportRegressions('first-frame.ts');
