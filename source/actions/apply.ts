import type {KubeConfig} from '@kubernetes/client-node';
import type {KubeObject} from '../k8s/types.js';
import {applyOrder} from '../manifests/order.js';
import type {ManifestDocument, ManifestFile} from '../manifests/types.js';
import {apiErrorCode, kubectlErrorLine} from './errors.js';
import {kubectlApply} from './kubectl-command.js';
import {ObjectClient, objectPath} from './object-client.js';

/** What applying one document did, in the words `kubectl apply` prints. */
export interface ApplyOutcome {
	document: ManifestDocument;
	file: ManifestFile;
	/** kubectl's name for the object ('service/svc-pod', 'deployment.apps/web'), or file:line when the document names none. */
	ref: string;
	result: 'created' | 'configured' | 'unchanged' | 'error';
	/** 'service/svc-pod created', or the error line. */
	line: string;
}

/** Where applied objects land and how kpods names itself to the server. */
export interface ApplyOptions {
	/** Where documents that name no namespace land. */
	namespace: string;
	/** The kubeconfig context's namespace: the kubectl command adds -n only when namespace differs. */
	contextNamespace: string;
	/** Server-side apply field manager; 'kpods' unless given. */
	fieldManager?: string;
}

interface Item {
	kind?: string;
	file: ManifestFile;
	document: ManifestDocument;
}

/**
 * Server-side applies every document of the files in the tutorial's order (namespaces,
 * services, the rest), one at a time; one failure never stops the others.
 *
 * @example (await applyDocuments(kc, [svcPod], options)).outcomes[0].line === 'service/svc-pod created'
 */
export async function applyDocuments(kc: KubeConfig, files: ManifestFile[], options: ApplyOptions): Promise<{outcomes: ApplyOutcome[]; kubectl: string}> {
	const items: Item[] = files.flatMap((file): Item[] => file.parseError === undefined
		? file.documents.map(document => ({kind: document.kind, file, document}))
		: [{file, document: fileErrorDocument(file.parseError)}]);
	const ordered = applyOrder(items);
	// kubectl visits -f files in the order given: list them in the order their objects go in.
	const paths = [...new Set([...ordered.map(item => item.file), ...files].map(file => file.displayPath))];
	const kubectl = kubectlApply(paths, options.namespace, options.contextNamespace);

	const client = ObjectClient.forConfig(kc);
	const outcomes: ApplyOutcome[] = [];
	for (const item of ordered) outcomes.push(await applyOne(client, item, options));
	return {outcomes, kubectl};
}

/** A file that does not parse stands in the outcomes as one error document at the parser's line. */
function fileErrorDocument(parseError: string): ManifestDocument {
	const line = Number(/^line (\d+):/.exec(parseError)?.[1] ?? 1);
	return {index: 0, line, error: parseError};
}

async function applyOne(client: ObjectClient, {file, document}: Item, options: ApplyOptions): Promise<ApplyOutcome> {
	const failed = (ref: string, line: string): ApplyOutcome => ({document, file, ref, result: 'error', line});
	if (file.parseError !== undefined) {
		return failed(file.displayPath, `error: error parsing ${file.displayPath}: ${file.parseError}`);
	}
	const {object, apiVersion, kind, name} = document;
	const ref = kind && name ? kubectlRef(apiVersion ?? '', kind, name) : `${file.displayPath}:${document.line}`;
	if (!object || !apiVersion || !kind || !name) {
		return failed(ref, `error: error validating "${file.displayPath}": error validating data: ${document.error ?? 'not an object'}`);
	}
	try {
		const mapping = await client.mapping(apiVersion, kind);
		if (!mapping) {
			return failed(ref, `error: resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(document.namespace ?? '')} from ${JSON.stringify(file.displayPath)}: no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}`);
		}
		const namespace = mapping.namespaced ? document.namespace ?? options.namespace : undefined;
		const body = withNamespace(object, namespace);
		const path = objectPath(apiVersion, mapping, name, namespace);
		const before = await current(client, path);
		const result = applyResult(before, await client.apply(path, body, options.fieldManager ?? 'kpods'));
		return {document, file, ref, result, line: `${ref} ${result}`};
	} catch (error) {
		return failed(ref, kubectlErrorLine(error));
	}
}

/** The object as it is now, or undefined when it does not exist yet. */
async function current(client: ObjectClient, path: string): Promise<KubeObject | undefined> {
	try {
		return await client.get(path);
	} catch (error) {
		if (apiErrorCode(error) === 404) return undefined;
		throw error;
	}
}

/**
 * What an apply did, from the object read just before it (undefined: absent) and the
 * server's answer. The same resourceVersion means unchanged (it is opaque: equal or not is
 * all that may be asked of it). A different one may be someone else's status write landing
 * between the read and the apply (a kubelet starting the pod), so the objects without
 * status and bookkeeping are compared before calling it configured.
 */
export function applyResult(before: KubeObject | undefined, after: KubeObject): 'created' | 'configured' | 'unchanged' {
	if (before === undefined) return 'created';
	if (before.metadata.resourceVersion !== undefined && before.metadata.resourceVersion === after.metadata.resourceVersion) return 'unchanged';
	return canonical(intent(before)) === canonical(intent(after)) ? 'unchanged' : 'configured';
}

function intent(object: KubeObject): KubeObject {
	const {status: _status, ...rest} = object;
	const {resourceVersion: _version, managedFields: _fields, generation: _generation, ...metadata} = object.metadata;
	return {...rest, metadata};
}

/** JSON with keys sorted, so that two reads of one object compare equal whatever their key order. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, inner: unknown) => inner && typeof inner === 'object' && !Array.isArray(inner)
		? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
		: inner);
}

/** The manifest's object with the namespace it lands in (none for cluster-scoped kinds, as kubectl drops it). */
function withNamespace(object: KubeObject, namespace: string | undefined): KubeObject {
	const metadata = {...object.metadata};
	if (namespace === undefined) delete metadata.namespace;
	else metadata.namespace = namespace;
	return {...object, metadata};
}

/** kubectl's printed name: lower-case kind, '.group' for non-core groups, '/name'. */
export function kubectlRef(apiVersion: string, kind: string, name: string): string {
	const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
	return `${kind.toLowerCase()}${group ? `.${group}` : ''}/${name}`;
}
