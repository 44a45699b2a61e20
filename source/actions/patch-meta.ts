// The strategic-merge-patch metadata of the built-in kinds kpods knows: for each field, the
// patchStrategy and patchMergeKey of the Go struct tag in k8s.io/api (the same values the
// API server publishes as x-kubernetes-patch-strategy / x-kubernetes-patch-merge-key, and
// what kubectl falls back to when the server publishes no OpenAPI). A field not listed has
// no strategy: maps are merged key by key, lists are replaced whole.

/** How one field is patched, and the metadata of what it holds (a list's elements). */
export interface FieldPatchMeta {
	/** 'merge' merges list items by mergeKey; 'replace' takes the value whole; 'retainKeys' drops keys the patch leaves out. */
	strategies?: ReadonlyArray<'merge' | 'replace' | 'retainKeys'>;
	mergeKey?: string;
	schema?: PatchSchema;
}

/** The metadata of one struct's fields, by JSON name. */
export type PatchSchema = {readonly [field: string]: FieldPatchMeta};

const merge = (mergeKey: string, schema?: PatchSchema): FieldPatchMeta => ({strategies: ['merge'], mergeKey, schema});

const objectMeta: PatchSchema = {
	finalizers: {strategies: ['merge']},
	ownerReferences: merge('uid'),
};

const container: PatchSchema = {
	ports: merge('containerPort'),
	env: merge('name'),
	volumeMounts: merge('mountPath'),
	volumeDevices: merge('devicePath'),
};

const podSpec: PatchSchema = {
	volumes: {strategies: ['merge', 'retainKeys'], mergeKey: 'name'},
	initContainers: merge('name', container),
	containers: merge('name', container),
	ephemeralContainers: merge('name', container),
	imagePullSecrets: merge('name'),
	hostAliases: merge('ip'),
	topologySpreadConstraints: merge('topologyKey'),
	schedulingGates: merge('name'),
	resourceClaims: {strategies: ['merge', 'retainKeys'], mergeKey: 'name'},
};

const podTemplate: PatchSchema = {metadata: {schema: objectMeta}, spec: {schema: podSpec}};
const withTemplate = (extra: PatchSchema = {}): PatchSchema => ({
	metadata: {schema: objectMeta},
	spec: {schema: {template: {schema: podTemplate}, ...extra}},
});
const jobSpec: PatchSchema = {template: {schema: podTemplate}};

/** Patch metadata by `group/Kind` ('' is the core group), for the kinds whose lists merge by key. */
const byKind: Record<string, PatchSchema> = {
	'/Pod': {metadata: {schema: objectMeta}, spec: {schema: podSpec}},
	'/PodTemplate': {metadata: {schema: objectMeta}, template: {schema: podTemplate}},
	'/ReplicationController': withTemplate(),
	'/Service': {metadata: {schema: objectMeta}, spec: {schema: {ports: merge('port')}}},
	'/ServiceAccount': {metadata: {schema: objectMeta}, secrets: merge('name'), imagePullSecrets: merge('name')},
	'/Node': {metadata: {schema: objectMeta}, spec: {schema: {podCIDRs: {strategies: ['merge']}}}},
	'apps/Deployment': withTemplate({strategy: {strategies: ['retainKeys']}}),
	'apps/ReplicaSet': withTemplate(),
	'apps/DaemonSet': withTemplate(),
	'apps/StatefulSet': withTemplate(),
	'batch/Job': withTemplate(),
	'batch/CronJob': {
		metadata: {schema: objectMeta},
		spec: {schema: {jobTemplate: {schema: {metadata: {schema: objectMeta}, spec: {schema: jobSpec}}}}},
	},
};

/** The strategic-merge-patch metadata for a kind; every built-in kind has at least its metadata's. */
export function patchSchemaFor(apiVersion: string, kind: string): PatchSchema {
	const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
	return byKind[`${group}/${kind}`] ?? {metadata: {schema: objectMeta}};
}

// The API groups compiled into kubectl (k8s.io/api); anything else is a custom resource to it.
const builtInGroups = new Set([
	'',
	'apps',
	'batch',
	'autoscaling',
	'policy',
	'admissionregistration.k8s.io',
	'apiextensions.k8s.io',
	'apiregistration.k8s.io',
	'authentication.k8s.io',
	'authorization.k8s.io',
	'certificates.k8s.io',
	'coordination.k8s.io',
	'discovery.k8s.io',
	'events.k8s.io',
	'extensions',
	'flowcontrol.apiserver.k8s.io',
	'internal.apiserver.k8s.io',
	'networking.k8s.io',
	'node.k8s.io',
	'rbac.authorization.k8s.io',
	'resource.k8s.io',
	'scheduling.k8s.io',
	'storage.k8s.io',
	'storagemigration.k8s.io',
]);

/**
 * Whether kubectl knows the kind's group as built in (and patches it with a strategic merge
 * patch) rather than as a custom resource (a JSON merge patch).
 */
export function isBuiltInGroup(apiVersion: string): boolean {
	return builtInGroups.has(apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');
}
