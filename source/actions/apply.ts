import type {KubeConfig} from '@kubernetes/client-node';
import type {KubeObject} from '../k8s/types.js';
import {applyOrder} from '../manifests/order.js';
import type {ManifestDocument, ManifestFile} from '../manifests/types.js';
import {apiErrorCode, kubectlErrorLine, serverError} from './errors.js';
import {changedFields} from './field-changes.js';
import type {JsonMap} from './go-json.js';
import {kubectlApply, noObjectsToApply} from './kubectl-command.js';
import {lastAppliedKey, lastAppliedOf, withLastApplied} from './last-applied.js';
import {threeWayMergePatch} from './merge-patch.js';
import {ObjectClient, collectionPath, objectPath, type ResourceMapping} from './object-client.js';
import {OpenApiSchemas, type OpenApiDocument} from './openapi-schema.js';
import {isBuiltInGroup, patchSchemaFor} from './patch-meta.js';
import {threeWayStrategicPatch} from './strategic-patch.js';

/** What applying one document did (or, in a dry run, would do), in the words `kubectl apply` prints. */
export interface ApplyOutcome {
	document: ManifestDocument;
	file: ManifestFile;
	/** kubectl's name for the object ('service/svc-pod', 'deployment.apps/web'), or file:line when the document names none. */
	ref: string;
	result: 'created' | 'configured' | 'unchanged' | 'error';
	/** 'service/svc-pod created', or the error line. */
	line: string;
	/** For `configured`: the fields that change, as paths ('spec.containers[0].image'). */
	fields?: string[];
	/** kubectl's warning for an object no kubectl apply made (it has no last-applied annotation). */
	warning?: string;
}

/** Where applied objects land, and whether the server only pretends to apply them. */
export interface ApplyOptions {
	/** Where documents that name no namespace land. */
	namespace: string;
	/** The kubeconfig context's namespace: the kubectl command adds -n only when namespace differs. */
	contextNamespace: string;
	/** Ask the server to check everything and persist nothing (`dryRun=All`, kubectl's --dry-run=server). */
	dryRun?: boolean;
}

/** kubectl apply's field manager: the server records kpods' writes exactly as it records kubectl's. */
export const applyFieldManager = 'kubectl-client-side-apply';

interface Item {
	kind?: string;
	file: ManifestFile;
	document: ManifestDocument;
}

/**
 * Applies every document of the files as `kubectl apply -f` does (client-side: the
 * last-applied-configuration annotation, a three-way patch from it, the file and the live
 * object), in the tutorial's order (namespaces, services, the rest), one at a time; one
 * failure never stops the others. With dryRun the server checks each write and keeps none.
 *
 * @example (await applyDocuments(kc, [svcPod], options)).outcomes[0].line === 'service/svc-pod created'
 */
export async function applyDocuments(
	kc: KubeConfig,
	files: ManifestFile[],
	options: ApplyOptions,
): Promise<{outcomes: ApplyOutcome[]; kubectl: string; refused?: string}> {
	const items: Item[] = files.flatMap((file): Item[] =>
		file.parseError === undefined
			? file.documents.map(document => ({kind: document.kind, file, document}))
			: [{file, document: fileErrorDocument(file.parseError)}],
	);
	const ordered = applyOrder(items);
	// kubectl visits -f files in the order given: list them in the order their objects go in.
	const paths = [...new Set([...ordered.map(item => item.file), ...files].map(file => file.displayPath))];
	const kubectl = kubectlApply(paths, options.namespace, options.contextNamespace, options.dryRun);
	if (items.length === 0) {
		// kubectl apply -f on files that hold no object (empty, or only comments) asks the server nothing.
		return {outcomes: [], kubectl, refused: noObjectsToApply};
	}

	const client = ObjectClient.forConfig(kc);
	const schemas = await serverSchemas(kc, client);
	const outcomes: ApplyOutcome[] = [];
	for (const item of ordered) {
		outcomes.push(await applyOne(client, schemas, item, options));
	}
	return {outcomes, kubectl};
}

/** A file that does not parse stands in the outcomes as one error document at the parser's line. */
function fileErrorDocument(parseError: string): ManifestDocument {
	const line = Number(/^line (\d+):/.exec(parseError)?.[1] ?? 1);
	return {index: 0, line, error: parseError};
}

const schemaCache = new WeakMap<KubeConfig, Promise<OpenApiSchemas | undefined>>();

/**
 * The server's OpenAPI v2 when kubectl would read it: on servers without OpenAPI v3 (before
 * 1.24), for their patch strategies and, where writes cannot be validated on the server, for
 * kubectl's client-side validation. Newer servers validate themselves, and their strategies are
 * the built-in table's. Fetched once per kubeconfig; none when the server will not give it.
 */
function serverSchemas(kc: KubeConfig, client: ObjectClient): Promise<OpenApiSchemas | undefined> {
	let schemas = schemaCache.get(kc);
	if (!schemas) {
		schemas = (async () => {
			try {
				await client.get('/openapi/v3');
				return undefined;
			} catch (error) {
				if (apiErrorCode(error) !== 404) {
					return undefined;
				}
			}
			try {
				return new OpenApiSchemas((await client.get('/openapi/v2')) as unknown as OpenApiDocument);
			} catch {
				return undefined;
			}
		})();
		schemaCache.set(kc, schemas);
	}
	return schemas;
}

async function applyOne(
	client: ObjectClient,
	schemas: OpenApiSchemas | undefined,
	{file, document}: Item,
	options: ApplyOptions,
): Promise<ApplyOutcome> {
	const failed = (ref: string, line: string, warning?: string): ApplyOutcome => ({document, file, ref, result: 'error', line, warning});
	if (file.parseError !== undefined) {
		return failed(file.displayPath, `error: error parsing ${file.displayPath}: ${file.parseError}`);
	}
	const {object, apiVersion, kind, name} = document;
	const ref = kind && name ? kubectlRef(apiVersion ?? '', kind, name) : `${file.displayPath}:${document.line}`;
	if (!object || !apiVersion || !kind || !name) {
		return failed(ref, `error: error validating "${file.displayPath}": error validating data: ${document.error ?? 'not an object'}`);
	}
	const done = (result: ApplyOutcome['result'], extra: Partial<ApplyOutcome> = {}): ApplyOutcome => ({
		document,
		file,
		ref,
		result,
		line: `${ref} ${result}${options.dryRun ? ' (server dry run)' : ''}`,
		...extra,
	});
	let mapping: ResourceMapping | undefined;
	try {
		mapping = await client.mapping(apiVersion, kind);
	} catch (error) {
		return failed(ref, kubectlErrorLine(error));
	}
	if (!mapping) {
		return failed(
			ref,
			`error: resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(document.namespace ?? '')} from ${JSON.stringify(file.displayPath)}: no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}`,
		);
	}
	const invalid = schemas?.serverValidates === false ? schemas.validate(apiVersion, kind, object as unknown as JsonMap) : [];
	if (invalid.length > 0) {
		const data = invalid.length === 1 ? invalid[0] : `[${invalid.join(', ')}]`;
		return failed(
			ref,
			`error: error validating ${JSON.stringify(file.displayPath)}: error validating data: ${data}; if you choose to ignore these errors, turn validation off with --validate=false`,
		);
	}
	const namespace = mapping.namespaced ? (document.namespace ?? options.namespace) : undefined;
	const {modified} = withLastApplied(withNamespace(object, namespace) as unknown as JsonMap);
	const write = {fieldManager: applyFieldManager, dryRun: options.dryRun ?? false};

	let live: KubeObject | undefined;
	try {
		live = await current(client, objectPath(apiVersion, mapping, name, namespace));
	} catch (error) {
		return failed(ref, kubectlErrorLine(error));
	}
	if (live === undefined) {
		try {
			await client.createAt(collectionPath(apiVersion, mapping, namespace), modified, write);
			return done('created');
		} catch (error) {
			return failed(ref, withSource(`creating ${JSON.stringify(file.displayPath)}`, error));
		}
	}

	const liveJson = live as unknown as JsonMap;
	const warning =
		live.metadata.annotations?.[lastAppliedKey] === undefined ? missingAnnotationWarning(mapping, apiVersion, name) : undefined;
	const original = lastAppliedOf(liveJson);
	const patch = isBuiltInGroup(apiVersion)
		? threeWayStrategicPatch(original, modified, liveJson, schemas?.patchSchema(apiVersion, kind) ?? patchSchemaFor(apiVersion, kind))
		: threeWayMergePatch(original, modified, liveJson);
	const metadataPatch = patch['metadata'] as JsonMap | undefined;
	if ('apiVersion' in patch || 'kind' in patch || (metadataPatch && 'name' in metadataPatch)) {
		return failed(ref, 'error: At least one of apiVersion, kind and name was changed', warning);
	}
	if (Object.keys(patch).length === 0) {
		return done('unchanged', {warning});
	}
	try {
		const after = await client.patchAt(
			objectPath(apiVersion, mapping, name, namespace),
			patch,
			isBuiltInGroup(apiVersion) ? 'strategic' : 'merge',
			write,
		);
		return done('configured', {warning, fields: changedFields(liveJson, after as unknown as JsonMap)});
	} catch (error) {
		return failed(ref, withSource(`patching ${JSON.stringify(file.displayPath)}`, error), warning);
	}
}

/** kubectl's AddSourceToErr: the file named in the server's message ('error when creating "x.yaml": …'). */
function withSource(verb: string, error: unknown): string {
	const server = serverError(error);
	if (!server) {
		return kubectlErrorLine(error);
	}
	const message = `error when ${verb}: ${server.message}`;
	return server.reason ? `Error from server (${server.reason}): ${message}` : `Error from server: ${message}`;
}

/** What kubectl prints (on stderr) when it applies to an object no kubectl apply made. */
function missingAnnotationWarning(mapping: ResourceMapping, apiVersion: string, name: string): string {
	const group = apiVersion.includes('/') ? `.${apiVersion.slice(0, apiVersion.indexOf('/'))}` : '';
	return `Warning: resource ${mapping.resource}${group}/${name} is missing the ${lastAppliedKey} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`;
}

/** The object as it is now, or undefined when it does not exist yet. */
async function current(client: ObjectClient, path: string): Promise<KubeObject | undefined> {
	try {
		return await client.get(path);
	} catch (error) {
		if (apiErrorCode(error) === 404) {
			return undefined;
		}
		throw error;
	}
}

/** The manifest's object with the namespace it lands in (none for cluster-scoped kinds, as kubectl drops it). */
function withNamespace(object: KubeObject, namespace: string | undefined): KubeObject {
	const metadata = {...object.metadata};
	if (namespace === undefined) {
		delete metadata.namespace;
	} else {
		metadata.namespace = namespace;
	}
	return {...object, metadata};
}

/** kubectl's printed name: lower-case kind, '.group' for non-core groups, '/name'. */
export function kubectlRef(apiVersion: string, kind: string, name: string): string {
	const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
	return `${kind.toLowerCase()}${group ? `.${group}` : ''}/${name}`;
}
