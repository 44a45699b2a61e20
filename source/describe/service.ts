import type {EndpointSlice, Event, LoadBalancerIngress} from '../k8s/types.js';
import {formatLabels} from '../k8s/labels.js';
import {writeEvents} from './events.js';
import type {DescribedService} from './types.js';
import {DescribeWriter, writeAnnotations, writeLabels} from './writer.js';

/**
 * What `kubectl describe service` prints, given the service's EndpointSlices (discovery.k8s.io/v1;
 * none where the server has no v1 slices, as kubectl then finds none) and its events.
 */
export function describeService(
	service: DescribedService,
	slices: readonly EndpointSlice[],
	events: readonly Event[] | undefined,
	now: number,
): string {
	const w = new DescribeWriter();
	const spec = service.spec ?? {};
	w.write(0, `Name:\t${service.metadata.name ?? ''}\n`);
	w.write(0, `Namespace:\t${service.metadata.namespace ?? ''}\n`);
	writeLabels(w, 'Labels', service.metadata.labels);
	writeAnnotations(w, 'Annotations', service.metadata.annotations);
	w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
	w.write(0, `Type:\t${spec.type ?? ''}\n`);
	if (spec.ipFamilyPolicy) {
		w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
	}
	w.write(0, `IP Families:\t${spec.ipFamilies && spec.ipFamilies.length > 0 ? spec.ipFamilies.join(',') : '<none>'}\n`);
	w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
	w.write(0, `IPs:\t${spec.clusterIPs && spec.clusterIPs.length > 0 ? spec.clusterIPs.join(',') : '<none>'}\n`);
	if (spec.externalIPs && spec.externalIPs.length > 0) {
		w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
	}
	if (spec.loadBalancerIP) {
		w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
	}
	if (spec.externalName) {
		w.write(0, `External Name:\t${spec.externalName}\n`);
	}
	const ingress = service.status?.loadBalancer?.ingress ?? [];
	if (ingress.length > 0) {
		w.write(0, `LoadBalancer Ingress:\t${ingressText(ingress)}\n`);
	}
	for (const port of spec.ports ?? []) {
		const name = port.name || '<unset>';
		const protocol = port.protocol ?? '';
		w.write(0, `Port:\t${name}\t${port.port}/${protocol}\n`);
		w.write(0, `TargetPort:\t${port.targetPort ?? 0}/${protocol}\n`);
		if (port.nodePort) {
			w.write(0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`);
		}
		w.write(0, `Endpoints:\t${formatSlices(slices, port.name ?? '')}\n`);
	}

	w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
	if (spec.externalTrafficPolicy) {
		w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
	}
	if (spec.internalTrafficPolicy) {
		w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
	}
	const healthCheckNodePort = spec['healthCheckNodePort'] as number | undefined;
	if (healthCheckNodePort) {
		w.write(0, `HealthCheck NodePort:\t${healthCheckNodePort}\n`);
	}
	const sourceRanges = spec['loadBalancerSourceRanges'] as string[] | undefined;
	if (sourceRanges && sourceRanges.length > 0) {
		w.write(0, `LoadBalancer Source Ranges:\t${sourceRanges.join(',')}\n`);
	}
	writeEvents(w, events, now);
	return w.text();
}

function ingressText(ingress: ReadonlyArray<LoadBalancerIngress & {ipMode?: string}>): string {
	return ingress.map(each => (each.ip ? `${each.ip}${each.ipMode ? ` (${each.ipMode})` : ''}` : (each.hostname ?? ''))).join(', ');
}

const hostPort = (address: string, port: number) => (address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`);

/** The ready addresses of one service port: at most three, then `+ N more...` (formatEndpointSlices). */
export function formatSlices(slices: readonly EndpointSlice[], portName: string): string {
	if (slices.length === 0) {
		return '<none>';
	}
	const list: string[] = [];
	const max = 3;
	let more = false;
	let count = 0;
	// kubectl marks "more" on reaching any endpoint once three are listed, ready or not.
	const visit = (ready: boolean, text: string) => {
		if (list.length === max) {
			more = true;
		}
		if (!ready) {
			return;
		}
		if (!more) {
			list.push(text);
		}
		count++;
	};

	for (const slice of slices) {
		// An absent ready condition counts as ready.
		const isReady = (endpoint: NonNullable<EndpointSlice['endpoints']>[number]) => endpoint.conditions?.ready !== false;
		if (!slice.ports || slice.ports.length === 0) {
			// Headless services without ports: addresses alone.
			for (const endpoint of slice.endpoints ?? []) {
				visit(isReady(endpoint), endpoint.addresses[0] ?? '');
			}
			continue;
		}

		for (const port of slice.ports) {
			if ((port.name ?? '') !== portName) {
				continue;
			}
			for (const endpoint of slice.endpoints ?? []) {
				visit(isReady(endpoint), hostPort(endpoint.addresses[0] ?? '', port.port ?? 0));
			}
		}
	}

	const text = list.join(',');
	return more ? `${text} + ${count - max} more...` : text;
}
