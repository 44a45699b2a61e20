import type {KubeObject, ObjectMeta, ServiceSpec} from '../k8s/types.js';
import type {ResourceInfo} from './resources.js';
import {apiVersionOf} from './resources.js';
import type {Entry, Store} from './store.js';
import {bareJson} from './store.js';
import {admitPod, applyDefaults, dropTypeDependentFields} from './defaults.js';
import {validatePodUpdate} from './pod-update.js';
import {validate} from './validation.js';
import {validateMetaUpdate} from './validation-meta.js';
import {normalizeSecret} from './secrets.js';
import {managedAfterUpdate, type ManagedEntry, type Writer} from './managed-fields.js';
import type {ServiceAllocation} from './service-allocation.js';
import {isObject, jsonEqual, newUid, orderKeys, orderMeta, randomSuffix, rfc3339} from './meta.js';
import {alreadyExists, conflict, failure, invalid, notFound, StatusError} from './status.js';

/** Who is writing and how: what every registry write needs besides the object. */
export interface WriteOptions {
	manager: string;
	dryRun: boolean;
	subresource?: 'status';
	/** managedFields computed by server-side apply; otherwise the write is tracked as an Update. */
	managed?: ManagedEntry[];
}

/** DeleteOptions as a client sends them (query and body merged). */
export interface DeleteOptions {
	gracePeriodSeconds?: number;
	propagationPolicy?: string;
	preconditions?: {uid?: string; resourceVersion?: string};
	dryRun: boolean;
}

const untouchableMeta = ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'selfLink'] as const;
// Resources whose strategy counts changes in metadata.generation (EndpointSlice: anything
// but metadata, or the labels, changed).
const generational = new Set(['endpointslices']);

const resourcesWithStatus = new Set(['pods', 'services', 'namespaces', 'nodes']);

/**
 * The API server's storage layer per resource: defaulting, validation, admission and
 * allocation on create, update preconditions and immutability, graceful deletion. HTTP
 * handlers and server-side apply go through it; controllers write the store directly.
 */
export class Registry {
	constructor(
		private readonly store: Store,
		private readonly services: ServiceAllocation,
		private readonly now: () => number,
	) {}

	/** The stored entry, or 404 `pods "x" not found`. */
	get(info: ResourceInfo, namespace: string | undefined, name: string): Entry {
		const entry = this.store.get(info.name, info.namespaced ? namespace : undefined, name);
		if (!entry) {
			throw notFound(info.name, name, info.group);
		}

		return entry;
	}

	/** POST: a new object with defaults, admission and allocations; 409 when the name is taken. */
	create(info: ResourceInfo, input: KubeObject, namespace: string | undefined, options: WriteOptions): Entry {
		const metadata: ObjectMeta = {...input.metadata};
		for (const key of [...untouchableMeta, 'resourceVersion', 'managedFields'] as const) {
			delete metadata[key as keyof ObjectMeta];
		}

		if (info.namespaced) {
			metadata.namespace = namespace;
			this.checkNamespace(info, namespace!, metadata.name ?? metadata.generateName ?? '');
		} else {
			delete metadata.namespace;
		}

		if (!metadata.name && metadata.generateName) {
			metadata.name = `${metadata.generateName}${randomSuffix()}`;
		}

		const typed = {...input, kind: info.kind, apiVersion: apiVersionOf(info), metadata};
		let object = applyDefaults(info.name, info.name === 'secrets' ? normalizeSecret(typed) : typed);
		const errors = validate(info.name, object);
		if (errors.length > 0) {
			throw invalid(info.kind, metadata.name ?? '', errors, info.group);
		}

		if (this.store.get(info.name, metadata.namespace, metadata.name!)) {
			throw alreadyExists(info.name, metadata.name!, info.group);
		}

		const time = rfc3339(this.now());
		if (generational.has(info.name)) {
			object = {...object, metadata: {...object.metadata, generation: 1}};
		}

		const writer: Writer = {manager: options.manager, apiVersion: apiVersionOf(info), time};
		const managedFields = options.managed ?? managedAfterUpdate(undefined, undefined, object, writer, 'main');
		object = {
			...object,
			// An empty list (a controller's object written without field tracking) is no key at all.
			metadata: orderMeta({
				...object.metadata,
				uid: newUid(),
				creationTimestamp: time,
				...(managedFields.length > 0 ? {managedFields} : {}),
			}),
		};
		let release = (): void => {};
		if (info.name === 'pods') {
			object = admitPod(object);
		} else if (info.name === 'services') {
			const allocated = this.services.allocate((object['spec'] ?? {}) as ServiceSpec);
			if ('errors' in allocated) {
				throw invalid(info.kind, metadata.name!, allocated.errors, info.group);
			}

			release = allocated.release;
			object = {...object, spec: allocated.spec, status: {loadBalancer: {}}};
		}

		object = orderTop(object);
		if (options.dryRun) {
			release();
			return unstored(info, {...object, metadata: orderMeta({...object.metadata, resourceVersion: String(this.store.revision)})});
		}

		return this.store.create(info.name, object);
	}

	/**
	 * PUT, patches and apply end here: `next` replaces the stored object, keeping what
	 * clients may not change; a write that changes nothing is not stored (same
	 * resourceVersion), as etcd's guaranteed update skips identical data.
	 */
	replace(info: ResourceInfo, existing: Entry, next: KubeObject, options: WriteOptions & {requireVersion?: boolean}): Entry {
		const old = existing.object;
		const name = old.metadata.name!;
		// A PUT carrying a uid makes it a precondition, checked by storage before anything else.
		const uid = next.metadata?.uid;
		if (options.requireVersion && uid && uid !== old.metadata.uid) {
			throw conflict(
				info.name,
				name,
				info.group,
				`StorageError: invalid object, Code: 4, Key: ${storageKey(info, old)}, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: ${uid}, UID in object meta: ${old.metadata.uid ?? ''}`,
			);
		}

		const asked = next.metadata?.resourceVersion;
		if (asked && asked !== old.metadata.resourceVersion) {
			throw conflict(info.name, name, info.group);
		}

		if (
			options.requireVersion &&
			!asked &&
			(info.name === 'pods' || info.name === 'services' || info.name === 'namespaces' || info.name === 'nodes')
		) {
			throw invalid(
				info.kind,
				name,
				[{type: 'FieldValueInvalid', field: 'metadata.resourceVersion', message: 'Invalid value: 0x0: must be specified for an update'}],
				info.group,
			);
		}

		if (next.metadata?.name !== undefined && next.metadata.name !== name) {
			throw new StatusError(
				failure(400, 'BadRequest', `the name of the object (${next.metadata.name}) does not match the name on the URL (${name})`),
			);
		}

		const metaErrors = validateMetaUpdate(old, next);
		let object: KubeObject;
		if (options.subresource === 'status') {
			object = {...old, status: next['status']};
		} else {
			const metadata: Record<string, unknown> = {...(next.metadata ?? {})};
			const oldMeta = old.metadata as Record<string, unknown>;
			for (const key of untouchableMeta) {
				if (oldMeta[key] === undefined) {
					delete metadata[key];
				} else {
					metadata[key] = oldMeta[key];
				}
			}

			metadata['name'] = name;
			metadata['namespace'] = old.metadata.namespace;
			metadata['managedFields'] = old.metadata.managedFields;
			object = {...next, kind: info.kind, apiVersion: apiVersionOf(info), metadata: metadata as ObjectMeta};
			if (resourcesWithStatus.has(info.name)) {
				object['status'] = old['status'];
			}
		}

		object = applyDefaults(info.name, info.name === 'secrets' ? normalizeSecret(object) : object);
		if (info.name === 'services' && options.subresource !== 'status') {
			object = dropTypeDependentFields(old, object);
		}

		const errors = [...metaErrors, ...validate(info.name, object, options.subresource === 'status' ? 'status' : 'main')];
		if (info.name === 'pods' && options.subresource !== 'status') {
			errors.push(...validatePodUpdate(old, object));
		}

		if (errors.length > 0) {
			throw invalid(info.kind, name, errors, info.group);
		}

		let release = (): void => {};
		if (info.name === 'services' && options.subresource !== 'status') {
			const allocated = this.services.allocate((object['spec'] ?? {}) as ServiceSpec, (old['spec'] ?? {}) as ServiceSpec);
			if ('errors' in allocated) {
				throw invalid(info.kind, name, allocated.errors, info.group);
			}

			release = allocated.release;
			object = {...object, spec: allocated.spec};
		}

		const writer: Writer = {
			manager: options.manager,
			apiVersion: apiVersionOf(info),
			time: rfc3339(this.now()),
			...(options.subresource ? {subresource: options.subresource} : {}),
		};
		const managedFields =
			options.managed ??
			managedAfterUpdate(
				baseManaged(old, next, options.subresource),
				old,
				object,
				writer,
				options.subresource === 'status' ? 'status' : 'main',
			);
		object = orderTop({...object, metadata: orderMeta({...object.metadata, managedFields, resourceVersion: old.metadata.resourceVersion})});
		if (generational.has(info.name) && generationChanged(old, object)) {
			object = {...object, metadata: {...object.metadata, generation: (old.metadata.generation ?? 0) + 1}};
		}

		if (jsonEqual(object, old)) {
			release();
			return existing;
		}

		if (options.dryRun) {
			release();
			return unstored(info, object);
		}

		// An object waiting only for its finalizers goes once the last one is removed.
		if (object.metadata.deletionTimestamp && (object.metadata.finalizers ?? []).length === 0 && info.name !== 'pods') {
			return this.store.remove(info.name, object.metadata.namespace, name) ?? existing;
		}

		return this.store.update(info.name, object);
	}

	/**
	 * A controller's status write (the kubelet's and kube-scheduler's `status` updates): the
	 * status replaced, its managedFields entry the writer's, as any status update.
	 */
	updateStatus(info: ResourceInfo, existing: Entry, status: unknown, manager: string): Entry {
		return this.replace(info, existing, {...existing.object, status} as KubeObject, {manager, dryRun: false, subresource: 'status'});
	}

	/**
	 * `pods/binding`: spec.nodeName set and the PodScheduled condition written to storage
	 * directly, so, as on a real server, nobody's managedFields entry claims either.
	 */
	bind(bound: KubeObject): Entry {
		return this.store.update('pods', bound);
	}

	/**
	 * DELETE: pods on a node get a grace period (deletionTimestamp; the kubelet removes them),
	 * namespaces turn Terminating, objects with finalizers wait; everything else goes at once.
	 * Returns the object as the response shows it.
	 */
	delete(info: ResourceInfo, namespace: string | undefined, name: string, options: DeleteOptions): Entry {
		const existing = this.get(info, namespace, name);
		const old = existing.object;
		const {preconditions} = options;
		// Checked before deletion as rest.BeforeDelete does, which names the kind, not the resource.
		if (preconditions?.uid && preconditions.uid !== old.metadata.uid) {
			throw conflict(
				info.kind,
				name,
				info.group,
				`the UID in the precondition (${preconditions.uid}) does not match the UID in record (${old.metadata.uid ?? ''}). The object might have been deleted and then recreated`,
			);
		}

		if (preconditions?.resourceVersion && preconditions.resourceVersion !== old.metadata.resourceVersion) {
			throw conflict(
				info.kind,
				name,
				info.group,
				`the ResourceVersion in the precondition (${preconditions.resourceVersion}) does not match the ResourceVersion in record (${old.metadata.resourceVersion ?? ''}). The object might have been modified`,
			);
		}

		const now = this.now();
		if (info.name === 'pods') {
			const spec = (old['spec'] ?? {}) as {nodeName?: string; terminationGracePeriodSeconds?: number};
			const phase = (old['status'] as {phase?: string} | undefined)?.phase;
			let grace = options.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
			if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') {
				grace = 0;
			}

			// A pod is always deleted gracefully: the deletion is written first (MODIFIED, with the
			// grace period, 0 included), then with grace 0 and no finalizers it goes (DELETED).
			const current = old.metadata.deletionGracePeriodSeconds;
			const pending = old.metadata.deletionTimestamp !== undefined;
			if (!(pending && !current)) {
				if (current !== undefined && current <= grace) {
					return existing;
				}

				const marked = this.mark(
					info,
					existing,
					{
						deletionTimestamp: rfc3339(now + grace * 1000),
						deletionGracePeriodSeconds: grace,
					},
					options.dryRun,
				);
				if (grace > 0 || (old.metadata.finalizers ?? []).length > 0 || options.dryRun) {
					return marked;
				}

				return this.store.remove(info.name, old.metadata.namespace, name) ?? marked;
			}
		} else if (info.name === 'namespaces') {
			if (old.metadata.deletionTimestamp) {
				return existing;
			}

			const marked = {...old, status: {...(old['status'] as object), phase: 'Terminating'}};
			return this.mark(
				info,
				{...existing, object: marked},
				{deletionTimestamp: rfc3339(now), deletionGracePeriodSeconds: 0},
				options.dryRun,
			);
		} else if ((old.metadata.finalizers ?? []).length > 0) {
			if (old.metadata.deletionTimestamp) {
				return existing;
			}

			return this.mark(info, existing, {deletionTimestamp: rfc3339(now), deletionGracePeriodSeconds: 0}, options.dryRun);
		}

		if (options.dryRun) {
			return existing;
		}

		return this.store.remove(info.name, old.metadata.namespace, name) ?? existing;
	}

	private mark(info: ResourceInfo, existing: Entry, fields: Partial<ObjectMeta>, dryRun: boolean): Entry {
		const object = {...existing.object, metadata: orderMeta({...existing.object.metadata, ...fields})};
		return dryRun ? unstored(info, object) : this.store.update(info.name, object);
	}

	private checkNamespace(info: ResourceInfo, namespace: string, name: string): void {
		const entry = this.store.get('namespaces', undefined, namespace);
		if (!entry) {
			throw notFound('namespaces', namespace);
		}

		if (entry.object.metadata.deletionTimestamp) {
			throw new StatusError(
				failure(
					403,
					'Forbidden',
					`${info.name} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
					{
						name,
						kind: info.name,
						causes: [{reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace'}],
					},
				),
			);
		}
	}
}

/**
 * The managedFields an update starts from: those the request carries when it sets any
 * (valid, on the main resource), so that a client may rewrite ownership, as kubectl does
 * when it moves client-side apply's fields to server-side apply; otherwise the stored ones.
 */
function baseManaged(old: KubeObject, next: KubeObject, subresource: string | undefined): unknown {
	const requested: unknown = next.metadata?.managedFields;
	const valid =
		Array.isArray(requested) &&
		requested.length > 0 &&
		requested.every(
			entry =>
				isObject(entry) &&
				typeof entry['manager'] === 'string' &&
				(entry['operation'] === 'Apply' || entry['operation'] === 'Update') &&
				entry['fieldsType'] === 'FieldsV1' &&
				isObject(entry['fieldsV1']),
		);
	return valid && !subresource ? requested : old.metadata.managedFields;
}

// Anything but metadata changed, or the labels did.
function generationChanged(old: KubeObject, next: KubeObject): boolean {
	const {metadata: oldMeta, ...oldRest} = old;
	const {metadata: nextMeta, ...nextRest} = next;
	return !jsonEqual(oldRest, nextRest) || !jsonEqual(oldMeta.labels, nextMeta.labels);
}

/** An object the store would hold, without storing it (dry runs). */
function unstored(info: ResourceInfo, object: KubeObject): Entry {
	return {resource: info.name, key: object.metadata.name ?? '', object, bare: bareJson(object)};
}

function orderTop(object: KubeObject): KubeObject {
	return orderKeys(object, ['kind', 'apiVersion', 'metadata', 'spec', 'status']);
}

// Where etcd keeps an object, as storage errors name it (`/registry/services/specs/ns/name`).
function storageKey(info: ResourceInfo, object: KubeObject): string {
	const folder = {services: 'services/specs', endpoints: 'services/endpoints', nodes: 'minions'}[info.name] ?? info.name;
	const namespace = object.metadata.namespace ? `${object.metadata.namespace}/` : '';
	return `/registry/${folder}/${namespace}${object.metadata.name ?? ''}`;
}
