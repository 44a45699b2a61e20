// Shared set-up for the action tests: a fresh sandbox over real HTTPS (its own CA) and a client-node
// KubeConfig pointing at it, the way kpods itself connects.
import {CoreV1Api, KubeConfig} from '@kubernetes/client-node';
import {startSandbox} from '../../source/sandbox/index.js';

/** A running sandbox with a client-node connection to it. */
export interface TestCluster {
	kc: KubeConfig;
	core: CoreV1Api;
	close(): Promise<void>;
}

/** Starts a sandbox and connects to it as a kubeconfig user would. */
export async function startTestCluster(): Promise<TestCluster> {
	// A quick control plane: pods start and terminate within milliseconds.
	const sandbox = await startSandbox({timing: {scheduleMs: 5, pullMs: 5, startMs: 5, killMs: 5}});
	const kc = new KubeConfig();
	kc.loadFromString(sandbox.kubeconfig());
	return {kc, core: kc.makeApiClient(CoreV1Api), close: async () => sandbox.close()};
}

// The sandbox tests' poller: until the check passes, else its last failure (no fixed sleeps).
export {waitFor} from '../sandbox/helpers.js';

/** The HTTP code of a client-node error, to assert "gone" as 404. */
export async function statusOf(promise: Promise<unknown>): Promise<number> {
	try {
		await promise;
		return 200;
	} catch (error) {
		return (error as {code?: number}).code ?? -1;
	}
}
