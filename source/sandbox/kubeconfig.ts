import yaml from 'js-yaml';

/** What a sandbox kubeconfig points at. */
export interface KubeconfigOptions {
	server: string;
	token: string;
	/** PEM of the CA that signed the server's certificate; absent for a plain-HTTP server (insecure-skip-tls-verify). */
	caCert?: string;
	context?: string;
	namespace?: string;
}

/**
 * A kubeconfig (YAML) with one cluster (https, its CA inline; or plain http), one token user and
 * one context, current. The plain-HTTP one (read by `kpods --sandbox` in the same process) is
 * JSON, which is YAML too: js-yaml's dumper was ~2 ms of cold code in that start.
 */
export function kubeconfigYaml(options: KubeconfigOptions): string {
	const context = options.context ?? 'kpods-sandbox';
	const config = {
		apiVersion: 'v1',
		kind: 'Config',
		clusters: [
			{
				name: context,
				cluster: options.caCert
					? {'certificate-authority-data': Buffer.from(options.caCert).toString('base64'), server: options.server}
					: {'insecure-skip-tls-verify': true, server: options.server},
			},
		],
		users: [{name: `${context}-user`, user: {token: options.token}}],
		contexts: [
			{
				name: context,
				context: {cluster: context, user: `${context}-user`, ...(options.namespace ? {namespace: options.namespace} : {})},
			},
		],
		'current-context': context,
		preferences: {},
	};
	return options.caCert ? yaml.dump(config, {lineWidth: -1}) : `${JSON.stringify(config, undefined, 2)}\n`;
}
