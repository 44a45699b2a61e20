// Shared set-up for the real-cluster tier (`npm run test:real`): whatever KUBECONFIG points at
// (the lab in ../shared/lab, minikube, kind), each test file in a namespace of its own that it
// removes afterwards. This tier never runs in `npm test`: it needs a cluster CI does not have.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {setTimeout as sleep} from 'node:timers/promises';
import {CoreV1Api, KubeConfig} from '@kubernetes/client-node';
import {waitFor} from '../wait-for.js';

/** A client-node KubeConfig for the cluster under test; throws one clear line when there is none. */
export function realKubeConfig(): KubeConfig {
	const path = process.env['KUBECONFIG'];
	if (!path) {
		throw new Error('npm run test:real needs KUBECONFIG pointing at a cluster (for the lab: export KUBECONFIG=~/.kpods-lab/kubeconfig)');
	}

	const kc = new KubeConfig();
	kc.loadFromFile(path);
	return kc;
}

/** A namespace made for one test file, and how to remove it. */
export interface RealNamespace {
	kc: KubeConfig;
	core: CoreV1Api;
	name: string;
	remove(): Promise<void>;
}

/**
 * Creates `kpods-real-PREFIX-xxxxxx` on the cluster under test, once it takes pods: until the
 * controller has given a new namespace's default service account its token, a v1.20–1.23 server
 * refuses every pod in it (500 "No API token found for service account"). A dry-run pod, which
 * goes through the same admission, says when; a v1.24+ server takes it at once.
 */
export async function realNamespace(prefix: string): Promise<RealNamespace> {
	const kc = realKubeConfig();
	const core = kc.makeApiClient(CoreV1Api);
	const name = `kpods-real-${prefix}-${randomBytes(3).toString('hex')}`;
	await core.createNamespace({body: {metadata: {name}}});
	const probe = {metadata: {name: 'ready'}, spec: {containers: [{name: 'ready', image: 'ready'}]}};
	await waitFor(
		() =>
			core.createNamespacedPod({namespace: name, dryRun: 'All', body: probe}).then(
				() => true,
				// One try every 100 ms, not the poll's 5.
				async (error: unknown) => {
					await sleep(100);
					throw error;
				},
			),
		`namespace ${name} taking pods`,
		60_000,
	);
	return {
		kc,
		core,
		name,
		async remove() {
			await core.deleteNamespace({name}).catch(() => undefined);
		},
	};
}

/** What `kubectl ARGS` printed on the cluster under test (KUBECONFIG); rejects with its stderr. */
export async function kubectlOutput(...args: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile('kubectl', args, {timeout: 90_000, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) =>
			error ? reject(new Error(`kubectl ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
		);
	});
}
