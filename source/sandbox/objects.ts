import type {KubeObject} from '../k8s/types.js';
import {apiVersionOf, resources, type ResourceInfo} from './resources.js';
import type {Store} from './store.js';
import {alreadyExists, notFound, StatusError, failure} from './status.js';
import {clone, newUid, orderKeys, orderMeta, rfc3339} from './meta.js';

/**
 * Direct access to the sandbox's stored objects, in-process, bypassing HTTP, defaulting and
 * validation: for tests and benchmarks that need a given state (a CrashLoopBackOff pod, a
 * selector-less service). Writes produce the same watch events a server write would, and
 * controllers react to them (a pod without a node is scheduled; set `spec.nodeName` or a
 * status to keep the kubelet away).
 */
export interface SandboxObjects {
	get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
	list(resource: string, namespace?: string): KubeObject[];
	/** Stores a new object; fills kind, apiVersion, uid, creationTimestamp and (namespaced) `default` when absent. */
	create(resource: string, object: KubeObject): KubeObject;
	/** Replaces a stored object; uid and creationTimestamp are kept when the new one has none. */
	update(resource: string, object: KubeObject): KubeObject;
	/** Removes an object at once (no grace period); undefined when it was not there. */
	delete(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
}

function infoOf(resource: string): ResourceInfo {
	const info = resources.get(resource);
	if (!info) {
		throw new StatusError(failure(404, 'NotFound', `the server doesn't have a resource type "${resource}"`));
	}

	return info;
}

/** The SandboxObjects view of a store. */
export function objectsOf(store: Store, now: () => number): SandboxObjects {
	const prepare = (info: ResourceInfo, object: KubeObject, previous?: KubeObject): KubeObject => {
		const copy = clone(object);
		const metadata = {...copy.metadata};
		if (info.namespaced) {
			metadata.namespace ??= previous?.metadata.namespace ?? 'default';
		} else {
			delete metadata.namespace;
		}

		metadata.uid ??= previous?.metadata.uid ?? newUid();
		metadata.creationTimestamp ??= previous?.metadata.creationTimestamp ?? rfc3339(now());
		return orderKeys({...copy, kind: info.kind, apiVersion: apiVersionOf(info), metadata: orderMeta(metadata)}, [
			'kind',
			'apiVersion',
			'metadata',
			'spec',
			'status',
		]);
	};

	return {
		get(resource, namespace, name) {
			const info = infoOf(resource);
			const entry = store.get(resource, info.namespaced ? namespace : undefined, name);
			return entry ? clone(entry.object) : undefined;
		},
		list(resource, namespace) {
			infoOf(resource);
			return store.list(resource, namespace).map(entry => clone(entry.object));
		},
		create(resource, object) {
			const info = infoOf(resource);
			const prepared = prepare(info, object);
			if (store.get(resource, prepared.metadata.namespace, prepared.metadata.name!)) {
				throw alreadyExists(resource, prepared.metadata.name!, info.group);
			}

			return clone(store.create(resource, prepared).object);
		},
		update(resource, object) {
			const info = infoOf(resource);
			const namespace = info.namespaced ? (object.metadata.namespace ?? 'default') : undefined;
			const existing = store.get(resource, namespace, object.metadata.name!);
			if (!existing) {
				throw notFound(resource, object.metadata.name!, info.group);
			}

			return clone(store.update(resource, prepare(info, object, existing.object)).object);
		},
		delete(resource, namespace, name) {
			const info = infoOf(resource);
			const removed = store.remove(resource, info.namespaced ? namespace : undefined, name);
			return removed ? clone(removed.object) : undefined;
		},
	};
}
