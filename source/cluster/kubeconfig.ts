import {existsSync, readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {delimiter, join} from 'node:path';
import type {KubeConfig} from '@kubernetes/client-node';

/** A kubeconfig resolved to one context: what every client of that cluster is built from. */
export interface Connection {
	kc: KubeConfig;
	context: string;
	server: string;
	user: string;
	/** The context's namespace, else `default`, as kubectl resolves it. */
	contextNamespace: string;
	sandbox: boolean;
}

export interface KubeconfigRequest {
	/** --kubeconfig */
	kubeconfig?: string;
	/** --context */
	context?: string;
	env?: NodeJS.ProcessEnv;
	home?: string;
}

export type KubeconfigResult =
	| {kind: 'ok'; connection: Connection}
	/** No kubeconfig anywhere kubectl would look (or one with no contexts): offer the sandbox. */
	| {kind: 'missing'; looked: string[]}
	/** A kubeconfig that cannot be used: one line, kubectl's wording where kubectl has one. */
	| {kind: 'invalid'; message: string};

/** The files kubectl would read: --kubeconfig, else $KUBECONFIG's list, else ~/.kube/config. */
export function kubeconfigFiles(request: KubeconfigRequest): {files: string[]; looked: string[]} {
	if (request.kubeconfig) return {files: [request.kubeconfig], looked: [request.kubeconfig]};
	const env = request.env ?? process.env;
	if (env.KUBECONFIG) {
		const listed = env.KUBECONFIG.split(delimiter).filter(Boolean);
		return {files: listed.filter(file => existsSync(file)), looked: listed};
	}

	const file = join(request.home ?? homedir(), '.kube', 'config');
	return {files: existsSync(file) ? [file] : [], looked: [file]};
}

/**
 * Loads the kubeconfig and picks the context; never throws for a user's mistake.
 * @example await loadKubeconfig({context: 'minikube'}) // {kind: 'ok', connection: {context: 'minikube', …}}
 */
export async function loadKubeconfig(request: KubeconfigRequest): Promise<KubeconfigResult> {
	const {files, looked} = kubeconfigFiles(request);
	if (request.kubeconfig && !existsSync(request.kubeconfig)) {
		return {kind: 'invalid', message: `stat ${request.kubeconfig}: no such file or directory`};
	}

	if (files.length === 0) return {kind: 'missing', looked};
	const {KubeConfig} = await import('./client-node.js');
	const kc = new KubeConfig();
	for (const [index, file] of files.entries()) {
		try {
			// An empty file is a kubeconfig with nothing in it, as kubectl treats it.
			if (readFileSync(file, 'utf8').trim() === '') continue;
			if (index === 0 || kc.getContexts().length === 0) {
				kc.loadFromFile(file);
			} else {
				const next = new KubeConfig();
				next.loadFromFile(file);
				kc.mergeConfig(next, true);
			}
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			const reason = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : firstLine(error);
			return {kind: 'invalid', message: `error loading config file "${file}": ${reason}`};
		}
	}

	return selectContext(kc, request.context, looked, false);
}

/** Picks the context on an already loaded KubeConfig (also used for the sandbox's). */
export function selectContext(kc: KubeConfig, wanted: string | undefined, looked: string[], sandbox: boolean): KubeconfigResult {
	if (kc.getContexts().length === 0) return {kind: 'missing', looked};
	const name = wanted ?? kc.getCurrentContext();
	if (!name) return {kind: 'invalid', message: 'current-context is not set in the kubeconfig; pass --context NAME'};
	const context = kc.getContextObject(name);
	if (!context) return {kind: 'invalid', message: `context was not found for specified context: ${name}`};
	kc.setCurrentContext(name);
	const cluster = kc.getCluster(context.cluster);
	if (!cluster) return {kind: 'invalid', message: `context "${name}" names cluster "${context.cluster}", which the kubeconfig does not define`};
	if (cluster.server.startsWith('http:') && !cluster.skipTLSVerify) {
		// client-node refuses plain http unless the cluster says insecure-skip-tls-verify; say so instead of failing later.
		return {kind: 'invalid', message: `cluster "${cluster.name}" uses plain http (${cluster.server}): set insecure-skip-tls-verify: true for it`};
	}

	return {
		kind: 'ok',
		connection: {
			kc,
			context: name,
			server: cluster.server,
			user: context.user,
			contextNamespace: context.namespace || 'default',
			sandbox,
		},
	};
}

function firstLine(error: unknown): string {
	const yamlError = error as {reason?: string; mark?: {line: number}; message?: string};
	if (yamlError.reason && yamlError.mark) return `yaml: line ${yamlError.mark.line + 1}: ${yamlError.reason}`;
	return String(yamlError.message ?? error).split('\n')[0]!;
}
