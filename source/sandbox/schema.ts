/**
 * The little of the Kubernetes schema that patches and field ownership need: how each list
 * merges (strategic merge patch keys, server-side apply list types) and which objects are
 * free-form maps. Paths name fields with dots and list items with `[]`:
 * `spec.containers[].ports`.
 */

/** How a list field merges. */
export interface ListSemantics {
	/** SSA: `map` lists are keyed by `keys`, `set` lists hold scalars, `atomic` lists are replaced whole. */
	type: 'map' | 'set' | 'atomic';
	keys?: string[];
	/** Strategic merge patch key (`patchMergeKey`); absent = the list is replaced. */
	mergeKey?: string;
	/** Strategic merge patch strategy for scalar lists (`merge` = union). */
	strategy?: 'merge';
}

const container = (prefix: string): Record<string, ListSemantics> => ({
	[prefix]: {type: 'map', keys: ['name'], mergeKey: 'name'},
	[`${prefix}[].ports`]: {type: 'map', keys: ['containerPort', 'protocol'], mergeKey: 'containerPort'},
	[`${prefix}[].env`]: {type: 'map', keys: ['name'], mergeKey: 'name'},
	[`${prefix}[].volumeMounts`]: {type: 'map', keys: ['mountPath'], mergeKey: 'mountPath'},
	[`${prefix}[].volumeDevices`]: {type: 'map', keys: ['devicePath'], mergeKey: 'devicePath'},
	[`${prefix}[].resizePolicy`]: {type: 'atomic'},
	[`${prefix}[].envFrom`]: {type: 'atomic'},
	[`${prefix}[].command`]: {type: 'atomic'},
	[`${prefix}[].args`]: {type: 'atomic'},
});

const lists: Record<string, ListSemantics> = {
	'metadata.finalizers': {type: 'set', strategy: 'merge'},
	'metadata.ownerReferences': {type: 'map', keys: ['uid'], mergeKey: 'uid'},
	...container('spec.containers'),
	...container('spec.initContainers'),
	...container('spec.ephemeralContainers'),
	'spec.volumes': {type: 'map', keys: ['name'], mergeKey: 'name'},
	'spec.imagePullSecrets': {type: 'map', keys: ['name'], mergeKey: 'name'},
	'spec.hostAliases': {type: 'map', keys: ['ip'], mergeKey: 'ip'},
	'spec.topologySpreadConstraints': {type: 'map', keys: ['topologyKey', 'whenUnsatisfiable'], mergeKey: 'topologyKey'},
	'spec.resourceClaims': {type: 'map', keys: ['name'], mergeKey: 'name'},
	'spec.schedulingGates': {type: 'map', keys: ['name'], mergeKey: 'name'},
	'spec.tolerations': {type: 'atomic'},
	'spec.readinessGates': {type: 'atomic'},
	// Services: ports are keyed by port+protocol for apply, by port for strategic merge.
	'spec.ports': {type: 'map', keys: ['port', 'protocol'], mergeKey: 'port'},
	'spec.externalIPs': {type: 'atomic'},
	'spec.clusterIPs': {type: 'atomic'},
	'spec.ipFamilies': {type: 'atomic'},
	'spec.loadBalancerSourceRanges': {type: 'atomic'},
	'status.conditions': {type: 'map', keys: ['type'], mergeKey: 'type'},
	'status.podIPs': {type: 'map', keys: ['ip'], mergeKey: 'ip'},
	// Merged by ip in a strategic patch, but atomic for field ownership (`f:hostIPs: {}`).
	'status.hostIPs': {type: 'atomic', mergeKey: 'ip'},
	'status.containerStatuses': {type: 'atomic'},
	'status.initContainerStatuses': {type: 'atomic'},
	'status.addresses': {type: 'map', keys: ['type'], mergeKey: 'type'},
	'status.images': {type: 'atomic'},
	'spec.taints': {type: 'atomic'},
	'spec.finalizers': {type: 'atomic'},
	'status.loadBalancer.ingress': {type: 'atomic'},
	subsets: {type: 'atomic'},
	endpoints: {type: 'atomic'},
	ports: {type: 'atomic'},
};

// Objects whose keys are data (labels, selectors, quantities), not struct fields: field
// ownership tracks them with a `.` entry of their own.
const maps = new Set([
	'metadata.labels',
	'metadata.annotations',
	'spec.selector',
	'spec.nodeSelector',
	'spec.containers[].resources.limits',
	'spec.containers[].resources.requests',
	'spec.initContainers[].resources.limits',
	'spec.initContainers[].resources.requests',
	'status.capacity',
	'status.allocatable',
	'data',
]);

/** The merge semantics of the list at `path`, atomic when unknown (what SSA assumes too). */
export function listSemantics(path: string): ListSemantics {
	return lists[path] ?? {type: 'atomic'};
}

/** Whether the object at `path` is a free-form map rather than a struct. */
export function isMapField(path: string): boolean {
	return maps.has(path);
}

/** `spec.containers[].ports` for a parent path and a child field. */
export function childPath(parent: string, field: string): string {
	return parent ? `${parent}.${field}` : field;
}

/** The path of the items of the list at `path`. */
export function itemPath(path: string): string {
	return `${path}[]`;
}
