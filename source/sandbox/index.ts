import {Store} from './store.js';
import {ServiceAllocation} from './service-allocation.js';
import {Registry} from './registry.js';
import {EventRecorder} from './events.js';
import {Scheduler} from './scheduler.js';
import {Kubelet} from './kubelet.js';
import {EndpointsController} from './endpoints-controller.js';
import {NamespaceController} from './namespace-controller.js';
import {ApiServer, type SandboxUser} from './server.js';
import {nodeLabels, seed} from './seed.js';
import {seedPods} from './seed-pods.js';
import {kubeconfigYaml} from './kubeconfig.js';
import {makeAuthority} from './certificate.js';
import {objectsOf, type SandboxObjects} from './objects.js';
import {randomHex} from './meta.js';

export type {SandboxObjects} from './objects.js';
export type {SandboxUser} from './server.js';

/** Pace of the simulated control plane, in milliseconds. */
export interface SandboxTiming {
	/** Creation → bound to the node. */
	scheduleMs: number;
	/** Pulling → Pulled, per image pull. */
	pullMs: number;
	/** Pulled → Created/Started (and an init container's run). */
	startMs: number;
	/** Deletion → containers stopped and the pod removed (capped by the grace period). */
	killMs: number;
	/** Interval of BOOKMARK events on watches that allow them (about a minute, as v1.32 sends them). */
	bookmarkMs: number;
	/** How long a list at a resourceVersion not reached yet waits before 504 Timeout. */
	freshWaitMs: number;
	/** Interval of the node's status report (its conditions' lastHeartbeatTime). */
	nodeStatusMs: number;
}

/** Options of `startSandbox`. */
export interface SandboxOptions {
	/** Port on 127.0.0.1; 0 (default) picks a free one. */
	port?: number;
	/** Bearer token; random by default. */
	token?: string;
	timing?: Partial<SandboxTiming>;
	/** Changes kept per resource for watches resuming from a resourceVersion (default 1000). */
	eventWindow?: number;
	/** Clock (epoch ms) for timestamps and table ages. */
	now?: () => number;
	/** Serve protobuf where asked (default true); false answers JSON only, as the sandbox did before (benchmarks compare). */
	protobuf?: boolean;
}

/** A running sandbox cluster. */
export interface Sandbox {
	/** `http://127.0.0.1:port`: plain HTTP, for fetch and clients that send the token over HTTP. */
	url: string;
	/** `https://127.0.0.1:port`: the same server over TLS (certificate signed by `caCert`). */
	httpsUrl: string;
	port: number;
	token: string;
	/** PEM of the sandbox's own CA, which signed its server certificate. */
	caCert: string;
	/**
	 * A YAML kubeconfig for this sandbox: server https://127.0.0.1:port with the CA inline and the
	 * bearer token (kubectl sends tokens only over TLS). `plainHttp`: http://127.0.0.1:port with
	 * insecure-skip-tls-verify instead, for a client in the sandbox's own process (`kpods --sandbox`).
	 */
	kubeconfig(options?: {context?: string; namespace?: string; token?: string; plainHttp?: boolean}): string;
	close(): Promise<void>;
	/** Network cut / server down: every open connection destroyed, the port closed; data kept. */
	suspend(): Promise<void>;
	/** Listens again on the same port; resourceVersions continue (an API server restart over the same etcd). */
	resume(): Promise<void>;
	/** Cuts open connections (watches) without closing the port. */
	dropConnections(): void;
	/** A user with its own token and an RBAC-like rule; refused requests get the real 403 message. */
	addUser(user: SandboxUser): void;
	/** A token the server no longer knows: its requests are answered 401 from now on (open watches keep streaming). */
	revokeToken(token: string): void;
	/** Direct store access for tests and benchmarks. */
	objects: SandboxObjects;
	/**
	 * Creates `count` pods `seed-00000`… in `namespace` at once: Running, or ContainerCreating
	 * with `running: false`; each is what a pod created over the API and started by the
	 * kubelet is, managedFields included (see seed-pods.ts).
	 */
	seedPods(namespace: string, count: number, options?: {running?: boolean}): void;
	/** How many watch streams are open now (on one resource, e.g. `pods`, or all): tests wait on it instead of sleeping. */
	watchCount(resource?: string): number;
}

/** Defaults that feel like a real minikube. */
export const defaultTiming: SandboxTiming = {
	scheduleMs: 300,
	pullMs: 1500,
	startMs: 500,
	killMs: 1000,
	bookmarkMs: 60_000,
	freshWaitMs: 3000,
	nodeStatusMs: 300_000,
};

/**
 * Starts the sandbox: a Kubernetes-compatible API server on 127.0.0.1 with a simulated
 * control plane (scheduler, kubelet, endpoints, namespaces), seeded like a fresh minikube.
 * @example
 * const sandbox = await startSandbox({timing: {pullMs: 20}});
 * writeFileSync(file, sandbox.kubeconfig()); // KUBECONFIG=file kubectl get pods -A
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const now = options.now ?? Date.now;
	const timing: SandboxTiming = {...defaultTiming, ...options.timing};
	const authority = makeAuthority();
	const store = new Store(options.eventWindow ?? 1000);
	const services = new ServiceAllocation();
	const stopTracking = services.track(store);
	seed(store, services, now());
	// The server starts here: no history before it (a watch from an older resourceVersion is 410 Expired).
	store.compactAll();
	const registry = new Registry(store, services, now);
	const events = new EventRecorder(store, now);
	const scheduler = new Scheduler(store, registry, events, now, timing.scheduleMs, () => nodeLabels);
	const kubelet = new Kubelet(store, registry, events, now, timing);
	const endpoints = new EndpointsController(store, registry, now);
	const namespaces = new NamespaceController(store, registry, authority.caCert);
	const token = options.token ?? randomHex(24);
	const watches = new Map<string, number>();
	const server = new ApiServer(
		{store, registry, now, bookmarkMs: timing.bookmarkMs, freshWaitMs: timing.freshWaitMs, watches, protobuf: options.protobuf ?? true},
		token,
		authority,
	);
	let port: number;
	try {
		port = await server.listen(options.port ?? 0);
	} catch (error) {
		stopControllers();
		throw error;
	}

	let running = true;
	const url = `http://127.0.0.1:${port}`;
	const httpsUrl = `https://127.0.0.1:${port}`;
	function stopControllers(): void {
		scheduler.stop();
		kubelet.stop();
		endpoints.stop();
		namespaces.stop();
		stopTracking();
	}

	return {
		url,
		httpsUrl,
		port,
		token,
		caCert: authority.caCert,
		kubeconfig: (config = {}) =>
			kubeconfigYaml({
				server: config.plainHttp ? url : httpsUrl,
				token: config.token ?? token,
				caCert: config.plainHttp ? undefined : authority.caCert,
				context: config.context,
				namespace: config.namespace,
			}),
		async close() {
			if (!running) {
				return;
			}

			running = false;
			stopControllers();
			await server.close();
		},
		async suspend() {
			await server.close();
		},
		async resume() {
			port = await server.listen(port);
		},
		dropConnections: () => server.dropConnections(),
		watchCount: resource => (resource ? (watches.get(resource) ?? 0) : [...watches.values()].reduce((sum, count) => sum + count, 0)),
		addUser: user => server.addUser(user),
		revokeToken: token => server.revokeToken(token),
		objects: objectsOf(store, now),
		seedPods(namespace, count, seedOptions = {}) {
			seedPods({store, registry, now, assignIp: () => kubelet.assignIp()}, namespace, count, seedOptions.running ?? true);
		},
	};
}
