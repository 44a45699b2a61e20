import {KubeCluster} from './cluster/kube-cluster.js';
import {connectionFromText, loadKubeconfig, type Connection} from './cluster/kubeconfig.js';
import type {ManifestSet} from './app.js';
import type {Sandbox} from './sandbox/index.js';
import {firstOutcome, firstRowsWaitMs, within} from './first-frame.js';
import {bundledManifestsDir, loadManifestDir} from './manifests/load.js';
import {trace} from './trace.js';
import {makeTheme} from './ui/theme.js';

export interface StartOptions {
	kubeconfig?: string;
	context?: string;
	namespace?: string;
	allNamespaces: boolean;
	readonly: boolean;
	manifests?: string;
	sandbox: boolean;
	fail: (message: string, code?: number) => never;
}

/** Starts the sandbox in this process and connects to it like any cluster, over plain HTTP. */
async function sandboxConnection(): Promise<{connection: Connection; sandbox: Sandbox}> {
	const {startSandbox} = await import('./sandbox/index.js');
	const sandbox = await startSandbox();
	trace('sandbox started');
	// Over plain HTTP (the sandbox serves it on the same port): kpods and its own sandbox share
	// this process, so TLS protected nothing and cost both ends of every handshake on this one
	// thread. The kubeconfig it prints for kubectl (`kpods sandbox`) stays HTTPS.
	const selected = connectionFromText(sandbox.kubeconfig({plainHttp: true}), {sandbox: true});
	if (selected.kind !== 'ok') {
		throw new Error('the sandbox kubeconfig has no context');
	}
	return {connection: selected.connection, sandbox};
}

/** The bundled tutorial manifests, then those of --manifests DIR. */
async function loadManifests(extra: string | undefined): Promise<ManifestSet> {
	const files = await loadManifestDir(bundledManifestsDir(), process.cwd(), {sync: true});
	trace('manifests read');
	if (!extra) {
		return {files};
	}
	try {
		return {files: [...files, ...(await loadManifestDir(extra))]};
	} catch (error) {
		return {files, error: (error as Error).message};
	}
}

/** Resolves the cluster (kubeconfig or sandbox), checks it answers, and runs the TUI on it. */
export async function openCluster(options: StartOptions): Promise<number> {
	const sandboxes: Sandbox[] = [];
	const clusters: KubeCluster[] = [];
	const namespaceFor = (connection: Connection) => (options.allNamespaces ? undefined : (options.namespace ?? connection.contextNamespace));
	// Only the pods are listed before the first frame; the other stores once it is written.
	let drawn = () => {};
	const firstFrame = new Promise<void>(resolve => {
		drawn = resolve;
	});
	const open = (connection: Connection) => {
		const cluster = new KubeCluster(connection, {namespace: namespaceFor(connection), firstFrame});
		clusters.push(cluster);
		return cluster;
	};

	let cluster: KubeCluster | undefined;
	let looked: string[] = [];
	// Ink and React load once the first lists are on their way, while the probe waits on the network.
	let ui: Promise<typeof import('./ui/run-tui.js')> | undefined;
	const loadUi = () => {
		ui ??= import('./ui/run-tui.js');
		return ui;
	};
	// The manifests (local files) are read then too, so that the first frame counts them.
	let manifests: Promise<ManifestSet> | undefined;
	const readManifests = async () => {
		manifests ??= loadManifests(options.manifests);
		return manifests;
	};

	if (options.sandbox) {
		// The UI starts loading first, so its file reads and yoga's asynchronous wasm instantiation
		// overlap the sandbox's start: the rows came ~0.01 s sooner (start-cpu, two runs of 15).
		void loadUi();
		const started = await sandboxConnection();
		sandboxes.push(started.sandbox);
		cluster = open(started.connection);
		void readManifests().catch(() => undefined);
	} else {
		const result = await loadKubeconfig({kubeconfig: options.kubeconfig, context: options.context});
		trace('kubeconfig loaded');
		if (result.kind === 'invalid') {
			options.fail(result.message);
		}
		if (result.kind === 'ok') {
			cluster = open(result.connection);
			void loadUi();
			void readManifests().catch(() => undefined);
			const probe = await cluster.probe();
			trace('probe answered');
			if (!probe.ok) {
				cluster.close();
				options.fail(probe.message);
			}
		} else {
			looked = result.looked;
		}
	}

	const {runTui} = await loadUi();
	trace('ui loaded');
	let read: ManifestSet | undefined;
	if (cluster) {
		[, read] = await Promise.all([firstOutcome(cluster.pods, firstRowsWaitMs), within(readManifests(), firstRowsWaitMs)]);
		trace('pods to draw');
	}
	return runTui(
		{
			cluster,
			looked,
			async startSandbox() {
				const started = await sandboxConnection();
				sandboxes.push(started.sandbox);
				return open(started.connection);
			},
			loadManifests: readManifests,
			manifests: read,
			readonly: options.readonly,
			theme: makeTheme(),
			keepTutorialMemory: true,
		},
		async () => {
			for (const each of clusters) {
				each.close();
			}
			await Promise.all(sandboxes.map(async each => each.close()));
		},
		drawn,
	);
}
