import type {Container, KubeObject} from '../k8s/types.js';
import {isObject, jsonEqual, orderKeys, orderMeta, randomSuffix} from './meta.js';
import {externallyAccessible} from './validation-service.js';
import {containerFields, podSpecFields, serviceSpecFields, servicePortFields} from './struct-fields.js';

/**
 * Scheme defaulting: what the API server fills in on every write of these kinds before
 * validation (and so what field ownership attributes to the writer). Admission plugins and
 * allocators run later, in `admitPod` and the service registry.
 */
export function applyDefaults(resource: string, object: KubeObject): KubeObject {
	switch (resource) {
		case 'pods': {
			return defaultPod(object);
		}

		case 'services': {
			return defaultService(object);
		}

		case 'namespaces': {
			return defaultNamespace(object);
		}

		case 'endpoints': {
			return defaultEndpoints(object);
		}

		case 'endpointslices': {
			return defaultEndpointSlice(object);
		}

		default: {
			return object;
		}
	}
}

/** Key order of PodStatus. */

/** `Always` for `:latest` or untagged images, else `IfNotPresent` (digests included). */
export function defaultPullPolicy(image: string | undefined): string {
	if (!image) {
		return 'IfNotPresent';
	}

	if (image.includes('@')) {
		return 'IfNotPresent';
	}

	const lastSegment = image.slice(image.lastIndexOf('/') + 1);
	const colon = lastSegment.lastIndexOf(':');
	const tag = colon >= 0 ? lastSegment.slice(colon + 1) : '';
	return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

const probeFields = [
	'exec',
	'httpGet',
	'tcpSocket',
	'grpc',
	'initialDelaySeconds',
	'timeoutSeconds',
	'periodSeconds',
	'successThreshold',
	'failureThreshold',
	'terminationGracePeriodSeconds',
];
const httpGetFields = ['path', 'port', 'host', 'scheme', 'httpHeaders'];

/** SetDefaults_Probe and SetDefaults_HTTPGetAction: what a real server stores for a probe the user left short. */
function defaultProbe(probe: unknown): unknown {
	if (!isObject(probe)) {
		return probe;
	}

	const httpGet = isObject(probe['httpGet'])
		? {
				httpGet: orderKeys(
					{...probe['httpGet'], path: probe['httpGet']['path'] || '/', scheme: probe['httpGet']['scheme'] || 'HTTP'},
					httpGetFields,
				),
			}
		: {};
	return orderKeys(
		{
			...probe,
			...httpGet,
			timeoutSeconds: probe['timeoutSeconds'] || 1,
			periodSeconds: probe['periodSeconds'] || 10,
			successThreshold: probe['successThreshold'] || 1,
			failureThreshold: probe['failureThreshold'] || 3,
		},
		probeFields,
	);
}

/** SetDefaults_ObjectFieldSelector: a fieldRef without apiVersion is stored with v1. */
function defaultFieldRef<T>(holder: T): T {
	if (!isObject(holder) || !isObject(holder['fieldRef'])) {
		return holder;
	}

	return {
		...holder,
		fieldRef: orderKeys({...holder['fieldRef'], apiVersion: holder['fieldRef']['apiVersion'] || 'v1'}, ['apiVersion', 'fieldPath']),
	};
}

function defaultEnv(env: Container['env']): Container['env'] {
	return env?.map(variable => (isObject(variable.valueFrom) ? {...variable, valueFrom: defaultFieldRef(variable.valueFrom)} : variable));
}

function defaultContainer(container: Container): Container {
	const ports = container.ports?.map(port =>
		orderKeys({...port, protocol: port.protocol ?? 'TCP'}, ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP']),
	);
	const fields = container as unknown as Record<string, unknown>;
	const probes = Object.fromEntries(
		['livenessProbe', 'readinessProbe', 'startupProbe']
			.filter(name => fields[name] !== undefined)
			.map(name => [name, defaultProbe(fields[name])]),
	);
	return orderKeys(
		{
			...container,
			...(ports ? {ports} : {}),
			...probes,
			...(container.env === undefined ? {} : {env: defaultEnv(container.env)}),
			resources: container.resources ?? {},
			terminationMessagePath: container.terminationMessagePath ?? '/dev/termination-log',
			terminationMessagePolicy: container.terminationMessagePolicy ?? 'File',
			imagePullPolicy: container.imagePullPolicy ?? defaultPullPolicy(container.image),
		},
		containerFields,
	);
}

function defaultPod(object: KubeObject): KubeObject {
	const spec = isObject(object['spec']) ? {...object['spec']} : {};
	if (Array.isArray(spec['containers'])) {
		spec['containers'] = (spec['containers'] as Container[]).map(container =>
			isObject(container) ? defaultContainer(container) : container,
		);
	}

	if (Array.isArray(spec['initContainers'])) {
		spec['initContainers'] = (spec['initContainers'] as Container[]).map(container =>
			isObject(container) ? defaultContainer(container) : container,
		);
	}

	if (Array.isArray(spec['volumes'])) {
		spec['volumes'] = (spec['volumes'] as Array<Record<string, unknown>>).map(volume => defaultVolume(volume));
	}

	spec['restartPolicy'] ??= 'Always';
	spec['terminationGracePeriodSeconds'] ??= 30;
	spec['dnsPolicy'] ??= 'ClusterFirst';
	if (spec['serviceAccount'] && !spec['serviceAccountName']) {
		spec['serviceAccountName'] = spec['serviceAccount'];
	}

	spec['securityContext'] ??= {};
	spec['schedulerName'] ??= 'default-scheduler';
	spec['enableServiceLinks'] ??= true;
	return {...object, metadata: orderMeta(object.metadata), spec: orderKeys(spec, podSpecFields)};
}

function defaultVolume(volume: Record<string, unknown>): Record<string, unknown> {
	const result = {...volume};
	for (const source of ['secret', 'configMap', 'projected', 'downwardAPI']) {
		if (isObject(result[source])) {
			result[source] = {...result[source], defaultMode: result[source]['defaultMode'] ?? 420};
		}
	}

	const downward = result['downwardAPI'];
	if (isObject(downward) && Array.isArray(downward['items'])) {
		result['downwardAPI'] = {...downward, items: downward['items'].map(item => defaultFieldRef(item))};
	}

	return result;
}

/**
 * The admission plugins of a pod create: ServiceAccount (account name, the projected
 * `kube-api-access-xxxxx` token volume and its mounts), DefaultTolerationSeconds, Priority;
 * and the status a new pod starts with.
 */
export function admitPod(object: KubeObject): KubeObject {
	const spec = {...(object['spec'] as Record<string, unknown>)};
	spec['serviceAccountName'] ??= 'default';
	spec['serviceAccount'] = spec['serviceAccountName'];
	const mountPath = '/var/run/secrets/kubernetes.io/serviceaccount';
	if (spec['automountServiceAccountToken'] !== false) {
		const volumeName = `kube-api-access-${randomSuffix()}`;
		spec['volumes'] = [...((spec['volumes'] as unknown[] | undefined) ?? []), tokenVolume(volumeName)];
		const mount = (container: Container): Container => {
			const mounts = container.volumeMounts ?? [];
			if (mounts.some(existing => existing.mountPath === mountPath)) {
				return container;
			}

			return orderKeys({...container, volumeMounts: [...mounts, {name: volumeName, readOnly: true, mountPath}]}, containerFields);
		};

		spec['containers'] = (spec['containers'] as Container[]).map(container => mount(container));
		if (Array.isArray(spec['initContainers'])) {
			spec['initContainers'] = (spec['initContainers'] as Container[]).map(container => mount(container));
		}
	}

	const tolerations = [...((spec['tolerations'] as Array<Record<string, unknown>> | undefined) ?? [])];
	for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
		if (!tolerations.some(toleration => toleration['key'] === key || (toleration['operator'] === 'Exists' && !toleration['key']))) {
			tolerations.push({key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300});
		}
	}

	spec['tolerations'] = tolerations;
	spec['priority'] ??= 0;
	spec['preemptionPolicy'] ??= 'PreemptLowerPriority';
	const status = {phase: 'Pending', qosClass: qosClass(spec['containers'] as Container[])};
	return {...object, spec: orderKeys(spec, podSpecFields), status};
}

function tokenVolume(name: string): Record<string, unknown> {
	return {
		name,
		projected: {
			sources: [
				{serviceAccountToken: {expirationSeconds: 3607, path: 'token'}},
				{configMap: {name: 'kube-root-ca.crt', items: [{key: 'ca.crt', path: 'ca.crt'}]}},
				{downwardAPI: {items: [{path: 'namespace', fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.namespace'}}]}},
			],
			defaultMode: 420,
		},
	};
}

/** BestEffort without any request or limit, Guaranteed when every container limits cpu and memory at its requests, else Burstable. */
export function qosClass(containers: Container[]): string {
	const all = containers ?? [];
	const any = all.some(
		container => Object.keys(container.resources?.requests ?? {}).length > 0 || Object.keys(container.resources?.limits ?? {}).length > 0,
	);
	if (!any) {
		return 'BestEffort';
	}

	const guaranteed = all.every(container => {
		const limits = container.resources?.limits ?? {};
		const requests = container.resources?.requests ?? {};
		return ['cpu', 'memory'].every(
			resource => limits[resource] !== undefined && (requests[resource] === undefined || requests[resource] === limits[resource]),
		);
	});
	return guaranteed ? 'Guaranteed' : 'Burstable';
}

function defaultService(object: KubeObject): KubeObject {
	const spec = isObject(object['spec']) ? {...object['spec']} : {};
	spec['type'] ??= 'ClusterIP';
	if (Array.isArray(spec['ports'])) {
		spec['ports'] = (spec['ports'] as Array<Record<string, unknown>>).map(port =>
			orderKeys(
				{
					...port,
					protocol: port['protocol'] ?? 'TCP',
					// An unset, 0 or empty targetPort means the service's own port.
					targetPort:
						port['targetPort'] === undefined || port['targetPort'] === 0 || port['targetPort'] === '' ? port['port'] : port['targetPort'],
				},
				servicePortFields,
			),
		);
	}

	spec['sessionAffinity'] ??= 'None';
	if (spec['type'] !== 'ExternalName') {
		spec['internalTrafficPolicy'] ??= 'Cluster';
	}

	if (externallyAccessible(spec)) {
		spec['externalTrafficPolicy'] ??= 'Cluster';
	}

	if (spec['type'] === 'LoadBalancer') {
		spec['allocateLoadBalancerNodePorts'] ??= true;
	}

	return {
		...object,
		metadata: orderMeta(object.metadata),
		spec: orderKeys(spec, serviceSpecFields),
		...defaultServiceStatus(object['status']),
	};
}

// A load-balancer ingress with an IP is a VIP unless it says otherwise (LoadBalancerIPMode).
function defaultServiceStatus(status: unknown): Record<string, unknown> {
	if (!isObject(status) || !isObject(status['loadBalancer']) || !Array.isArray(status['loadBalancer']['ingress'])) {
		return status === undefined ? {} : {status};
	}

	const ingress = status['loadBalancer']['ingress'].map(item =>
		isObject(item) && item['ip'] && !item['ipMode'] ? {...item, ipMode: 'VIP'} : item,
	);
	return {status: {...status, loadBalancer: {...status['loadBalancer'], ingress}}};
}

/**
 * dropTypeDependentFields of a service update: a type change wipes what the old type needed
 * and the new one does not (node ports, externalTrafficPolicy, the cluster IP for
 * ExternalName, allocateLoadBalancerNodePorts, the load-balancer status) when the writer
 * left them as they were, so `NodePort` → `ClusterIP` by patch just works.
 */
export function dropTypeDependentFields(old: KubeObject, next: KubeObject): KubeObject {
	const oldSpec = isObject(old['spec']) ? old['spec'] : {};
	const spec = isObject(next['spec']) ? {...next['spec']} : {};
	const same = (key: string): boolean => jsonEqual(oldSpec[key], spec[key]);
	if (oldSpec['type'] !== 'ExternalName' && spec['type'] === 'ExternalName') {
		for (const key of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy']) {
			if (same(key) || (key === 'clusterIPs' && same('clusterIP'))) {
				delete spec[key];
			}
		}
	}

	const needsNodePorts = (value: Record<string, unknown>): boolean =>
		value['type'] === 'NodePort' || (value['type'] === 'LoadBalancer' && value['allocateLoadBalancerNodePorts'] !== false);
	const oldPorts = Array.isArray(oldSpec['ports']) ? (oldSpec['ports'] as Array<Record<string, unknown>>) : [];
	const ports = Array.isArray(spec['ports']) ? (spec['ports'] as Array<Record<string, unknown>>) : [];
	const sameNodePorts = ports.every(port => !port['nodePort'] || oldPorts.some(oldPort => oldPort['nodePort'] === port['nodePort']));
	if (needsNodePorts(oldSpec) && !needsNodePorts(spec) && sameNodePorts) {
		spec['ports'] = ports.map(port => {
			const {nodePort: _dropped, ...rest} = port;
			return rest;
		});
	}

	if (oldSpec['type'] === 'LoadBalancer' && spec['type'] !== 'LoadBalancer' && same('allocateLoadBalancerNodePorts')) {
		delete spec['allocateLoadBalancerNodePorts'];
	}

	if (externallyAccessible(oldSpec) && !externallyAccessible(spec) && same('externalTrafficPolicy')) {
		delete spec['externalTrafficPolicy'];
	}

	const status = spec['type'] === 'LoadBalancer' || !isObject(next['status']) ? next['status'] : {...next['status'], loadBalancer: {}};
	return {...next, spec, ...(status === undefined ? {} : {status})};
}

/** PodSpec with keys in the server's order (after a controller sets a field). */
export function orderPodSpec(spec: Record<string, unknown>): Record<string, unknown> {
	return orderKeys(spec, podSpecFields);
}

/** Key order of ServiceSpec, for the registry's allocations. */
export function orderServiceSpec(spec: Record<string, unknown>): Record<string, unknown> {
	return orderKeys(spec, serviceSpecFields);
}

function defaultNamespace(object: KubeObject): KubeObject {
	const name = object.metadata.name ?? '';
	const labels = {...object.metadata.labels, 'kubernetes.io/metadata.name': name};
	return {
		...object,
		metadata: orderMeta({...object.metadata, labels}),
		spec: {finalizers: ['kubernetes'], ...(isObject(object['spec']) ? object['spec'] : {})},
		status: {phase: 'Active', ...(isObject(object['status']) ? object['status'] : {})},
	};
}

function defaultEndpoints(object: KubeObject): KubeObject {
	const subsets = object['subsets'];
	if (!Array.isArray(subsets)) {
		return object;
	}

	return {
		...object,
		subsets: subsets.map(subset =>
			isObject(subset) && Array.isArray(subset['ports'])
				? {
						...subset,
						ports: (subset['ports'] as Array<Record<string, unknown>>).map(port => ({...port, protocol: port['protocol'] ?? 'TCP'})),
					}
				: subset,
		),
	};
}

function defaultEndpointSlice(object: KubeObject): KubeObject {
	const ports = object['ports'];
	return Array.isArray(ports)
		? {...object, ports: (ports as Array<Record<string, unknown>>).map(port => ({...port, protocol: port['protocol'] ?? 'TCP'}))}
		: object;
}
