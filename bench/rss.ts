// Where kpods' memory goes once it is live (COUNTS pods, default 0): peak RSS beside
// `kubectl get pods -o wide`'s, and what the resident memory is made of — V8's heap, memory
// outside it (Buffers, WebAssembly: Ink's Yoga), and the rest (code, Node itself) — read by a
// probe module loaded in front of kpods (`--import data:…`). A bare `node -e ''` is measured
// too: the floor any Node program starts from. Fails (exit 1, one line) when peak RSS is above
// the readme's recorded number by more than 10%.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {spawnSync} from 'node:child_process';
import {spawn as spawnPty} from '@lydell/node-pty';
import {cli, kubectlGetPods, median, peakRssMb, root, startSandboxProcess} from './measure.js';

/** The readme's numbers (Benchmarks, "Memory at start"): peak RSS in MB, per pod count. */
const recorded: Record<number, number> = {0: 77};
const runs = Number(process.env.RUNS ?? 3);
const counts = (process.env.COUNTS ?? '0').split(',').map(Number);
const probe = `data:text/javascript,${encodeURIComponent(`
import {writeFileSync} from 'node:fs';
import v8 from 'node:v8';
process.on('SIGUSR2', () => {
	const memory = process.memoryUsage();
	const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map(space => [space.space_name, space.space_size]));
	writeFileSync(process.env.RSS_PROBE_FILE, JSON.stringify({...memory, spaces}));
});
`)}`;
const directory = mkdtempSync(join(tmpdir(), 'kpods-rss-'));
const bare = spawnSync(process.execPath, ['-e', "process.stdout.write(require('fs').readFileSync('/proc/self/status', 'utf8'))"], {
	encoding: 'utf8',
});
const bareKb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(bare.stdout)?.[1] ?? 0) / 1024;
const bareText = `peaks at ${bareKb('VmHWM').toFixed(0)} MB (${bareKb('RssAnon').toFixed(0)} anonymous, ${bareKb('RssFile').toFixed(0)} file-backed)`;
const rows: string[] = [];
let failed = false;
try {
	for (const count of counts) {
		const sandbox = await startSandboxProcess(count, join(directory, `kubeconfig-${count}`));
		const kpods: Array<Awaited<ReturnType<typeof live>>> = [];
		const kubectl: number[] = [];
		for (let run = 0; run < runs; run++) {
			kpods.push(await live(sandbox.kubeconfig, count, join(directory, `probe-${count}-${run}`)));
			const measured = kubectlGetPods(sandbox.kubeconfig);
			if (measured) {
				kubectl.push(measured.peakMb);
			}
		}
		await sandbox.stop();
		const mb = (bytes: number) => bytes / 1024 / 1024;
		const pick = (read: (each: (typeof kpods)[number]) => number) => median(kpods.map(read)).toFixed(0);
		const peak = median(kpods.map(each => each.peakMb));
		rows.push(
			`| ${count.toLocaleString('en')} | ${peak.toFixed(0)} MB | ${pick(each => mb(each.memory.rss))} MB (${pick(each => each.memory.anonMb)} anonymous, ${pick(each => each.memory.fileMb)} file-backed: code) | ${pick(each => mb(each.memory.heapTotal))} MB (${pick(each => mb(each.memory.heapUsed))} used; new space ${pick(each => mb(each.memory.spaces.new_space ?? 0))}) | ${pick(each => mb(each.memory.external))} MB (buffers ${pick(each => mb(each.memory.arrayBuffers))}) | ${kubectl.length > 0 ? `${median(kubectl).toFixed(0)} MB` : '—'} |`,
		);
		process.stderr.write(`${rows.at(-1)}\n`);
		const record = recorded[count];
		if (record !== undefined && peak > record * 1.1) {
			console.error(
				`rss.ts: MORE THAN RECORDED — peak RSS ${peak.toFixed(0)} MB at ${count} pods; the readme records ${record} MB (limit +10%)`,
			);
			failed = true;
		}
	}
} finally {
	rmSync(directory, {recursive: true, force: true});
}

console.log(`kpods live, then 3 s later: memory (median of ${runs}); a bare \`node -e ''\` ${bareText}\n`);
console.log('| pods | kpods peak RSS | RSS then | V8 heap | outside the heap | kubectl get pods -o wide peak RSS |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
	console.log(row);
}
if (failed) {
	process.exitCode = 1;
}

async function live(kubeconfig: string, count: number, file: string) {
	// NODE_ARGS='--flag …' tries node flags (as in the other benches).
	const nodeArgs = process.env.NODE_ARGS ? process.env.NODE_ARGS.split(' ') : [];
	const pty = spawnPty(process.execPath, [...nodeArgs, '--import', probe, cli, '--kubeconfig', kubeconfig], {
		name: 'xterm-256color',
		cols: 200,
		rows: 50,
		cwd: root,
		env: {...process.env, RSS_PROBE_FILE: file},
	});
	let tail = '';
	pty.onData(data => {
		tail = (tail + data).slice(-20_000);
	});
	const started = Date.now();
	while (!(tail.includes(` 1 Pods ${count} `) && tail.includes('● live') && (count > 0 || tail.includes('No resources found')))) {
		if (Date.now() - started > 60_000) {
			throw new Error(`rss.ts: kpods did not show ${count} pods live in 60 s`);
		}
		await new Promise(resolve => setTimeout(resolve, 50));
	}
	await new Promise(resolve => setTimeout(resolve, 3000));
	process.kill(pty.pid, 'SIGUSR2');
	for (let wait = 0; wait < 100; wait++) {
		try {
			const memory = JSON.parse(readFileSync(file, 'utf8')) as NodeJS.MemoryUsage & {
				spaces: Record<string, number>;
				anonMb: number;
				fileMb: number;
			};
			const peakMb = peakRssMb(pty.pid);
			const status = readFileSync(`/proc/${pty.pid}/status`, 'utf8');
			const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
			Object.assign(memory, {anonMb: kb('RssAnon'), fileMb: kb('RssFile')});
			pty.kill();
			return {memory, peakMb};
		} catch {
			await new Promise(resolve => setTimeout(resolve, 50));
		}
	}
	pty.kill();
	throw new Error('rss.ts: the probe did not answer');
}
