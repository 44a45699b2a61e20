import {CoreV1Api} from '@kubernetes/client-node';
import type {KubeConfig} from '@kubernetes/client-node';
import {apiErrorCode, kubectlCommandError} from './errors.js';
import {kubectlDelete} from './kubectl-command.js';
import type {ActionResult} from './types.js';
import {t} from '../i18n/index.js';

/** A pod or service to delete. */
export interface DeleteTarget {
	kind: 'Pod' | 'Service';
	namespace: string;
	name: string;
}

/**
 * Deletes one pod or service as `kubectl delete pod NAME` does (graceful: a pod goes
 * Terminating first); deleting what is already gone is not an error.
 *
 * @example (await deleteObject(kc, {kind: 'Pod', namespace: 'default', name: 'testando'}, {contextNamespace: 'default'})).lines
 *   // ['pod "testando" deleted']
 */
export async function deleteObject(kc: KubeConfig, target: DeleteTarget, options: {contextNamespace: string}): Promise<ActionResult> {
	const kubectl = kubectlDelete(target.kind, target.name, target.namespace, options.contextNamespace);
	const word = target.kind.toLowerCase();
	const api = kc.makeApiClient(CoreV1Api);
	try {
		const request = {name: target.name, namespace: target.namespace};
		if (target.kind === 'Pod') {
			await api.deleteNamespacedPod(request);
		} else {
			await api.deleteNamespacedService(request);
		}
		return {ok: true, lines: [`${word} "${target.name}" deleted`], kubectl};
	} catch (error) {
		// Someone (or the pod's own end) got there first: the learner's intent is met.
		if (apiErrorCode(error) === 404) {
			return {ok: true, lines: [t('delete.alreadyGone', {kind: word, name: target.name})], kubectl};
		}
		return {ok: false, lines: kubectlCommandError(error), kubectl};
	}
}
