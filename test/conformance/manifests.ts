// Small manifests the scenarios build on (plain data: both servers get the same bytes).

/** A pod with one nginx container. */
export function pod(
	name: string,
	extra: {labels?: Record<string, string>; containers?: unknown[]; spec?: Record<string, unknown>} = {},
): Record<string, unknown> {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name, ...(extra.labels ? {labels: extra.labels} : {})},
		spec: {containers: extra.containers ?? [{name: 'main', image: 'nginx'}], ...extra.spec},
	};
}

/** A service with the given spec. */
export function service(name: string, spec: Record<string, unknown>): Record<string, unknown> {
	return {apiVersion: 'v1', kind: 'Service', metadata: {name}, spec};
}

/** `/api/v1/namespaces/{ns}/RESOURCE[/NAME]`. */
export function core(resource: string, name?: string): string {
	return `/api/v1/namespaces/{ns}/${resource}${name ? `/${name}` : ''}`;
}
