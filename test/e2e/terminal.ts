import {spawn as spawnChild, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CoreV1Api, KubeConfig} from '@kubernetes/client-node';
import xterm from '@xterm/headless';
import type {IPty} from '@lydell/node-pty';

export const root = join(import.meta.dirname, '..', '..');
export const cli = join(root, 'dist', 'cli.js');

// @lydell/node-pty ships a prebuilt binary per platform as an optional package (no compiler
// needed). Where none fits (another platform, or a libc the binary does not load on), the
// tests that need a terminal are skipped with this reason instead of failing the install.
const pty = loadPty();

/** Why no pseudo-terminal can be opened here (tests that need one skip with it), or undefined. */
export const ptyUnavailable: string | undefined = typeof pty === 'string' ? pty : undefined;

function loadPty(): typeof import('@lydell/node-pty') | string {
	try {
		return createRequire(import.meta.url)('@lydell/node-pty') as typeof import('@lydell/node-pty');
	} catch (error) {
		const reason = String((error as Error).message).split('\n')[0];
		return `no pseudo-terminal on ${process.platform}-${process.arch}: ${reason}`;
	}
}

/** The built CLI is what users run; `npm test` builds it first. */
export function assertBuilt(): void {
	if (!existsSync(cli)) {
		throw new Error(`${cli} is missing: run npm run build (npm test does) before the end-to-end tests`);
	}
}

/**
 * kpods in a real pseudo-terminal, its output fed to a headless xterm so tests read the
 * screen a user would see, and every byte kept to check what was written at the end.
 */
export class TerminalSession {
	readonly pty: IPty;
	readonly terminal: InstanceType<typeof xterm.Terminal>;
	output = '';
	exit: Promise<{exitCode: number; signal?: number}>;
	/** XDG_STATE_HOME of this kpods (the tutorial's memory file) unless the test gives one: never the user's own. */
	readonly stateHome = mkdtempSync(join(tmpdir(), 'kpods-state-'));

	constructor(args: string[], options: {columns?: number; rows?: number; env?: NodeJS.ProcessEnv} = {}) {
		const columns = options.columns ?? 120;
		const rows = options.rows ?? 30;
		if (typeof pty === 'string') {
			throw new Error(`${pty}; guard this test with {skip: ptyUnavailable}`);
		}
		this.terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
		// The built file itself, through its hashbang, as the installed `kpods` command runs
		// (Windows runs no hashbangs: there npm's shim runs `node cli.js`, and so does this).
		const [file, fileArgs] = process.platform === 'win32' ? [process.execPath, [cli, ...args]] : [cli, args];
		this.pty = pty.spawn(file, fileArgs, {
			name: 'xterm-256color',
			cols: columns,
			rows,
			cwd: root,
			env: {...process.env, XDG_STATE_HOME: this.stateHome, ...options.env, TERM: 'xterm-256color'},
		});
		this.pty.onData(data => {
			this.output += data;
			this.terminal.write(data);
		});
		this.exit = new Promise(resolve =>
			this.pty.onExit(result => {
				rmSync(this.stateHome, {recursive: true, force: true});
				resolve(result);
			}),
		);
	}

	/** The screen as text, one string per row, trailing spaces trimmed. */
	screen(): string {
		const buffer = this.terminal.buffer.active;
		const lines: string[] = [];
		for (let row = 0; row < this.terminal.rows; row++) {
			lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		}
		return lines.join('\n');
	}

	async waitForScreen(predicate: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
		const started = Date.now();
		for (;;) {
			// Let xterm finish parsing what arrived.
			await new Promise<void>(resolve => this.terminal.write('', resolve));
			const screen = this.screen();
			if (predicate(screen)) {
				return screen;
			}
			if (Date.now() - started > timeoutMs) {
				throw new Error(`timed out waiting for ${what}; the screen was:\n${screen}`);
			}
			await new Promise(resolve => setTimeout(resolve, 50));
		}
	}

	/** Resizes the pseudo-terminal (kpods gets SIGWINCH) and the emulated screen. */
	resize(columns: number, rows: number): void {
		this.pty.resize(columns, rows);
		this.terminal.resize(columns, rows);
	}

	write(keys: string): void {
		this.pty.write(keys);
	}

	kill(): void {
		try {
			this.pty.kill();
		} catch {
			// Already gone.
		}
	}
}

/** `kpods sandbox` in the background, as a user would run it for kubectl. */
export async function startSandboxProcess(kubeconfig: string): Promise<ChildProcessWithoutNullStreams> {
	const child = spawnChild(process.execPath, [cli, 'sandbox', '--kubeconfig-out', kubeconfig], {cwd: root});
	let out = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`kpods sandbox did not start: ${out}`)), 15_000);
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			if (out.includes('Press Ctrl-C to stop.')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.stderr.on('data', (chunk: Buffer) => {
			out += chunk.toString();
		});
		child.on('exit', code => reject(new Error(`kpods sandbox exited with ${code}: ${out}`)));
	});
	return child;
}

/** A `kpods sandbox` process for one e2e file: its kubeconfig in a temporary directory, a client, and how to end both. */
export interface E2eSandbox {
	directory: string;
	kubeconfig: string;
	api: CoreV1Api;
	stop(): void;
}

/** Starts `kpods sandbox` writing its kubeconfig into a new temporary directory named after `prefix`. */
export async function startE2eSandbox(prefix: string): Promise<E2eSandbox> {
	assertBuilt();
	const directory = mkdtempSync(join(tmpdir(), prefix));
	const kubeconfig = join(directory, 'kubeconfig');
	const sandbox = await startSandboxProcess(kubeconfig);
	const kc = new KubeConfig();
	kc.loadFromFile(kubeconfig);
	return {
		directory,
		kubeconfig,
		api: kc.makeApiClient(CoreV1Api),
		stop() {
			sandbox.kill('SIGINT');
			rmSync(directory, {recursive: true, force: true});
		},
	};
}
