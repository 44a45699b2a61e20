import type {KubeObject} from '../k8s/types.js';
import {orderMeta} from './meta.js';

/** One stored object with its serialized form, kept so lists are string joins. */
export interface Entry {
	readonly resource: string;
	readonly key: string;
	/** The object; never mutated after it is stored (writers build a new one). */
	readonly object: KubeObject;
	/** JSON without `kind`/`apiVersion`, as items of a typed list are serialized. */
	readonly bare: string;
	/** Per-entry memo for derived data (a pod's table row), dropped with the entry. */
	memo?: unknown;
}

/** A change to the store, as a watch sees it; the object carries the revision of the change. */
export interface Change {
	readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
	readonly resource: string;
	readonly revision: number;
	readonly entry: Entry;
	/** The object before the change (MODIFIED, DELETED): watches with selectors need it. */
	readonly previous?: KubeObject;
}

/** What a watch asking to resume from an expired revision is told. */
export interface TooOld {
	tooOld: true;
	/** The newest revision no longer replayable. */
	compacted: number;
}

type Listener = (change: Change) => void;

interface Collection {
	items: Map<string, Entry>;
	sorted: string[] | undefined;
	log: Change[];
	/** Revision of the newest change dropped from the log. */
	compacted: number;
}

/** `namespace/name`, or `name` for cluster-scoped objects: etcd's key order. */
export function keyOf(namespace: string | undefined, name: string): string {
	return namespace ? `${namespace}/${name}` : name;
}

/** The JSON form of an object without its type fields (how list items travel). */
export function bareJson(object: KubeObject): string {
	const {kind: _kind, apiVersion: _apiVersion, ...rest} = object;
	return JSON.stringify(rest);
}

/** The JSON form of a single object, type fields first as a real server writes them. */
export function objectJson(entry: Entry): string {
	const {kind, apiVersion} = entry.object;
	const head = `{"kind":${JSON.stringify(kind)},"apiVersion":${JSON.stringify(apiVersion)}`;
	return entry.bare === '{}' ? `${head}}` : `${head},${entry.bare.slice(1)}`;
}

/**
 * The sandbox's etcd: objects per resource, one global revision counter (every write takes
 * the next revision and stamps it as the object's resourceVersion), a bounded change log per
 * resource for watch resumption, and synchronous change listeners.
 */
export class Store {
	private revisionCounter: number;
	private floor = 0;
	private readonly collections = new Map<string, Collection>();
	private readonly listeners = new Set<Listener>();

	constructor(
		private readonly window: number,
		startRevision = 1,
	) {
		this.revisionCounter = startRevision;
	}

	/**
	 * Marks every revision up to now as compacted: a server that starts has no history before
	 * its start, so a watch or a paged list from an older resourceVersion is 410 Expired.
	 */
	compactAll(): void {
		this.floor = this.revisionCounter;
	}

	/** The oldest revision of a resource still replayable (a watch from before it is too old). */
	oldest(resource: string): number {
		return Math.max(this.collection(resource).compacted, this.floor);
	}

	/** Resolves true once the store reaches `revision`, or false after `timeoutMs`. */
	async reached(revision: number, timeoutMs: number): Promise<boolean> {
		if (this.revisionCounter >= revision) {
			return true;
		}

		return new Promise(resolve => {
			const timer = setTimeout(() => {
				unsubscribe();
				resolve(false);
			}, timeoutMs);
			const unsubscribe = this.subscribe(() => {
				if (this.revisionCounter >= revision) {
					clearTimeout(timer);
					unsubscribe();
					resolve(true);
				}
			});
		});
	}

	/** The current revision: what a list reports as its resourceVersion. */
	get revision(): number {
		return this.revisionCounter;
	}

	/** Calls `listener` after every change, in order; returns the unsubscribe function. */
	subscribe(listener: Listener): () => void {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	}

	get(resource: string, namespace: string | undefined, name: string): Entry | undefined {
		return this.collection(resource).items.get(keyOf(namespace, name));
	}

	/** Entries of a resource in key order, optionally one namespace only. */
	list(resource: string, namespace?: string): Entry[] {
		const collection = this.collection(resource);
		collection.sorted ??= [...collection.items.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		const entries: Entry[] = [];
		const prefix = namespace ? `${namespace}/` : undefined;
		for (const key of collection.sorted) {
			if (prefix && !key.startsWith(prefix)) {
				continue;
			}

			entries.push(collection.items.get(key)!);
		}

		return entries;
	}

	/** How many objects a resource holds. */
	count(resource: string): number {
		return this.collection(resource).items.size;
	}

	/** Stores a new object (the caller checked it is absent); returns the stored entry. */
	create(resource: string, object: KubeObject): Entry {
		return this.write(resource, object, 'ADDED');
	}

	/** Replaces an existing object (the caller checked preconditions). */
	update(resource: string, object: KubeObject): Entry {
		return this.write(resource, object, 'MODIFIED');
	}

	/** Removes an object; the DELETED change carries the object stamped with the delete's revision. */
	remove(resource: string, namespace: string | undefined, name: string): Entry | undefined {
		const collection = this.collection(resource);
		const key = keyOf(namespace, name);
		const existing = collection.items.get(key);
		if (!existing) {
			return undefined;
		}

		collection.items.delete(key);
		collection.sorted = undefined;
		const revision = ++this.revisionCounter;
		const object = stamp(existing.object, revision);
		const entry: Entry = {resource, key, object, bare: bareJson(object)};
		this.emit(collection, {type: 'DELETED', resource, revision, entry, previous: existing.object});
		return entry;
	}

	/**
	 * Changes of a resource after `revision`, oldest first, or TooOld when some of them were
	 * already dropped from the log.
	 */
	changesSince(resource: string, revision: number): Change[] | TooOld {
		const collection = this.collection(resource);
		const oldest = this.oldest(resource);
		if (revision < oldest) {
			return {tooOld: true, compacted: oldest};
		}

		const {log} = collection;
		let low = 0;
		let high = log.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (log[middle]!.revision <= revision) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}

		return log.slice(low);
	}

	private write(resource: string, object: KubeObject, type: 'ADDED' | 'MODIFIED'): Entry {
		const collection = this.collection(resource);
		const key = keyOf(object.metadata.namespace, object.metadata.name!);
		const previous = collection.items.get(key);
		const revision = ++this.revisionCounter;
		const stamped = stamp(object, revision);
		const entry: Entry = {resource, key, object: stamped, bare: bareJson(stamped)};
		collection.items.set(key, entry);
		if (!previous) {
			collection.sorted = undefined;
		}

		this.emit(collection, {type, resource, revision, entry, previous: previous?.object});
		return entry;
	}

	private emit(collection: Collection, change: Change): void {
		collection.log.push(change);
		if (collection.log.length > this.window) {
			// Drop in chunks so the shift cost is amortised over many writes.
			const drop = Math.max(1, Math.floor(this.window / 10));
			const dropped = collection.log.splice(0, drop);
			collection.compacted = dropped.at(-1)!.revision;
		}

		for (const listener of this.listeners) {
			listener(change);
		}
	}

	private collection(resource: string): Collection {
		let collection = this.collections.get(resource);
		if (!collection) {
			collection = {items: new Map(), sorted: undefined, log: [], compacted: 0};
			this.collections.set(resource, collection);
		}

		return collection;
	}
}

// Objects keep type fields first, then metadata with the new resourceVersion (in its place
// after uid, also on an object's first write), then the rest.
function stamp(object: KubeObject, revision: number): KubeObject {
	const {kind, apiVersion, metadata, ...rest} = object;
	const resourceVersion = String(revision);
	return {
		kind,
		apiVersion,
		metadata: 'resourceVersion' in metadata ? {...metadata, resourceVersion} : orderMeta({...metadata, resourceVersion}),
		...rest,
	};
}
