import {t} from '../i18n/index.js';

/** The `exec` stanza of a kubeconfig user (client.authentication.k8s.io). */
export interface ExecConfig {
	command: string;
	args?: string[];
	env?: Array<{name: string; value: string}>;
	apiVersion?: string;
	installHint?: string;
	interactiveMode?: string;
}

/** What a plugin hands back: a bearer token or a client certificate and key. */
export interface ExecCredentials {
	token?: string;
	cert?: Buffer;
	key?: Buffer;
}

/** Runs the plugin and gives its stdout; rejects with the reason. Replaceable in tests. */
export type RunPlugin = (config: ExecConfig, env: NodeJS.ProcessEnv, timeoutMs: number) => Promise<string>;

/** How long a plugin may take before kpods gives up on it. client-go waits for ever; a TUI cannot. */
export const execTimeoutMs = 30_000;

/**
 * An exec credential plugin run the way client-go runs it: once, its answer kept until its
 * `expirationTimestamp` (for ever when it gives none) or until the server answers 401 to it;
 * concurrent requests wait for the one run in flight; a failure is not kept, so the next
 * request runs the plugin again. Never interactive: kpods owns the terminal.
 */
export class ExecPlugin {
	private current: {credentials: ExecCredentials; expires: number} | undefined;
	private running: Promise<ExecCredentials> | undefined;
	/** How many times the plugin has been started (for tests and the trace). */
	runs = 0;

	constructor(
		private readonly config: ExecConfig,
		private readonly options: {timeoutMs?: number; run?: RunPlugin; now?: () => number} = {},
	) {}

	/** The plugin's credentials, running it only when none are held or they have expired. */
	async credentials(): Promise<ExecCredentials> {
		const now = this.options.now?.() ?? Date.now();
		if (this.current && now < this.current.expires) {
			return this.current.credentials;
		}

		this.running ??= this.run().finally(() => {
			this.running = undefined;
		});
		return this.running;
	}

	/**
	 * The server answered 401 to a request made with `used`: the next request runs the plugin
	 * again (client-go's maybeRefreshCreds), unless another request has already replaced them.
	 * The failed request itself is not retried; kpods' stores retry with their backoff.
	 */
	rejected(used: ExecCredentials): void {
		if (this.current?.credentials === used) {
			this.current = undefined;
		}
	}

	private async run(): Promise<ExecCredentials> {
		const {config} = this;
		if (config.interactiveMode === 'Always') {
			throw new Error(t('exec.interactive', {command: config.command}));
		}

		const apiVersion = config.apiVersion ?? 'client.authentication.k8s.io/v1beta1';
		const env: NodeJS.ProcessEnv = {
			...process.env,
			...Object.fromEntries((config.env ?? []).map(entry => [entry.name, entry.value])),
			KUBERNETES_EXEC_INFO: JSON.stringify({kind: 'ExecCredential', apiVersion, spec: {interactive: false}}),
		};
		this.runs++;
		const stdout = await (this.options.run ?? runPlugin)(config, env, this.options.timeoutMs ?? execTimeoutMs);
		const {credentials, expires} = parseExecCredential(stdout, apiVersion, config.command);
		this.current = {credentials, expires};
		return credentials;
	}
}

/** The ExecCredential a plugin printed, checked as client-go checks it. */
export function parseExecCredential(stdout: string, apiVersion: string, command: string): {credentials: ExecCredentials; expires: number} {
	let body: {
		apiVersion?: string;
		kind?: string;
		status?: {token?: string; clientCertificateData?: string; clientKeyData?: string; expirationTimestamp?: string};
	};
	try {
		body = JSON.parse(stdout);
	} catch {
		throw new Error(t('exec.notJson', {command}));
	}

	if (body?.kind !== 'ExecCredential') {
		throw new Error(`exec plugin "${command}" printed a "${body?.kind ?? ''}", not an ExecCredential`);
	}

	if (body.apiVersion !== apiVersion) {
		throw new Error(`exec plugin is configured to use API version ${apiVersion}, plugin returned version ${body.apiVersion ?? ''}`);
	}

	const status = body.status ?? {};
	const hasCertificate = Boolean(status.clientCertificateData) && Boolean(status.clientKeyData);
	if (!status.token && !hasCertificate) {
		throw new Error(`exec plugin "${command}" didn't return a token or cert/key pair`);
	}

	const expires = status.expirationTimestamp ? Date.parse(status.expirationTimestamp) : Number.POSITIVE_INFINITY;
	return {
		credentials: {
			token: status.token || undefined,
			cert: hasCertificate ? Buffer.from(status.clientCertificateData!) : undefined,
			key: hasCertificate ? Buffer.from(status.clientKeyData!) : undefined,
		},
		expires: Number.isNaN(expires) ? Number.POSITIVE_INFINITY : expires,
	};
}

/**
 * Starts the plugin without a shell, stdin closed, and stops it at the time limit. child_process
 * (with dgram and the rest it loads) is loaded here, not before the first frame of every start.
 */
const runPlugin: RunPlugin = async (config, env, timeoutMs) => {
	const {execFile} = await import('node:child_process');
	return new Promise((resolve, reject) => {
		execFile(
			config.command,
			config.args ?? [],
			{env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024, windowsHide: true},
			(error, stdout, stderr) => {
				if (!error) {
					resolve(stdout);
					return;
				}

				const failure = error as NodeJS.ErrnoException & {killed?: boolean; code?: number | string};
				const said = stderr.trim().split('\n')[0] ?? '';
				if (failure.code === 'ENOENT') {
					reject(
						new Error(
							`exec: executable ${config.command} not found${config.installHint ? ` (${config.installHint.trim().split('\n')[0]})` : ''}`,
						),
					);
				} else if (failure.killed) {
					reject(new Error(t('exec.timeout', {command: config.command, seconds: timeoutMs / 1000})));
				} else {
					reject(new Error(`exec: executable ${config.command} failed with exit code ${String(failure.code)}${said ? `: ${said}` : ''}`));
				}
			},
		).stdin?.end();
	});
};
