import {existsSync, readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {delimiter, dirname, isAbsolute, join} from 'node:path';
import type {KubeConfig} from '@kubernetes/client-node';
import yaml from 'js-yaml';
import {credentialsOf, type Credentials} from './credentials.js';
import type {ExecCredentials} from './exec-credential.js';
import {t} from '../i18n/index.js';

type ClientNode = typeof import('./client-node.js');

/** A kubeconfig resolved to one context: what every client of that cluster is built from. */
export interface Connection {
	context: string;
	server: string;
	user: string;
	/** The context's namespace, else `default`, as kubectl resolves it. */
	contextNamespace: string;
	sandbox: boolean;
	/**
	 * Credentials kpods applies by itself (a token, certificates, a CA), so reading the cluster
	 * needs no client-node at start-up; undefined when only client-node can authenticate
	 * (exec plugins, auth providers, token files, proxies).
	 */
	credentials: Credentials | undefined;
	/** client-node's KubeConfig on this context, loaded on first use (writes, and reads without credentials). */
	kubeConfig(): Promise<KubeConfig>;
	/** Every context of the same kubeconfig. */
	contexts: string[];
	/** The same kubeconfig on another context. */
	switchTo(context: string): KubeconfigResult;
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

type Entries = Record<string, Record<string, unknown>>;

/** The kubeconfig files merged as kubectl merges them: the first definition of a name wins. */
interface Merged {
	clusters: Entries;
	users: Entries;
	contexts: Entries;
	currentContext?: string;
}

/** The files kubectl would read: --kubeconfig, else $KUBECONFIG's list, else ~/.kube/config. */
export function kubeconfigFiles(request: KubeconfigRequest): {files: string[]; looked: string[]} {
	if (request.kubeconfig) {
		return {files: [request.kubeconfig], looked: [request.kubeconfig]};
	}
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

	if (files.length === 0) {
		return {kind: 'missing', looked};
	}
	const merged: Merged = {clusters: {}, users: {}, contexts: {}};
	for (const file of files) {
		let text: string;
		try {
			text = readFileSync(file, 'utf8');
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			return {
				kind: 'invalid',
				message: `error loading config file "${file}": ${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : firstLine(error)}`,
			};
		}

		const problem = mergeInto(merged, text, dirname(file));
		if (problem) {
			return {kind: 'invalid', message: `error loading config file "${file}": ${problem}`};
		}
	}

	return selectContext(merged, request.context, looked, false);
}

/** A connection from a kubeconfig's text (the sandbox's, which lives in memory). */
export function connectionFromText(text: string, options: {context?: string; sandbox?: boolean} = {}): KubeconfigResult {
	const merged: Merged = {clusters: {}, users: {}, contexts: {}};
	const problem = mergeInto(merged, text, process.cwd());
	if (problem) {
		return {kind: 'invalid', message: `error loading config: ${problem}`};
	}
	return selectContext(merged, options.context, [], options.sandbox ?? false);
}

/** Adds one file's clusters, users and contexts, keeping names already defined; an error line, or undefined. */
function mergeInto(merged: Merged, text: string, directory: string): string | undefined {
	let document: unknown;
	try {
		document = yaml.load(text);
	} catch (error) {
		return firstLine(error);
	}

	// An empty file is a kubeconfig with nothing in it, as kubectl treats it.
	if (document === undefined || document === null) {
		return undefined;
	}
	if (typeof document !== 'object' || Array.isArray(document)) {
		return t('kubeconfig.notKubeconfig');
	}
	const config = document as Record<string, unknown>;
	for (const [list, key] of [
		['clusters', 'cluster'],
		['users', 'user'],
		['contexts', 'context'],
	] as const) {
		const entries = config[list] ?? [];
		if (!Array.isArray(entries)) {
			return `${list} is not a list`;
		}
		for (const [index, entry] of entries.entries()) {
			const named = entry as {name?: unknown; [field: string]: unknown};
			if (typeof named?.name !== 'string' || named.name === '') {
				return `${list}[${index}].name is missing`;
			}
			const body = (named[key] ?? {}) as Record<string, unknown>;
			merged[list][named.name] ??= list === 'contexts' ? body : absolutePaths(body, directory);
		}
	}

	if (typeof config['current-context'] === 'string' && config['current-context'] !== '') {
		merged.currentContext ??= config['current-context'];
	}
	return undefined;
}

/** Certificate, key and token file paths are relative to the kubeconfig that names them. */
function absolutePaths(body: Record<string, unknown>, directory: string): Record<string, unknown> {
	const copy = {...body};
	for (const field of ['certificate-authority', 'client-certificate', 'client-key', 'tokenFile']) {
		const value = copy[field];
		if (typeof value === 'string' && value !== '' && !isAbsolute(value)) {
			copy[field] = join(directory, value);
		}
	}

	return copy;
}

function selectContext(merged: Merged, wanted: string | undefined, looked: string[], sandbox: boolean): KubeconfigResult {
	const names = Object.keys(merged.contexts);
	if (names.length === 0) {
		return {kind: 'missing', looked};
	}
	const name = wanted ?? merged.currentContext;
	if (!name) {
		return {kind: 'invalid', message: t('kubeconfig.noCurrentContext')};
	}
	const context = merged.contexts[name];
	if (!context) {
		return {kind: 'invalid', message: `context was not found for specified context: ${name}`};
	}
	const clusterName = String(context.cluster ?? '');
	const userName = String(context.user ?? '');
	const cluster = merged.clusters[clusterName];
	if (!cluster) {
		return {kind: 'invalid', message: t('kubeconfig.unknownCluster', {context: name, cluster: clusterName})};
	}
	const server = typeof cluster.server === 'string' ? cluster.server.replace(/\/$/, '') : '';
	if (!server) {
		return {kind: 'invalid', message: t('kubeconfig.noServer', {cluster: clusterName})};
	}
	if (server.startsWith('http:') && cluster['insecure-skip-tls-verify'] !== true) {
		// client-node refuses plain http unless the cluster says insecure-skip-tls-verify; say so instead of failing later.
		return {kind: 'invalid', message: t('kubeconfig.plainHttp', {cluster: clusterName, server})};
	}

	const credentials = credentialsOf(cluster, merged.users[userName] ?? {}, name);
	if (typeof credentials === 'string') {
		return {kind: 'invalid', message: credentials};
	}
	let loaded: Promise<KubeConfig> | undefined;
	return {
		kind: 'ok',
		connection: {
			context: name,
			server,
			user: userName,
			contextNamespace: typeof context.namespace === 'string' && context.namespace !== '' ? context.namespace : 'default',
			sandbox,
			credentials,
			kubeConfig: () => {
				const exec = credentials?.exec;
				const user = merged.users[userName] ?? {};
				// The plugin's answer per request, not the plugin: client-node would run it again for
				// every write, synchronously and with no time limit. Its own user holds no credentials.
				const make = exec
					? ({ExecKubeConfig}: ClientNode) =>
							new ExecKubeConfig(exec, issued => clientNodeConfig(merged, name, {user: userName, body: issuedUser(user, issued)}))
					: undefined;
				// A failure is not kept: the next action tries again (a fixed file, a plugin back).
				loaded ??= clientNodeConfig(merged, name, exec ? {user: userName, body: issuedUser(user, {})} : undefined, make).catch(
					(error: unknown) => {
						loaded = undefined;
						throw error;
					},
				);
				return loaded;
			},
			contexts: names,
			switchTo: other => selectContext(merged, other, looked, sandbox),
		},
	};
}

/**
 * client-node's own KubeConfig of the merged kubeconfig, on the chosen context, parsed by
 * client-node itself (JSON is YAML). A fresh one per connection: client-node clients keep
 * the config they were made from, so a context switch must not change an old one.
 */
async function clientNodeConfig(
	merged: Merged,
	context: string,
	replaced?: {user: string; body: Record<string, unknown>},
	make: (loaded: ClientNode) => KubeConfig = ({KubeConfig}) => new KubeConfig(),
): Promise<KubeConfig> {
	const kc = make(await import('./client-node.js'));
	const named = (entries: Entries, key: string) => Object.entries(entries).map(([name, body]) => ({name, [key]: body}));
	const users = replaced ? {...merged.users, [replaced.user]: replaced.body} : merged.users;
	kc.loadFromString(
		JSON.stringify({
			clusters: named(merged.clusters, 'cluster'),
			users: named(users, 'user'),
			contexts: named(merged.contexts, 'context'),
			'current-context': context,
		}),
	);
	return kc;
}

/** A kubeconfig user whose exec plugin is replaced by what the plugin issued. */
function issuedUser(user: Record<string, unknown>, issued: ExecCredentials): Record<string, unknown> {
	const {exec: _plugin, ...rest} = user;
	return {
		...rest,
		...(issued.token ? {token: issued.token} : {}),
		...(issued.cert && issued.key
			? {'client-certificate-data': issued.cert.toString('base64'), 'client-key-data': issued.key.toString('base64')}
			: {}),
	};
}

function firstLine(error: unknown): string {
	const yamlError = error as {reason?: string; mark?: {line: number}; message?: string};
	if (yamlError.reason && yamlError.mark) {
		return `yaml: line ${yamlError.mark.line + 1}: ${yamlError.reason}`;
	}
	return String(yamlError.message ?? error).split('\n')[0]!;
}
