import {spawn, spawnSync, fork, type ChildProcess} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {spawn as spawnPty} from '@lydell/node-pty';

export const root = join(import.meta.dirname, '..');
export const cli = join(root, 'dist', 'cli.js');

/** Peak resident memory of a live process, from the kernel (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

export function rssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	return ticks / 100;
}

export interface SandboxProcess {
	child: ChildProcess;
	kubeconfig: string;
	on(listener: (message: {marker: number; at: number}) => void): void;
	stop(): Promise<void>;
}

/** Starts bench/sandbox-server.ts with `count` pods (its environment: `env`); resolves when it listens. */
export async function startSandboxProcess(
	count: number,
	kubeconfig: string,
	env: NodeJS.ProcessEnv = process.env,
): Promise<SandboxProcess> {
	const child = fork(join(import.meta.dirname, 'sandbox-server.ts'), [kubeconfig, String(count)], {
		env,
		execArgv: ['--import', 'tsx'],
		stdio: 'inherit',
	});
	await new Promise<void>((resolve, reject) => {
		child.once('message', () => resolve());
		child.once('exit', code => reject(new Error(`sandbox exited ${code}`)));
	});
	return {
		child,
		kubeconfig,
		on: listener => child.on('message', listener as (message: unknown) => void),
		stop: async () => {
			child.send({stop: true});
			await new Promise(resolve => child.once('exit', resolve));
		},
	};
}

/** kpods in a pseudo-terminal: time from launch until the header counts all `count` pods, and its CPU seconds and peak RSS then. */
export async function kpodsFirstFrame(
	kubeconfig: string,
	count: number,
	build = cli,
): Promise<{seconds: number; cpuSeconds: number; peakMb: number}> {
	const started = process.hrtime.bigint();
	const nodeArgs = process.env.NODE_ARGS ? process.env.NODE_ARGS.split(' ') : [];
	// Run as the `kpods` command runs: through its hashbang (and the node flags it carries).
	const [command, args] = nodeArgs.length > 0 ? [process.execPath, [...nodeArgs, build]] : [build, []];
	const pty = spawnPty(command, [...args, '--kubeconfig', kubeconfig], {
		name: 'xterm-256color',
		cols: 200,
		rows: 50,
		cwd: root,
		env: process.env,
	});
	const wanted = ` 1 Pods ${count} `;
	let tail = '';
	const seconds = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no frame with all pods in 60 s')), 60_000);
		pty.onData(data => {
			tail = (tail + data).slice(-20_000);
			// The header counts the rows the pane holds; "● live" means the list has arrived.
			if (tail.includes(wanted) && tail.includes('● live') && (count > 0 || tail.includes('No resources found'))) {
				clearTimeout(timer);
				resolve(Number(process.hrtime.bigint() - started) / 1e9);
			}
		});
	});
	const used = cpuSeconds(pty.pid);
	const peakMb = peakRssMb(pty.pid);
	pty.kill();
	return {seconds, cpuSeconds: used, peakMb};
}

/** `kubectl get pods -o wide` on the same server: wall time and peak RSS (GNU time). */
export function kubectlGetPods(kubeconfig: string): {seconds: number; peakMb: number} | undefined {
	const result = spawnSync('/usr/bin/time', ['-f', '%e %M', 'kubectl', 'get', 'pods', '-o', 'wide'], {
		encoding: 'utf8',
		env: {...process.env, KUBECONFIG: kubeconfig},
		maxBuffer: 1 << 28,
	});
	if (result.error || result.status !== 0) {
		return undefined;
	}
	const [seconds, kb] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
	return {seconds: seconds!, peakMb: kb! / 1024};
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export {spawn};
