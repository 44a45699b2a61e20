// The young-generation cap, three ways, alternated on the same sandbox: as kpods sets it
// (source/v8-flags.ts, in the program), as the old hashbang did
// (`node --max-semi-space-size=2`), and uncapped (V8's default, 16 MB semi-spaces). Launch →
// first frame with all pods: wall time, CPU seconds (user + system, steadier than wall time
// on a busy machine) and peak RSS, medians of RUNS runs (default 5).
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {spawn as spawnPty} from '@lydell/node-pty';
import {cli, cpuSeconds, median, peakRssMb, root, startSandboxProcess} from './measure.js';

const variants: Record<string, string[]> = {
	'in the program (growth factor 1)': [],
	'node --max-semi-space-size=2': ['--max-semi-space-size=2'],
	'uncapped (--max-semi-space-size=16)': ['--max-semi-space-size=16'],
};
const runs = Number(process.env.RUNS ?? 5);
const counts = (process.env.COUNTS ?? '0,3000,10000').split(',').map(Number);
const directory = mkdtempSync(join(tmpdir(), 'kpods-bench-'));
const rows: string[] = [];
try {
	for (const count of counts) {
		const sandbox = await startSandboxProcess(count, join(directory, `kubeconfig-${count}`));
		const results = new Map<string, Array<{wall: number; cpu: number; peakMb: number}>>();
		for (let run = 0; run < runs; run++) {
			for (const [name, flags] of Object.entries(variants)) {
				const list = results.get(name) ?? [];
				list.push(await firstFrame(flags, sandbox.kubeconfig, count));
				results.set(name, list);
			}
		}

		await sandbox.stop();
		for (const [name, list] of results) {
			rows.push(
				`| ${count.toLocaleString('en')} | ${name} | ${median(list.map(each => each.wall)).toFixed(2)} s | ${median(list.map(each => each.cpu)).toFixed(2)} s | ${median(list.map(each => each.peakMb)).toFixed(0)} MB |`,
			);
			process.stderr.write(`${rows.at(-1)}\n`);
		}
	}
} finally {
	rmSync(directory, {recursive: true, force: true});
}

console.log(`young generation: launch → first frame with all pods (median of ${runs})\n`);
console.log('| pods | cap | wall | CPU | peak RSS |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) {
	console.log(row);
}

async function firstFrame(flags: string[], kubeconfig: string, count: number): Promise<{wall: number; cpu: number; peakMb: number}> {
	const started = process.hrtime.bigint();
	const pty = spawnPty(process.execPath, [...flags, cli, '--kubeconfig', kubeconfig], {
		name: 'xterm-256color',
		cols: 200,
		rows: 50,
		cwd: root,
		env: process.env,
	});
	let tail = '';
	const wall = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no frame with all pods in 60 s')), 60_000);
		pty.onData(data => {
			tail = (tail + data).slice(-20_000);
			if (tail.includes(` 1 Pods ${count} `) && tail.includes('● live')) {
				clearTimeout(timer);
				resolve(Number(process.hrtime.bigint() - started) / 1e9);
			}
		});
	});
	const measured = {wall, cpu: cpuSeconds(pty.pid), peakMb: peakRssMb(pty.pid)};
	const exited = new Promise(resolve => pty.onExit(resolve));
	pty.kill();
	await exited;
	return measured;
}
