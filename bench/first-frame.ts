// Launch → the first frame showing all pods, for kpods (the built CLI in a pseudo-terminal)
// and `kubectl get pods -o wide`, on the same sandbox in the same run, at 0, 1,000, 3,000
// and 10,000 pods. Median of RUNS runs (default 3), with peak RSS.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {kpodsFirstFrame, kubectlGetPods, median, startSandboxProcess} from './measure.js';

const runs = Number(process.env.RUNS ?? 3);
const counts = (process.env.COUNTS ?? '0,1000,3000,10000').split(',').map(Number);
const directory = mkdtempSync(join(tmpdir(), 'kpods-bench-'));
const rows: string[] = [];
try {
	for (const count of counts) {
		const sandbox = await startSandboxProcess(count, join(directory, `kubeconfig-${count}`));
		const kpods: Array<{seconds: number; peakMb: number}> = [];
		const kubectl: Array<{seconds: number; peakMb: number}> = [];
		for (let run = 0; run < runs; run++) {
			// Alternate, so neither always runs on a warmer server.
			kpods.push(await kpodsFirstFrame(sandbox.kubeconfig, count));
			const measured = kubectlGetPods(sandbox.kubeconfig);
			if (measured) {
				kubectl.push(measured);
			}
		}

		await sandbox.stop();
		const k = median(kpods.map(each => each.seconds));
		const c = kubectl.length > 0 ? median(kubectl.map(each => each.seconds)) : Number.NaN;
		const kMb = Math.max(...kpods.map(each => each.peakMb));
		const cMb = kubectl.length > 0 ? Math.max(...kubectl.map(each => each.peakMb)) : Number.NaN;
		rows.push(
			`| ${count.toLocaleString('en')} | ${k.toFixed(2)} s | ${kMb.toFixed(0)} MB | ${Number.isNaN(c) ? 'kubectl not installed' : `${c.toFixed(2)} s`} | ${Number.isNaN(cMb) ? '–' : `${cMb.toFixed(0)} MB`} | ${Number.isNaN(c) ? '–' : (k / c).toFixed(2)} |`,
		);
		process.stderr.write(`${rows.at(-1)}\n`);
	}
} finally {
	rmSync(directory, {recursive: true, force: true});
}

console.log(`first frame with all pods (median of ${runs}; peak RSS is the highest seen)\n`);
console.log('| pods | kpods | kpods peak RSS | kubectl get pods -o wide | kubectl peak RSS | kpods / kubectl |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
	console.log(row);
}
