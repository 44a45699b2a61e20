import {createHash} from 'node:crypto';
import {apiVersionOf, resourcesOf, type ResourceInfo} from './resources.js';

/** The served Kubernetes version; the build metadata says it is the sandbox. */
export const serverVersion = {
	major: '1',
	minor: '32',
	gitVersion: 'v1.32.0+kpods-sandbox',
	gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
	gitTreeState: 'clean',
	buildDate: '2024-12-11T17:59:15Z',
	goVersion: 'go1.23.3',
	compiler: 'gc',
	platform: 'linux/amd64',
};

// The named groups served, in the order a real server lists them (by group priority).
const groupOrder = ['events.k8s.io', 'authorization.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io'];
const groups = groupOrder.filter(group => resourcesOf(group, 'v1').length > 0).map(group => ({group, version: 'v1'}));

/** Whether `/api/v1` or `/apis/GROUP/VERSION` is served (else a real server answers the text `404 page not found`). */
export function servesGroupVersion(group: string, version: string): boolean {
	return resourcesOf(group, version).length > 0;
}

function resourceEntries(info: ResourceInfo): Array<Record<string, unknown>> {
	const main: Record<string, unknown> = {
		name: info.name,
		singularName: info.singularName,
		namespaced: info.namespaced,
		kind: info.kind,
		verbs: info.verbs,
		...(info.shortNames ? {shortNames: info.shortNames} : {}),
		...(info.categories ? {categories: info.categories} : {}),
		...(info.storageVersionHash ? {storageVersionHash: info.storageVersionHash} : {}),
	};
	const subresources = info.subresources.map(subresource => ({
		name: `${info.name}/${subresource}`,
		singularName: '',
		namespaced: info.namespaced,
		kind: info.kind,
		verbs: ['get', 'patch', 'update'],
	}));
	return [main, ...subresources];
}

/** `/api`: the legacy group's versions and where to reach the server. */
export function coreVersions(serverAddress: string): string {
	return JSON.stringify({
		kind: 'APIVersions',
		versions: ['v1'],
		serverAddressByClientCIDRs: [{clientCIDR: '0.0.0.0/0', serverAddress}],
	});
}

/** `/api/v1` or `/apis/<group>/<version>`: the resources of one group version. */
export function resourceList(group: string, version: string): string | undefined {
	const infos = resourcesOf(group, version);
	if (infos.length === 0) {
		return undefined;
	}

	const groupVersion = group ? `${group}/${version}` : version;
	return JSON.stringify({
		kind: 'APIResourceList',
		...(group ? {apiVersion: 'v1'} : {}),
		groupVersion,
		resources: infos.flatMap(info => resourceEntries(info)),
	});
}

function groupJson(group: string, version: string): Record<string, unknown> {
	const groupVersion = {groupVersion: `${group}/${version}`, version};
	return {name: group, versions: [groupVersion], preferredVersion: groupVersion};
}

/** `/apis`: the named groups served. */
export function groupList(): string {
	return JSON.stringify({kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(({group, version}) => groupJson(group, version))});
}

/** `/apis/<group>`: one group, when served. */
export function groupDocument(name: string): string | undefined {
	const found = groups.find(({group}) => group === name);
	return found ? JSON.stringify({kind: 'APIGroup', apiVersion: 'v1', ...groupJson(found.group, found.version)}) : undefined;
}

/** The group versions the sandbox serves, as OpenAPI v3 names them (`api/v1`, `apis/discovery.k8s.io/v1`). */
export function openApiPaths(): string[] {
	return ['api/v1', ...groups.map(({group, version}) => `apis/${group}/${version}`)];
}

// Documents are built once: the hash in each URL is their content's, so kubectl's cache
// (keyed by it) never holds a stale one.
const documents = new Map<string, string>();

async function documentOf(path: string): Promise<string | undefined> {
	if (!documents.has(path)) {
		const document = buildOpenApiDocument(path, await openApiDefinitions());
		if (document === undefined) {
			return undefined;
		}

		documents.set(path, document);
	}

	return documents.get(path);
}

/** `/openapi/v3`: the discovery root listing one document per group version. */
export async function openApiRoot(): Promise<string> {
	const paths: Record<string, {serverRelativeURL: string}> = {};
	for (const path of openApiPaths()) {
		const hash = createHash('sha512')
			.update((await documentOf(path)) ?? '')
			.digest('hex')
			.toUpperCase();
		paths[path] = {serverRelativeURL: `/openapi/v3/${path}?hash=${hash}`};
	}

	return JSON.stringify({paths});
}

/** One group version's OpenAPI v3 document (`api/v1`, `apis/coordination.k8s.io/v1`). */
export async function openApiDocument(path: string): Promise<string | undefined> {
	return documentOf(path);
}

const queryParameter = (name: string, description: string): Record<string, unknown> => ({
	name,
	in: 'query',
	description,
	schema: {type: 'string', uniqueItems: true},
});

/**
 * An OpenAPI v3 document for one group version: every path with its operations, the
 * group-version-kind extension and the query parameters, so kubectl finds that the server
 * supports `fieldValidation` and validates on the server (`--validate=strict`); and the
 * schemas of its kinds (recorded from a real server, see openapi-schemas.ts) for
 * `kubectl explain` and patch keys.
 */
function buildOpenApiDocument(path: string, definitions: Definitions): string | undefined {
	const [prefix, ...rest] = path.split('/');
	const group = prefix === 'api' ? '' : (rest[0] ?? '');
	const version = prefix === 'api' ? (rest[0] ?? '') : (rest[1] ?? '');
	const infos = resourcesOf(group, version);
	if (infos.length === 0 || !openApiPaths().includes(path)) {
		return undefined;
	}

	const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
	const paths: Record<string, unknown> = {};
	for (const info of infos) {
		const gvk = {group, version, kind: info.kind};
		const writeParameters = [
			queryParameter('dryRun', 'When present, indicates that modifications should not be persisted.'),
			queryParameter('fieldManager', 'fieldManager is a name associated with the actor or entity that is making these changes.'),
			queryParameter(
				'fieldValidation',
				'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict',
			),
		];
		const operation = (action: string, parameters: unknown[]): Record<string, unknown> => ({
			operationId: `${action}${info.namespaced ? 'Namespaced' : ''}${info.kind}`,
			parameters,
			'x-kubernetes-action': action,
			'x-kubernetes-group-version-kind': gvk,
		});
		const collection = info.namespaced ? `${base}/namespaces/{namespace}/${info.name}` : `${base}/${info.name}`;
		// Only the operations the resource's verbs allow (a review is create-only, a view read-only).
		const allowed = (verb: string, method: string, build: () => Record<string, unknown>): Record<string, unknown> =>
			info.verbs.includes(verb) ? {[method]: build()} : {};
		paths[collection] = {
			...allowed('list', 'get', () => operation('list', [])),
			...allowed('create', 'post', () => operation('post', writeParameters)),
		};
		const item = {
			...allowed('get', 'get', () => operation('get', [])),
			...allowed('update', 'put', () => operation('put', writeParameters)),
			...allowed('patch', 'patch', () =>
				operation('patch', [...writeParameters, queryParameter('force', 'Force is going to "force" Apply requests.')]),
			),
			...allowed('delete', 'delete', () =>
				operation('delete', [queryParameter('dryRun', 'When present, indicates that modifications should not be persisted.')]),
			),
		};
		if (Object.keys(item).length > 0) {
			paths[`${collection}/{name}`] = item;
		}

		for (const subresource of info.subresources) {
			paths[`${collection}/{name}/${subresource}`] = {
				get: operation('get', []),
				put: operation('put', writeParameters),
				patch: operation('patch', writeParameters),
			};
		}
	}

	return JSON.stringify({
		openapi: '3.0.0',
		info: {title: 'Kubernetes', version: serverVersion.gitVersion},
		paths,
		components: {schemas: schemasOf(definitions, group, version)},
	});
}

interface Definition {
	'x-kubernetes-group-version-kind'?: Array<{group: string; version: string; kind: string}>;
}

type Definitions = Record<string, Definition>;

let definitions: Promise<Definitions> | undefined;

// The recorded definitions (240 KB of JSON text) load with the first OpenAPI document asked
// for (kubectl's first apply or explain), not with the sandbox: compiling the string was ~5 ms
// of every `kpods --sandbox` start.
async function openApiDefinitions(): Promise<Definitions> {
	definitions ??= import('./openapi-schemas.js').then(module => JSON.parse(module.openApiDefinitionsJson) as Definitions);
	return definitions;
}

// The recorded v2 definitions of one group version's kinds and all they refer to, with
// v3's reference form.
function schemasOf(all: Definitions, group: string, version: string): Record<string, unknown> {
	const kept = new Set<string>();
	const visit = (value: unknown): void => {
		if (Array.isArray(value)) {
			value.forEach(visit);
		} else if (value !== null && typeof value === 'object') {
			for (const [key, child] of Object.entries(value)) {
				const name = key === '$ref' && typeof child === 'string' ? child.replace('#/definitions/', '') : undefined;
				if (name === undefined) {
					visit(child);
				} else if (!kept.has(name) && all[name]) {
					kept.add(name);
					visit(all[name]);
				}
			}
		}
	};

	for (const [name, definition] of Object.entries(all)) {
		if (definition['x-kubernetes-group-version-kind']?.some(gvk => gvk.group === group && gvk.version === version)) {
			kept.add(name);
			visit(definition);
		}
	}

	const text = JSON.stringify(Object.fromEntries([...kept].sort().map(name => [name, all[name]])));
	return JSON.parse(text.replaceAll('"#/definitions/', '"#/components/schemas/')) as Record<string, unknown>;
}

/** The media type client-go asks `/openapi/v2` for: gnostic's OpenAPI v2 Document in protobuf. */
export const openApiV2Protobuf = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

/**
 * `/openapi/v2`: a Swagger 2.0 document with no paths and no definitions, as protobuf
 * (what kubectl asks for) or JSON. kubectl reads it to validate a manifest whose kind the
 * v3 documents do not list (`kind: Foo`): finding no schema it skips client-side
 * validation, so the kind reaches the REST mapping and fails there as on a real cluster
 * ("no matches for kind"), instead of on a 404 for the document.
 */
export function openApiV2(protobuf: boolean): {body: Buffer; contentType: string} {
	const info = {title: 'Kubernetes', version: serverVersion.gitVersion};
	if (!protobuf) {
		return {body: Buffer.from(JSON.stringify({swagger: '2.0', info, paths: {}, definitions: {}})), contentType: 'application/json'};
	}

	// Document: swagger = 1, info = 2 (Info: title = 1, version = 2), paths = 8, definitions = 9.
	const body = Buffer.concat([
		lengthDelimited(1, Buffer.from('2.0')),
		lengthDelimited(2, Buffer.concat([lengthDelimited(1, Buffer.from(info.title)), lengthDelimited(2, Buffer.from(info.version))])),
		lengthDelimited(8, Buffer.alloc(0)),
		lengthDelimited(9, Buffer.alloc(0)),
	]);
	// Answered as `...spec.v2.v1.0+protobuf`: Go's mime parser refuses the `@` of the asked-for type.
	return {body, contentType: 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf'};
}

// One length-delimited protobuf field (wire type 2): tag, varint length, bytes.
function lengthDelimited(field: number, bytes: Buffer): Buffer {
	const varint: number[] = [];
	let length = bytes.length;
	do {
		varint.push((length & 0x7f) | (length > 0x7f ? 0x80 : 0));
		length >>>= 7;
	} while (length > 0);
	return Buffer.concat([Buffer.from([(field << 3) | 2, ...varint]), bytes]);
}

/** apiVersion of objects of a resource (re-exported for the router). */
export {apiVersionOf};
