import type {EndpointAddress, EndpointPort, KubeObject, Pod, Service, SliceEndpoint, SlicePort} from '../k8s/types.js';
import type {Change, Store} from './store.js';
import type {Registry} from './registry.js';
import {resources} from './resources.js';
import {Controller} from './controller.js';
import {jsonEqual, orderKeys, randomSuffix, rfc3339} from './meta.js';

const managedBy = 'endpointslice-controller.k8s.io';
const triggerAnnotation = 'endpoints.kubernetes.io/last-change-trigger-time';

interface Backend {
	pod: Pod;
	ip: string;
	ready: boolean;
	terminating: boolean;
}

/**
 * The endpoints and EndpointSlice controllers: for every service with a selector, an
 * Endpoints object (ready pods under `addresses`, others under `notReadyAddresses`,
 * terminating pods left out) and one EndpointSlice `<service>-xxxxx` (terminating pods
 * kept with their conditions), with named target ports resolved against each pod's
 * container ports. Services without a selector are left alone. Work is batched: many
 * changes in one tick cost one sync per service.
 */
export class EndpointsController extends Controller {
	private readonly dirty = new Set<string>();

	constructor(
		store: Store,
		private readonly registry: Registry,
		private readonly now: () => number,
	) {
		super(store, ['services', 'pods']);
		for (const service of store.list('services')) {
			this.mark(service.key);
		}
	}

	protected changed(change: Change): void {
		const {object} = change.entry;
		const namespace = object.metadata.namespace ?? '';
		if (change.resource === 'services') {
			this.mark(`${namespace}/${object.metadata.name}`);
			return;
		}

		for (const service of this.store.list('services', namespace)) {
			const selector = (service.object['spec'] as Service['spec'])?.selector;
			if (selector && (matches(selector, object) || (change.previous && matches(selector, change.previous)))) {
				this.mark(service.key);
			}
		}
	}

	private mark(key: string): void {
		this.dirty.add(key);
		this.soon(() => {
			const keys = [...this.dirty];
			this.dirty.clear();
			for (const serviceKey of keys) {
				this.sync(serviceKey);
			}
		});
	}

	private sync(key: string): void {
		const [namespace, name] = key.split('/') as [string, string];
		const service = this.store.get('services', namespace, name)?.object as unknown as Service | undefined;
		if (!service) {
			this.removeOwned(namespace, name);
			return;
		}

		const spec = service.spec ?? {};
		if (!spec.selector || spec.type === 'ExternalName') {
			return;
		}

		const backends: Backend[] = [];
		for (const entry of this.store.list('pods', namespace)) {
			const pod = entry.object as unknown as Pod;
			const ip = pod.status?.podIP;
			const phase = pod.status?.phase;
			if (!ip || phase === 'Succeeded' || phase === 'Failed' || !matches(spec.selector, entry.object)) {
				continue;
			}

			const ready = pod.status?.conditions?.some(condition => condition.type === 'Ready' && condition.status === 'True') ?? false;
			backends.push({pod, ip, ready, terminating: Boolean(pod.metadata.deletionTimestamp)});
		}

		backends.sort((a, b) => compareIps(a.ip, b.ip));
		this.writeEndpoints(service, backends);
		this.writeSlice(service, backends);
	}

	private writeEndpoints(service: Service, backends: Backend[]): void {
		const {namespace, name} = service.metadata;
		// Subsets group addresses by the ports they resolve to, as RepackSubsets does.
		const groups = new Map<string, {ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[]}>();
		for (const backend of backends) {
			if (backend.terminating && !service.spec?.publishNotReadyAddresses) {
				continue;
			}

			const ports = resolvePorts(service, backend.pod).map(
				port =>
					orderKeys({name: port.name || undefined, port: port.port!, protocol: port.protocol}, [
						'name',
						'port',
						'protocol',
					]) as EndpointPort,
			);
			if (ports.length === 0) {
				continue;
			}

			const groupKey = JSON.stringify(ports);
			const group = groups.get(groupKey) ?? {ports, ready: [], notReady: []};
			const address: EndpointAddress = {ip: backend.ip, nodeName: backend.pod.spec?.nodeName, targetRef: podRef(backend.pod)};
			(backend.ready || service.spec?.publishNotReadyAddresses ? group.ready : group.notReady).push(address);
			groups.set(groupKey, group);
		}

		const subsets = [...groups.values()].map(group => ({
			...(group.ready.length > 0 ? {addresses: group.ready} : {}),
			...(group.notReady.length > 0 ? {notReadyAddresses: group.notReady} : {}),
			ports: group.ports,
		}));
		const labels = {...service.metadata.labels, ...(service.spec?.clusterIP === 'None' ? {'service.kubernetes.io/headless': ''} : {})};
		const existing = this.store.get('endpoints', namespace, name!)?.object;
		const body = {
			metadata: {name, namespace, ...(Object.keys(labels).length > 0 ? {labels} : {})},
			...(subsets.length > 0 ? {subsets} : {}),
		};
		if (existing && jsonEqual(existing['subsets'], body.subsets) && jsonEqual(existing.metadata.labels, body.metadata.labels)) {
			return;
		}

		this.save('endpoints', 'endpoint-controller', existing, {kind: 'Endpoints', apiVersion: 'v1', ...body});
	}

	private writeSlice(service: Service, backends: Backend[]): void {
		const {namespace, name} = service.metadata;
		const existing = this.store
			.list('endpointslices', namespace)
			.find(
				entry =>
					entry.object.metadata.labels?.['kubernetes.io/service-name'] === name &&
					entry.object.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === managedBy,
			)?.object;
		let ports: SlicePort[] | null = null;
		const endpoints: SliceEndpoint[] = [];
		for (const backend of backends) {
			const resolved = resolvePorts(service, backend.pod);
			if (resolved.length === 0) {
				continue;
			}

			ports ??= resolved.map(port =>
				orderKeys({name: port.name ?? '', protocol: port.protocol, port: port.port}, ['name', 'protocol', 'port']),
			);
			endpoints.push({
				addresses: [backend.ip],
				conditions: {ready: backend.ready && !backend.terminating, serving: backend.ready, terminating: backend.terminating},
				targetRef: podRef(backend.pod),
				nodeName: backend.pod.spec?.nodeName,
			});
		}

		const labels = {
			...service.metadata.labels,
			'endpointslice.kubernetes.io/managed-by': managedBy,
			'kubernetes.io/service-name': name!,
			...(service.spec?.clusterIP === 'None' ? {'service.kubernetes.io/headless': ''} : {}),
		};
		if (
			existing &&
			jsonEqual(existing['endpoints'], endpoints.length > 0 ? endpoints : null) &&
			jsonEqual(existing['ports'], ports) &&
			jsonEqual(existing.metadata.labels, labels)
		) {
			return;
		}

		const body: KubeObject = {
			kind: 'EndpointSlice',
			apiVersion: 'discovery.k8s.io/v1',
			metadata: {
				name: existing?.metadata.name ?? `${name}-${randomSuffix()}`,
				generateName: `${name}-`,
				namespace,
				labels,
				ownerReferences: [
					{apiVersion: 'v1', kind: 'Service', name: name!, uid: service.metadata.uid!, controller: true, blockOwnerDeletion: true} as never,
				],
			},
			addressType: 'IPv4',
			endpoints: endpoints.length > 0 ? endpoints : null,
			ports,
		};
		this.save('endpointslices', 'endpointslice-controller', existing, body);
	}

	// Through the registry, as the controllers write over the API: managedFields of the
	// controller's Update entry, an EndpointSlice's generation, the object's identity kept.
	private save(resource: string, manager: string, existing: KubeObject | undefined, body: KubeObject): void {
		const info = resources.get(resource)!;
		const annotations = {...body.metadata.annotations, [triggerAnnotation]: rfc3339(this.now())};
		const next = {...body, metadata: {...body.metadata, annotations}};
		const namespace = body.metadata.namespace!;
		const stored = existing && this.store.get(resource, namespace, existing.metadata.name!);
		if (stored) {
			this.registry.replace(info, stored, next, {manager, dryRun: false});
		} else {
			this.registry.create(info, next, namespace, {manager, dryRun: false});
		}
	}

	private removeOwned(namespace: string, name: string): void {
		if (this.store.get('endpoints', namespace, name)) {
			this.registry.delete(resources.get('endpoints')!, namespace, name, {dryRun: false});
		}

		for (const slice of this.store.list('endpointslices', namespace)) {
			const labels = slice.object.metadata.labels ?? {};
			if (labels['kubernetes.io/service-name'] === name && labels['endpointslice.kubernetes.io/managed-by'] === managedBy) {
				this.registry.delete(resources.get('endpointslices')!, namespace, slice.object.metadata.name!, {dryRun: false});
			}
		}
	}
}

function matches(selector: Record<string, string>, object: KubeObject): boolean {
	const labels = object.metadata.labels ?? {};
	const entries = Object.entries(selector);
	return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}

function podRef(pod: Pod): {kind: string; namespace?: string; name?: string; uid?: string} {
	return {kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid};
}

/** The service's ports this pod can serve: numeric targetPorts as they are, named ones looked up in the pod's container ports. */
function resolvePorts(service: Service, pod: Pod): Array<{name?: string; port?: number; protocol: string}> {
	const resolved: Array<{name?: string; port?: number; protocol: string}> = [];
	for (const port of service.spec?.ports ?? []) {
		const protocol = port.protocol ?? 'TCP';
		let target: number | undefined;
		if (typeof port.targetPort === 'string') {
			for (const container of pod.spec?.containers ?? []) {
				const found = container.ports?.find(candidate => candidate.name === port.targetPort && (candidate.protocol ?? 'TCP') === protocol);
				if (found) {
					target = found.containerPort;
					break;
				}
			}
		} else {
			target = port.targetPort ?? port.port;
		}

		if (target !== undefined) {
			resolved.push({name: port.name, port: target, protocol});
		}
	}

	return resolved;
}

function compareIps(a: string, b: string): number {
	const left = a.split('.').map(Number);
	const right = b.split('.').map(Number);
	for (let index = 0; index < 4; index++) {
		if (left[index] !== right[index]) {
			return left[index]! - right[index]!;
		}
	}

	return 0;
}
