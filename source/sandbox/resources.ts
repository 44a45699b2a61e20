/**
 * The resources the sandbox serves, described once: discovery documents, routing, Status
 * messages (`pods "x" not found`) and the list kinds all read this table.
 */

/** One served resource, as an API server's discovery names it. */
export interface ResourceInfo {
	/** Plural, lower case: the path segment and the word in Status messages. */
	name: string;
	singularName: string;
	kind: string;
	listKind: string;
	group: string;
	version: string;
	namespaced: boolean;
	verbs: string[];
	shortNames?: string[];
	categories?: string[];
	storageVersionHash: string;
	/** Subresources served (only `status` here), with their verbs. */
	subresources: string[];
}

const allVerbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function core(name: string, kind: string, extra: Partial<ResourceInfo> & {storageVersionHash: string}): ResourceInfo {
	return {
		name,
		singularName: kind.toLowerCase(),
		kind,
		listKind: `${kind}List`,
		group: '',
		version: 'v1',
		namespaced: true,
		verbs: allVerbs,
		subresources: [],
		...extra,
	};
}

/** Every resource the sandbox stores, keyed by plural name (no two groups share one here). */
export const resources: ReadonlyMap<string, ResourceInfo> = new Map(
	[
		core('namespaces', 'Namespace', {
			namespaced: false,
			verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
			shortNames: ['ns'],
			storageVersionHash: 'Q3oi5N2YM8M=',
			subresources: ['status'],
		}),
		core('nodes', 'Node', {
			namespaced: false,
			shortNames: ['no'],
			storageVersionHash: 'XwShjMxG9Fs=',
			subresources: ['status'],
		}),
		core('pods', 'Pod', {
			shortNames: ['po'],
			categories: ['all'],
			storageVersionHash: 'xPOwRZ+Yhw8=',
			subresources: ['status'],
		}),
		core('services', 'Service', {
			shortNames: ['svc'],
			categories: ['all'],
			storageVersionHash: '0/CO1lhkEBI=',
			subresources: ['status'],
		}),
		core('configmaps', 'ConfigMap', {
			shortNames: ['cm'],
			storageVersionHash: 'qFsyl6wFWjQ=',
		}),
		core('secrets', 'Secret', {
			storageVersionHash: 'S6u1pOWzb84=',
		}),
		core('serviceaccounts', 'ServiceAccount', {
			shortNames: ['sa'],
			storageVersionHash: 'pbx9ZvyFpBE=',
		}),
		core('endpoints', 'Endpoints', {
			singularName: 'endpoints',
			shortNames: ['ep'],
			storageVersionHash: 'fWeeMqaN/OA=',
		}),
		core('events', 'Event', {
			shortNames: ['ev'],
			storageVersionHash: 'r2yiGXH7wu8=',
		}),
		{
			name: 'leases',
			singularName: 'lease',
			kind: 'Lease',
			listKind: 'LeaseList',
			group: 'coordination.k8s.io',
			version: 'v1',
			namespaced: true,
			verbs: allVerbs,
			storageVersionHash: 'gqkMMb/YqFM=',
			subresources: [],
		},
		{
			// Answered, never stored: what `kubectl auth can-i` asks.
			name: 'selfsubjectaccessreviews',
			singularName: 'selfsubjectaccessreview',
			kind: 'SelfSubjectAccessReview',
			listKind: 'SelfSubjectAccessReviewList',
			group: 'authorization.k8s.io',
			version: 'v1',
			namespaced: false,
			verbs: ['create'],
			storageVersionHash: '',
			subresources: [],
		},
		{
			name: 'endpointslices',
			singularName: 'endpointslice',
			kind: 'EndpointSlice',
			listKind: 'EndpointSliceList',
			group: 'discovery.k8s.io',
			version: 'v1',
			namespaced: true,
			verbs: allVerbs,
			storageVersionHash: 'Nx3SIv6I0mE=',
			subresources: [],
		},
	].map(info => [info.name, info]),
);

/**
 * events.k8s.io/v1 events: the core events seen in the newer shape (regarding, note,
 * reportingController, deprecated*), read-only here, as discovery says (get, list, watch).
 */
export const eventsV1: ResourceInfo = {
	name: 'events',
	singularName: 'event',
	kind: 'Event',
	listKind: 'EventList',
	group: 'events.k8s.io',
	version: 'v1',
	namespaced: true,
	verbs: ['get', 'list', 'watch'],
	shortNames: ['ev'],
	storageVersionHash: 'r2yiGXH7wu8=',
	subresources: [],
};

/** The served resource named `name` in `group`/`version`, if any. */
export function resourceIn(group: string, version: string, name: string | undefined): ResourceInfo | undefined {
	const info = name ? resources.get(name) : undefined;
	if (info && info.group === group && info.version === version) {
		return info;
	}

	return name === eventsV1.name && group === eventsV1.group && version === eventsV1.version ? eventsV1 : undefined;
}

/** `v1` or `discovery.k8s.io/v1`: the apiVersion objects of this resource carry. */
export function apiVersionOf(info: ResourceInfo): string {
	return info.group === '' ? info.version : `${info.group}/${info.version}`;
}

/** The resource whose objects have this apiVersion and kind, if the sandbox serves it. */
export function resourceForKind(apiVersion: string | undefined, kind: string | undefined): ResourceInfo | undefined {
	for (const info of resources.values()) {
		if (info.kind === kind && apiVersionOf(info) === apiVersion) {
			return info;
		}
	}

	return undefined;
}

/** The resources of one group/version, in discovery order. */
export function resourcesOf(group: string, version: string): ResourceInfo[] {
	return [...resources.values(), eventsV1]
		.filter(info => info.group === group && info.version === version)
		.sort((a, b) => a.name.localeCompare(b.name));
}
