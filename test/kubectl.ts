// The machine's kubectl, a real and independent client, as the tests' oracle: pointed at one
// kubeconfig, with a HOME of its own so its discovery cache is fresh for every run.
import {type ChildProcessWithoutNullStreams, execFile, spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {TestContext} from 'node:test';

/** Whether kubectl is installed here; tests that need it skip, saying so, without it. */
export const kubectlInstalled = !spawnSync('kubectl', ['version', '--client'], {stdio: 'ignore'}).error;

/** The reason a test gives when it skips for want of kubectl. */
export const kubectlMissing = 'kubectl is not installed: skipping';

/** Skips the test (saying why) when kubectl is not installed; true when it did. */
export function skipWithoutKubectl(t: TestContext): boolean {
	if (!kubectlInstalled) {
		t.skip(kubectlMissing);
	}
	return !kubectlInstalled;
}

/** What one kubectl run printed, and its exit code. */
export interface KubectlRun {
	code: number;
	stdout: string;
	stderr: string;
}

/** kubectl on one kubeconfig, run in a temporary directory that is also its HOME. */
export class Kubectl {
	/** The directory kubectl runs in (files written with `file` are here). */
	readonly work: string;
	readonly env: NodeJS.ProcessEnv;

	constructor(kubeconfig: string) {
		this.work = mkdtempSync(join(tmpdir(), 'kpods-kubectl-'));
		writeFileSync(join(this.work, 'kubeconfig'), kubeconfig, {mode: 0o600});
		// TZ stays the test's, so kubectl and kpods print the same dates.
		this.env = {
			PATH: process.env['PATH'],
			HOME: this.work,
			KUBECONFIG: join(this.work, 'kubeconfig'),
			...(process.env['TZ'] ? {TZ: process.env['TZ']} : {}),
		};
	}

	/** Runs `kubectl ARGS` to the end (30 s at most). */
	async run(...args: string[]): Promise<KubectlRun> {
		return new Promise(resolve => {
			execFile('kubectl', args, {env: this.env, cwd: this.work, timeout: 30_000}, (error, stdout, stderr) => {
				resolve({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr});
			});
		});
	}

	/** What `kubectl ARGS` printed; rejects with its stderr when it exits non-zero. */
	async output(...args: string[]): Promise<string> {
		const result = await this.run(...args);
		if (result.code !== 0) {
			throw new Error(`kubectl ${args.join(' ')}: ${result.stderr}`);
		}
		return result.stdout;
	}

	/** Starts `kubectl ARGS` that keeps running (a watch). */
	start(...args: string[]): ChildProcessWithoutNullStreams {
		return spawn('kubectl', args, {env: this.env, cwd: this.work});
	}

	/** Writes a file where kubectl runs; gives its path. */
	file(name: string, text: string): string {
		const path = join(this.work, name);
		writeFileSync(path, text);
		return path;
	}

	remove(): void {
		rmSync(this.work, {recursive: true, force: true});
	}
}
