// Launch → the first rows on screen, wall time and the kpods process's CPU time (user + system,
// all threads, from /proc) at that moment, for one or more builds alternated in one run, beside
// `kubectl get pods -n NS -o wide` (wall, alternated with kpods), with the load average:
//   KUBECONFIG=… NS=kube-system WANT=coredns RUNS=9 node --import tsx bench/start-cpu.ts A/dist/cli.js B/dist/cli.js
// WANT is text the first rows show ("No resources found" for an empty namespace). CPU time is
// the steadier measure on a shared machine; wall time is what the user waits.
//   SANDBOX=1: against a sandbox in its own process (bench/sandbox-server.ts), in its empty
//     namespace `bench` (no KUBECONFIG needed);
//   ARGS=--sandbox: `kpods --sandbox` instead of `kpods -n NS` (its own sandbox, in process; no kubectl).
// A build may carry node's own flags before it, as one argument: '--max-semi-space-size=2 dist/cli.js'.
// RECORD names a row of the readme's table "Launch → first rows on screen": the run fails
// (exit 1) when the first build's median CPU is more than BENCH_TOLERANCE (40%) above it.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {spawn as spawnPty} from '@lydell/node-pty';
import {cli, median, startSandboxProcess, type SandboxProcess} from './measure.js';
import {cellNumber, checkNotSlower, recordedTable, reportRegressions} from './recorded.js';

const builds = process.argv.length > 2 ? process.argv.slice(2) : [cli];
const runs = Number(process.env.RUNS ?? 9);
const useSandbox = process.env.SANDBOX === '1';
const namespace = useSandbox ? 'bench' : (process.env.NS ?? 'default');
const wanted = process.env.WANT ?? 'No resources found';
const args = process.env.ARGS ? process.env.ARGS.split(' ') : ['-n', namespace];
const record = process.env.RECORD;

/**
 * The process's CPU seconds so far, all its live threads, from the scheduler's nanosecond
 * counters (/proc/PID/task/TID/schedstat): /proc/PID/stat counts in 10 ms ticks, too coarse
 * for the 10–20 ms a cut saves here.
 */
function cpuSeconds(pid: number): number {
	let nanoseconds = 0;
	for (const task of readdirSync(`/proc/${pid}/task`)) {
		try {
			nanoseconds += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
		} catch {
			// The thread ended meanwhile.
		}
	}
	return nanoseconds / 1e9;
}

/** One launch: seconds until `wanted` shows, and the process's CPU seconds then. */
async function launch(build: string, env: NodeJS.ProcessEnv): Promise<{wall: number; cpu: number}> {
	const started = process.hrtime.bigint();
	const pty = spawnPty(process.execPath, [...build.split(' '), ...args], {name: 'xterm-256color', cols: 200, rows: 50, env});
	let tail = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${build}: "${wanted}" not on screen in 60 s`)), 60_000);
		pty.onData(data => {
			tail = (tail + data).slice(-20_000);
			if (tail.includes(wanted)) {
				clearTimeout(timer);
				resolve();
			}
		});
	});
	const wall = Number(process.hrtime.bigint() - started) / 1e9;
	if (!existsSync(`/proc/${pty.pid}/task`)) {
		throw new Error(`${build}: exited with "${wanted}" on screen:\n${tail.slice(-2000)}`);
	}
	const cpu = cpuSeconds(pty.pid);
	pty.kill();
	return {wall, cpu};
}

/** `kubectl get pods -n NS -o wide`: wall seconds, or undefined where kubectl is not installed. */
function kubectl(env: NodeJS.ProcessEnv): number | undefined {
	const started = process.hrtime.bigint();
	const result = spawnSync('kubectl', ['get', 'pods', '-n', namespace, '-o', 'wide'], {env, encoding: 'utf8'});
	return result.status === 0 ? Number(process.hrtime.bigint() - started) / 1e9 : undefined;
}

const directory = mkdtempSync(join(tmpdir(), 'kpods-start-'));
let sandbox: SandboxProcess | undefined;
try {
	let env = process.env;
	if (useSandbox) {
		sandbox = await startSandboxProcess(0, join(directory, 'kubeconfig'));
		env = {...process.env, KUBECONFIG: sandbox.kubeconfig};
	}
	const loads = [loadavg()[0]!];
	const results = new Map(builds.map(build => [build, [] as Array<{wall: number; cpu: number}>]));
	const kubectlWalls: number[] = [];
	for (let run = 0; run < runs; run++) {
		// Alternate the order, so no build always runs first.
		for (const build of run % 2 === 0 ? builds : [...builds].reverse()) {
			results.get(build)!.push(await launch(build, env));
		}
		const measured = args.includes('--sandbox') ? undefined : kubectl(env);
		if (measured !== undefined) {
			kubectlWalls.push(measured);
		}
	}
	loads.push(loadavg()[0]!);
	console.log(
		`launch → "${wanted}" on screen, kpods ${args.join(' ')}, median of ${runs}, load ${loads.map(each => each.toFixed(1)).join(' → ')}\n`,
	);
	console.log('| build | wall | CPU | kubectl get pods -o wide |');
	console.log('| --- | --- | --- | --- |');
	const kubectlText = kubectlWalls.length > 0 ? `${median(kubectlWalls).toFixed(2)} s` : '–';
	for (const [build, launches] of results) {
		console.log(
			`| ${build} | ${median(launches.map(each => each.wall)).toFixed(2)} s | ${(median(launches.map(each => each.cpu)) * 1000).toFixed(0)} ms | ${kubectlText} |`,
		);
	}
	if (record) {
		// | what | kpods | kpods CPU | kubectl get pods -o wide | load |
		const row = recordedTable('Launch → first rows on screen').find(cells => cells[0] === record);
		if (!row) {
			throw new Error(`readme: no row "${record}" under "Launch → first rows on screen"`);
		}
		checkNotSlower(
			`${record}: kpods CPU ms to the first rows`,
			median(results.get(builds[0]!)!.map(each => each.cpu)) * 1000,
			cellNumber(row[2]!),
		);
	}
} finally {
	await sandbox?.stop();
	rmSync(directory, {recursive: true, force: true});
}
reportRegressions('start-cpu.ts');
