import {ApiException, HttpMethod, KubernetesObjectApi, PatchStrategy} from '@kubernetes/client-node';
import type {KubeConfig, KubernetesObject, ResponseContext} from '@kubernetes/client-node';
import type {KubeObject} from '../k8s/types.js';
import {apiErrorCode} from './errors.js';
import {goJson} from './go-json.js';

/** How a write names its author and whether the server only pretends to do it. */
export interface WriteOptions {
	fieldManager: string;
	dryRun: boolean;
}

/** Where the server keeps one kind: its plural resource name and whether it lives in namespaces. */
export interface ResourceMapping {
	resource: string;
	namespaced: boolean;
}

/**
 * client-node's generic object API with the three calls apply needs. Requests go through
 * its own auth and transport; objects travel as plain wire JSON both ways: the manifest is
 * sent exactly as written (the typed serializer would drop fields it does not know, hiding
 * a learner's typo from the server) and answers are not turned into model classes.
 */
export class ObjectClient extends KubernetesObjectApi {
	/** A client for the kubeconfig's current context. */
	static forConfig(kc: KubeConfig): ObjectClient {
		return kc.makeApiClient(ObjectClient);
	}

	/** The server's resource for apiVersion + kind, or undefined when it serves no such kind (kubectl's "no matches"). */
	async mapping(apiVersion: string, kind: string): Promise<ResourceMapping | undefined> {
		try {
			const found = await this.resource(apiVersion, kind);
			return found ? {resource: found.name, namespaced: found.namespaced} : undefined;
		} catch (error) {
			// A group/version the server does not serve answers discovery with 404.
			if (apiErrorCode(error) === 404) {
				return undefined;
			}
			throw error;
		}
	}

	/** GET one object; throws client-node's ApiException (404 when absent). */
	async get(path: string): Promise<KubeObject> {
		const request = this.configuration.baseServer.makeRequestContext(path, HttpMethod.GET);
		request.setHeaderParam('Accept', 'application/json');
		// processResponse below hands back the wire JSON, not a model class.
		return (await this.requestPromise(request)) as unknown as KubeObject;
	}

	/** POST one object to its collection (`dryRun=All` when asked); answers the object the server made. */
	async createAt(collection: string, object: object, options: WriteOptions): Promise<KubeObject> {
		return this.write(HttpMethod.POST, collection, 'application/json', object, options);
	}

	/** PATCH one object with a strategic merge or JSON merge patch; answers the object as patched. */
	async patchAt(path: string, patch: object, type: 'strategic' | 'merge', options: WriteOptions): Promise<KubeObject> {
		return this.write(
			HttpMethod.PATCH,
			path,
			type === 'strategic' ? PatchStrategy.StrategicMergePatch : PatchStrategy.MergePatch,
			patch,
			options,
		);
	}

	/** PUT one object whole (kubectl edit's update); answers the object as stored. */
	async replaceAt(path: string, object: object, fieldManager = 'kubectl-edit'): Promise<KubeObject> {
		return this.write(HttpMethod.PUT, path, 'application/json', object, {fieldManager, dryRun: false});
	}

	private async write(method: HttpMethod, path: string, contentType: string, body: object, options: WriteOptions): Promise<KubeObject> {
		const request = this.configuration.baseServer.makeRequestContext(path, method);
		request.setHeaderParam('Accept', 'application/json');
		request.setHeaderParam('Content-Type', contentType);
		request.setQueryParam('fieldManager', options.fieldManager);
		// kubectl's default --validate=strict; servers before 1.25 ignore the parameter.
		request.setQueryParam('fieldValidation', 'Strict');
		if (options.dryRun) {
			request.setQueryParam('dryRun', 'All');
		}
		// Encoded as kubectl's Go client encodes it (keys sorted), so the server stores what it would from kubectl.
		request.setBody(goJson(body));
		// processResponse below hands back the wire JSON, not a model class.
		return (await this.requestPromise(request)) as unknown as KubeObject;
	}

	/** Plain JSON for every success (discovery lists included); ApiException otherwise, as the base class does. */
	protected override async processResponse<T extends KubernetesObject>(response: ResponseContext): Promise<T> {
		if (response.httpStatusCode >= 200 && response.httpStatusCode <= 299) {
			return JSON.parse(await response.body.text()) as T;
		}
		throw new ApiException(response.httpStatusCode, 'Unsuccessful HTTP Request', await response.getBodyAsAny(), response.headers);
	}
}

/** The URL path of one object, e.g. /api/v1/namespaces/default/pods/pod-1 or /apis/apps/v1/namespaces/x/deployments/y. */
export function objectPath(apiVersion: string, mapping: ResourceMapping, name: string, namespace?: string): string {
	const root = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
	const scope = mapping.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
	return `${root}${scope}/${mapping.resource}/${encodeURIComponent(name)}`;
}

/** The collection an object lives in: its path without the name. */
export function collectionPath(apiVersion: string, mapping: ResourceMapping, namespace?: string): string {
	return objectPath(apiVersion, mapping, '', namespace).replace(/\/$/, '');
}
