// Peak resident memory (RSS) of kpods beside kubectl doing the same job on the same server: list
// one namespace's pods and watch them (`kubectl get pods -o wide --watch`; the one-shot `kubectl
// get pods -o wide` too). Both are started as a user starts them: the kubeconfig in KUBECONFIG,
// kpods through its hashbang with no flags (FLAGS=1 adds `--kubeconfig FILE`, which loads meow's
// parser: +6 MB). Each is read from /proc at live + 3 s: peak (VmHWM) and, for kpods, what its
// resident pages are (the `node` binary's, malloc's, JIT code, the rest: V8's heap, Yoga's wasm
// memory, thread stacks). Floors beside them: a bare `node -e ''`, and a Node ESM program that
// makes one HTTPS request to the same server.
//   COUNTS=0,7,3000,10000 (default) on a sandbox in its own process; RUNS=3 (median);
//   LAB=namespace (KUBECONFIG=~/.kpods-lab/kubeconfig) on a real server instead;
//   KUBECTL=0 measures kpods only; NODE_ARGS='--flag …' runs kpods as `node --flag … dist/cli.js`; CLI=… another build.
// Fails (exit 1, one line each) when kpods' peak is more than 10% above the readme's record.
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {spawn as spawnPty} from '@lydell/node-pty';
import {cli, median, root, startSandboxProcess} from './measure.js';
import {cellNumber, recordedTable} from './recorded.js';

const runs = Number(process.env.RUNS ?? 3);
const lab = process.env.LAB;
const counts = lab ? [undefined] : (process.env.COUNTS ?? '0,7,3000,10000').split(',').map(Number);
const build = process.env.CLI ?? cli;
const nodeArgs = process.env.NODE_ARGS ? process.env.NODE_ARGS.split(' ') : [];
const withFlags = process.env.FLAGS === '1';
const directory = mkdtempSync(join(tmpdir(), 'kpods-rss-'));
const mb = (kb: number) => kb / 1024;

/** VmHWM, VmRSS and their parts from /proc/PID/status, in kB. */
function status(pid: number): Record<string, number> {
	const text = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Object.fromEntries([...text.matchAll(/^(\w+):\s+(\d+) kB$/gm)].map(match => [match[1]!, Number(match[2])]));
}

/** Resident kB by what the mapping is: the node binary, other files, malloc's heap, JIT code, other anonymous memory. */
function residentParts(pid: number): Record<'node' | 'files' | 'malloc' | 'code' | 'anonymous', number> {
	const parts = {node: 0, files: 0, malloc: 0, code: 0, anonymous: 0};
	let part: keyof typeof parts = 'anonymous';
	for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
		const mapping = /^[\da-f]+-[\da-f]+ (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
		if (mapping) {
			const [, permissions, name] = mapping;
			part =
				name === process.execPath
					? 'node'
					: name!.startsWith('/')
						? 'files'
						: name === '[heap]'
							? 'malloc'
							: permissions!.includes('x')
								? 'code'
								: 'anonymous';
			continue;
		}
		const rss = /^Rss:\s+(\d+) kB/.exec(line);
		if (rss) {
			parts[part] += Number(rss[1]);
		}
	}
	return parts;
}

const wait = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function waitUntil(done: () => boolean, what: string): Promise<void> {
	const started = Date.now();
	while (!done()) {
		if (Date.now() - started > 120_000) {
			throw new Error(`rss.ts: ${what} in 120 s`);
		}
		await wait(50);
	}
}

/** kpods live on `count` pods (any count on the lab), then 3 s: its status and resident parts. */
async function kpodsLive(kubeconfig: string, count: number | undefined) {
	const flags = withFlags ? ['--kubeconfig', kubeconfig] : [];
	const [command, args] = nodeArgs.length > 0 ? [process.execPath, [...nodeArgs, build, ...flags]] : [build, flags];
	const pty = spawnPty(command, args, {
		name: 'xterm-256color',
		cols: 200,
		rows: 50,
		cwd: root,
		env: {...process.env, KUBECONFIG: kubeconfig},
	});
	let tail = '';
	pty.onData(data => {
		tail = (tail + data).slice(-20_000);
	});
	try {
		const counted = count === undefined ? / 1 Pods \d/ : new RegExp(` 1 Pods ${count} `);
		await waitUntil(
			() => counted.test(tail) && tail.includes('● live') && (count !== 0 || tail.includes('No resources found')),
			'kpods did not show the pods live',
		);
		await wait(3000);
		const {VmHWM, VmRSS} = status(pty.pid);
		return {VmHWM: VmHWM!, VmRSS: VmRSS!, ...residentParts(pty.pid)};
	} finally {
		pty.kill();
	}
}

/** `kubectl get pods -o wide --watch` until it has printed the list, then 3 s: its peak RSS in kB. */
async function kubectlWatch(kubeconfig: string, count: number | undefined): Promise<number> {
	const started = Date.now();
	const child = spawn('kubectl', ['get', 'pods', '-o', 'wide', '--watch'], {env: {...process.env, KUBECONFIG: kubeconfig}});
	let lines = 0;
	let quiet = 0;
	child.stdout.on('data', (chunk: Buffer) => {
		lines += chunk.toString('utf8').split('\n').length - 1;
		quiet = Date.now();
	});
	try {
		// The list is printed once nothing more comes for 0.5 s (a watch prints only changes after it);
		// an empty list prints nothing at all, so then 1 s is given to it (the one-shot takes 0.1–0.3 s;
		// 2 s on the lab, where the count is not known beforehand).
		const empty = count === 0 ? 1000 : count === undefined ? 2000 : Number.POSITIVE_INFINITY;
		await waitUntil(() => (lines > 0 ? Date.now() - quiet > 500 : Date.now() - started > empty), 'kubectl --watch printed nothing');
		await wait(3000);
		return status(child.pid!).VmHWM!;
	} finally {
		child.kill();
	}
}

/** `kubectl get pods -o wide` (one shot): its peak RSS in kB, by GNU time. */
function kubectlOnce(kubeconfig: string): number {
	const result = spawnSync('/usr/bin/time', ['-f', '%M', 'kubectl', 'get', 'pods', '-o', 'wide'], {
		encoding: 'utf8',
		env: {...process.env, KUBECONFIG: kubeconfig},
		maxBuffer: 1 << 28,
	});
	return Number(result.stderr.trim().split('\n').at(-1));
}

/** A Node ESM program that only makes one HTTPS request to the server (as kpods' first list does): its peak RSS in kB. */
function httpsFloor(kubeconfig: string): number | undefined {
	const config = readFileSync(kubeconfig, 'utf8');
	const field = (name: string) => new RegExp(`${name}: (\\S+)`).exec(config)?.[1];
	if (!field('token') || !field('certificate-authority-data')) {
		return undefined;
	}
	const program = join(directory, 'https-floor.mjs');
	writeFileSync(
		program,
		`import https from 'node:https';
import {readFileSync} from 'node:fs';
https.get(${JSON.stringify(`${field('server')}/api/v1/namespaces/default/pods?limit=1`)}, {
	ca: Buffer.from(${JSON.stringify(field('certificate-authority-data'))}, 'base64'),
	headers: {authorization: 'Bearer ${field('token')}'},
}, response => response.resume().on('end', () => process.stdout.write(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1])));
`,
	);
	return Number(spawnSync(process.execPath, [program], {encoding: 'utf8'}).stdout);
}

const bare = Number(
	/VmHWM:\s+(\d+)/.exec(
		spawnSync(process.execPath, ['-e', "process.stdout.write(require('fs').readFileSync('/proc/self/status', 'utf8'))"], {encoding: 'utf8'})
			.stdout,
	)![1],
);
const recorded = new Map(recordedTable('Memory at start').map(row => [row[0], cellNumber(row[1]!)]));
const rows: string[] = [];
const failures: string[] = [];
let floor: number | undefined;
try {
	for (const count of counts) {
		const sandbox = count === undefined ? undefined : await startSandboxProcess(count, join(directory, `kubeconfig-${count}`));
		let kubeconfig = sandbox?.kubeconfig;
		if (!kubeconfig) {
			// The lab: a copy of KUBECONFIG whose context names the namespace, so neither program needs a flag.
			kubeconfig = join(directory, 'kubeconfig-lab');
			writeFileSync(kubeconfig, readFileSync(process.env.KUBECONFIG ?? join(process.env.HOME!, '.kube', 'config')));
			spawnSync('kubectl', ['config', 'set-context', '--current', `--namespace=${lab}`], {env: {...process.env, KUBECONFIG: kubeconfig}});
		}
		try {
			floor ??= httpsFloor(kubeconfig);
			const kpods: Array<Awaited<ReturnType<typeof kpodsLive>>> = [];
			const watch: number[] = [];
			const once: number[] = [];
			for (let run = 0; run < runs; run++) {
				kpods.push(await kpodsLive(kubeconfig, count));
				if (process.env.KUBECTL !== '0') {
					watch.push(await kubectlWatch(kubeconfig, count));
					once.push(kubectlOnce(kubeconfig));
				}
			}
			const pick = (read: (each: (typeof kpods)[number]) => number) => mb(median(kpods.map(read))).toFixed(0);
			const label = count === undefined ? `lab: ${lab}` : count.toLocaleString('en');
			const peak = Number(pick(each => each.VmHWM));
			rows.push(
				`| ${label} | ${peak} MB | ${watch.length > 0 ? `${mb(median(watch)).toFixed(0)} MB` : '—'} | ${once.length > 0 ? `${mb(median(once)).toFixed(0)} MB` : '—'} | ${pick(each => each.VmRSS)} MB: node binary ${pick(each => each.node)}, other files ${pick(each => each.files)}, malloc ${pick(each => each.malloc)}, JIT code ${pick(each => each.code)}, V8 heap and the rest ${pick(each => each.anonymous)} |`,
			);
			process.stderr.write(`${rows.at(-1)}\n`);
			const record = recorded.get(label);
			if (record !== undefined && peak > record * 1.1) {
				failures.push(
					`rss.ts: MORE THAN RECORDED — kpods' peak RSS ${peak} MB at ${label} pods; the readme records ${record} MB (limit +10%)`,
				);
			}
		} finally {
			await sandbox?.stop();
		}
	}
} finally {
	rmSync(directory, {recursive: true, force: true});
}

console.log(
	`Live + 3 s, median of ${runs}${nodeArgs.length > 0 ? `, kpods as node ${nodeArgs.join(' ')}` : ''}${withFlags ? ', kpods --kubeconfig FILE' : ''}. Floors: a bare \`node -e ''\` peaks at ${mb(bare).toFixed(0)} MB${floor ? `, a Node ESM program making one HTTPS request to the server at ${mb(floor).toFixed(0)} MB` : ''}.\n`,
);
console.log('| pods | kpods peak RSS | kubectl get pods -o wide --watch | kubectl get pods -o wide | kpods RSS then, by kind of page |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) {
	console.log(row);
}
for (const failure of failures) {
	console.error(failure);
}
if (failures.length > 0) {
	process.exitCode = 1;
}
