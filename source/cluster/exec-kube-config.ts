// The writes (delete, run, apply, edit) go through client-node's generated clients. For a context
// whose user is an exec plugin, they get this KubeConfig: every request carries the plugin's
// current credentials, and a 401 drops them, runs the plugin again and sends the request once
// more. client-go drops them too (its exec round tripper's maybeRefreshCreds) but hands the 401
// back, which costs a kubectl user nothing: the next kubectl is a new process that runs the plugin
// anew. kpods lives for hours, so the one refused write is sent again with the new token instead.
// A 401 means the server did nothing, so sending it again cannot do anything twice.
import {
	type ApiConstructor,
	type ApiType,
	createConfiguration,
	KubeConfig,
	type RequestContext,
	type ResponseContext,
	ServerConfiguration,
	wrapHttpLibrary,
} from '@kubernetes/client-node';
import type {ExecCredentials, ExecPlugin} from './exec-credential.js';

/** client-node's KubeConfig of the context with the plugin's issued credentials in place of the plugin. */
export type ConfigFor = (issued: ExecCredentials) => Promise<KubeConfig>;

/** A KubeConfig whose requests carry an exec plugin's current credentials, renewed and sent again once on a 401. */
export class ExecKubeConfig extends KubeConfig {
	/** The credentials each request was sent with, to drop exactly those on a 401. */
	private readonly sentWith = new WeakMap<RequestContext, ExecCredentials>();
	/** One client-node config per issued credentials (its TLS agent holds a client certificate). */
	private readonly configs = new WeakMap<ExecCredentials, Promise<KubeConfig>>();

	constructor(
		private readonly exec: ExecPlugin,
		private readonly configFor: ConfigFor,
	) {
		super();
	}

	override async applySecurityAuthentication(context: RequestContext): Promise<void> {
		const issued = await this.exec.credentials();
		let config = this.configs.get(issued);
		if (!config) {
			config = this.configFor(issued);
			this.configs.set(issued, config);
		}
		await (await config).applySecurityAuthentication(context);
		this.sentWith.set(context, issued);
	}

	override makeApiClient<T extends ApiType>(apiClientType: ApiConstructor<T>): T {
		const cluster = this.getCurrentCluster();
		if (!cluster) {
			throw new Error('No active cluster!');
		}
		const transport = createConfiguration().httpApi;
		const send = async (request: RequestContext): Promise<ResponseContext> => transport.send(request).toPromise();
		const httpApi = wrapHttpLibrary({
			send: async request => {
				const response = await send(request);
				if (!this.refused(request, response)) {
					return response;
				}
				await this.applySecurityAuthentication(request);
				const again = await send(request);
				this.refused(request, again);
				return again;
			},
		});
		const configuration = createConfiguration({
			baseServer: new ServerConfiguration(cluster.server, {}),
			authMethods: {default: this},
			httpApi,
		});
		return new apiClientType(configuration);
	}

	/** Whether the server answered 401; if so the credentials it refused are dropped (the next use runs the plugin). */
	private refused(request: RequestContext, response: ResponseContext): boolean {
		const used = this.sentWith.get(request);
		if (response.httpStatusCode !== 401 || !used) {
			return false;
		}
		this.exec.rejected(used);
		return true;
	}
}
