import {CoreV1Api} from '@kubernetes/client-node';
import type {KubeConfig, V1Pod} from '@kubernetes/client-node';
import {isDns1123Label, isDns1123Subdomain} from '../k8s/names.js';
import {kubectlCommandError, kubectlInvalidLines} from './errors.js';
import {kubectlRun} from './kubectl-command.js';
import type {ActionResult} from './types.js';

/** What `kubectl run NAME --image=IMAGE -n NAMESPACE` is asked for. */
export interface RunRequest {
	namespace: string;
	name: string;
	image: string;
}

/**
 * Checks a run request by the rules the API server applies to the pod `kubectl run` makes
 * (the name is both the pod's name and its container's), and answers with the server's
 * own message, or undefined when the server would accept it.
 *
 * @example validateRun('bad_name', 'nginx')?.startsWith('Pod "bad_name" is invalid: metadata.name: Invalid value: "bad_name": a lowercase RFC 1123 subdomain')
 */
export function validateRun(name: string, image: string): string | undefined {
	const causes = runCauses(name, image);
	if (causes.length === 0) {
		return undefined;
	}
	// apimachinery's aggregate error: one error as is, several in brackets.
	const rendered = causes.map(cause => `${cause.field}: ${cause.message}`);
	const detail = rendered.length === 1 ? rendered[0] : `[${rendered.join(', ')}]`;
	return `Pod ${JSON.stringify(name)} is invalid: ${detail}`;
}

interface Cause {
	field: string;
	message: string;
}

/** The field errors in the order the server's pod validation finds them: metadata, then the container. */
function runCauses(name: string, image: string): Cause[] {
	const causes: Cause[] = [];
	const invalid = (field: string, value: string, why: string) =>
		causes.push({field, message: `Invalid value: ${JSON.stringify(value)}: ${why}`});
	if (name === '') {
		causes.push({field: 'metadata.name', message: 'Required value: name or generateName is required'});
		causes.push({field: 'spec.containers[0].name', message: 'Required value'});
	} else {
		for (const why of isDns1123Subdomain(name)) {
			invalid('metadata.name', name, why);
		}
		for (const why of isDns1123Label(name)) {
			invalid('spec.containers[0].name', name, why);
		}
	}
	if (image === '') {
		causes.push({field: 'spec.containers[0].image', message: 'Required value'});
	} else if (image.trim() !== image) {
		invalid('spec.containers[0].image', image, 'must not have leading or trailing whitespace');
	}
	return causes;
}

/** The pod `kubectl run NAME --image=IMAGE` sends (its generator's defaults included). */
export function runPodManifest(name: string, image: string): V1Pod {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name, labels: {run: name}},
		spec: {
			containers: [{name, image, resources: {}}],
			restartPolicy: 'Always',
			dnsPolicy: 'ClusterFirst',
		},
	};
}

/**
 * Creates the pod `kubectl run` creates; an invalid name or image is refused before any
 * request, with the message the server would give.
 *
 * @example (await runPod(kc, {namespace: 'default', name: 'testando', image: 'nginx'}, {contextNamespace: 'default'})).lines
 *   // ['pod/testando created']
 */
export async function runPod(kc: KubeConfig, request: RunRequest, options: {contextNamespace: string}): Promise<ActionResult> {
	const kubectl = kubectlRun(request.name, request.image, request.namespace, options.contextNamespace);
	const causes = runCauses(request.name, request.image);
	// The lines kubectl prints when the server refuses the pod as Invalid.
	if (causes.length > 0) {
		return {ok: false, lines: kubectlInvalidLines('Pod', request.name, causes), kubectl};
	}
	try {
		await kc
			.makeApiClient(CoreV1Api)
			.createNamespacedPod({namespace: request.namespace, body: runPodManifest(request.name, request.image)});
		return {ok: true, lines: [`pod/${request.name} created`], kubectl};
	} catch (error) {
		return {ok: false, lines: kubectlCommandError(error), kubectl};
	}
}
