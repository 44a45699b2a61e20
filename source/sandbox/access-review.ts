import type {KubeObject} from '../k8s/types.js';
import {managedAfterUpdate} from './managed-fields.js';
import {isObject, rfc3339} from './meta.js';
import {badRequest} from './status.js';

/** What a user may do, as the server's authorizer decides it. */
export type Authorizer = (request: {verb: string; resource: string; namespace?: string}) => boolean;

/**
 * A SelfSubjectAccessReview answered for the requesting user (`kubectl auth can-i`): the
 * review comes back with its status, never stored, with the managedFields a create writes.
 */
export function reviewAccess(body: KubeObject, can: Authorizer, manager: string, now: number): KubeObject {
	const spec = isObject(body['spec']) ? body['spec'] : {};
	const attributes = isObject(spec['resourceAttributes']) ? spec['resourceAttributes'] : undefined;
	const nonResource = isObject(spec['nonResourceAttributes']) ? spec['nonResourceAttributes'] : undefined;
	if (!attributes && !nonResource) {
		throw badRequest(
			'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
		);
	}

	let allowed = true;
	if (attributes) {
		const resource = String(attributes['resource'] ?? '');
		const subresource = attributes['subresource'] ? `/${String(attributes['subresource'])}` : '';
		const namespace = typeof attributes['namespace'] === 'string' && attributes['namespace'] !== '' ? attributes['namespace'] : undefined;
		allowed = can({verb: String(attributes['verb'] ?? ''), resource: `${resource}${subresource}`, ...(namespace ? {namespace} : {})});
	}

	const review: KubeObject = {
		kind: 'SelfSubjectAccessReview',
		apiVersion: 'authorization.k8s.io/v1',
		metadata: {creationTimestamp: null as unknown as string},
		spec,
	};
	const managedFields = managedAfterUpdate(
		undefined,
		undefined,
		review,
		{manager, apiVersion: 'authorization.k8s.io/v1', time: rfc3339(now)},
		'main',
	);
	return {...review, metadata: {creationTimestamp: null as unknown as string, managedFields}, status: {allowed}};
}
