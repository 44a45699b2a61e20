import type {Event} from '../k8s/types.js';
import {formatLabelSelector} from './selector.js';
import {writeContainers, writeResources} from './containers.js';
import {writeEvents} from './events.js';
import {addQuantities, compareQuantities, parseQuantity, type Quantity} from './quantity.js';
import type {DescribedContainer, DescribedPod, ResourceList} from './types.js';
import {writeVolumes} from './volumes.js';
import {byteOrder, DescribeWriter, rfc1123z, since, writeAnnotations, writeLabels, writeTolerations} from './writer.js';

/** What `kubectl describe pod` prints for this pod and its events (undefined: no events section), at `now`. */
export function describePod(pod: DescribedPod, events: readonly Event[] | undefined, now: number): string {
	const w = new DescribeWriter();
	const {metadata} = pod;
	const spec = pod.spec ?? {};
	const status = pod.status ?? {};
	w.write(0, `Name:\t${metadata.name ?? ''}\n`);
	w.write(0, `Namespace:\t${metadata.namespace ?? ''}\n`);
	if (spec.priority !== undefined) {
		w.write(0, `Priority:\t${spec.priority}\n`);
	}
	if (spec.priorityClassName) {
		w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
	}
	if (spec.runtimeClassName) {
		w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
	}
	if (spec.serviceAccountName) {
		w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
	}
	w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
	if (status.startTime) {
		w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
	}
	writeLabels(w, 'Labels', metadata.labels);
	writeAnnotations(w, 'Annotations', metadata.annotations);
	if (metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
		w.write(0, `Status:\tTerminating (lasts ${since(metadata.deletionTimestamp, now)})\n`);
		w.write(0, `Termination Grace Period:\t${metadata.deletionGracePeriodSeconds ?? 0}s\n`);
	} else {
		w.write(0, `Status:\t${status.phase ?? ''}\n`);
	}

	if (status.reason) {
		w.write(0, `Reason:\t${status.reason}\n`);
	}
	if (status.message) {
		w.write(0, `Message:\t${status.message}\n`);
	}
	const seccomp = spec.securityContext?.seccompProfile;
	if (seccomp) {
		w.write(0, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
		if (seccomp.type === 'Localhost') {
			w.write(0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
		}
	}

	w.write(0, `IP:\t${status.podIP ?? ''}\n`);
	if (status.podIPs && status.podIPs.length > 0) {
		w.write(0, 'IPs:\n');
		for (const ip of status.podIPs) {
			w.write(1, `IP:\t${ip.ip}\n`);
		}
	} else {
		w.write(0, 'IPs:\t<none>\n');
	}

	const controller = metadata.ownerReferences?.find(owner => owner.controller === true);
	if (controller) {
		w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
	}
	if (status.nominatedNodeName) {
		w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
	}
	if (spec.resources) {
		w.write(0, 'Resources:\n');
		writeResources(w, spec.resources, 1);
	}

	if (spec.initContainers && spec.initContainers.length > 0) {
		writeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses ?? [], pod);
	}
	writeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses ?? [], pod);
	if (spec.ephemeralContainers && spec.ephemeralContainers.length > 0) {
		writeContainers(w, 'Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses ?? [], pod);
	}
	if (spec.readinessGates && spec.readinessGates.length > 0) {
		w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
		for (const gate of spec.readinessGates) {
			const condition = status.conditions?.find(each => each.type === gate.conditionType);
			w.write(1, `${gate.conditionType} \t${condition ? condition.status : '<none>'} \n`);
		}
	}

	if (status.conditions && status.conditions.length > 0) {
		w.write(0, 'Conditions:\n  Type\tStatus\n');
		for (const condition of status.conditions) {
			w.write(1, `${condition.type} \t${condition.status} \n`);
		}
	}

	writeVolumes(w, spec.volumes);
	w.write(0, `QoS Class:\t${status.qosClass || podQosClass(pod)}\n`);
	writeLabels(w, 'Node-Selectors', spec.nodeSelector);
	writeTolerations(w, 'Tolerations', spec.tolerations);
	writeSpreadConstraints(w, spec.topologySpreadConstraints);
	writeEvents(w, events, now);
	return w.text();
}

function writeSpreadConstraints(w: DescribeWriter, constraints: NonNullable<DescribedPod['spec']>['topologySpreadConstraints']): void {
	if (!constraints || constraints.length === 0) {
		return;
	}
	const sorted = [...constraints].sort((a, b) => byteOrder(a.topologyKey, b.topologyKey));
	w.write(0, 'Topology Spread Constraints:\t');
	sorted.forEach((constraint, index) => {
		if (index > 0) {
			w.write(0, '\t');
		}
		const selector = constraint.labelSelector ? ` for selector ${formatLabelSelector(constraint.labelSelector)}` : '';
		w.write(
			0,
			`${constraint.topologyKey}:${constraint.whenUnsatisfiable ?? ''} when max skew ${constraint.maxSkew ?? 0} is exceeded${selector}\n`,
		);
	});
}

const qosResources = ['cpu', 'memory'];

/** The pod's QoS class when the server has not set one (kubectl's ComputePodQOS). */
export function podQosClass(pod: DescribedPod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
	const requests = new Map<string, Quantity>();
	const limits = new Map<string, Quantity>();
	let guaranteed = true;
	const add = (into: Map<string, Quantity>, list: ResourceList | undefined) => {
		for (const [name, value] of Object.entries(list ?? {})) {
			const quantity = parseQuantity(value);
			if (!qosResources.includes(name) || !quantity || quantity.mantissa <= 0n) {
				continue;
			}
			const previous = into.get(name);
			into.set(name, previous ? addQuantities(quantity, previous) : quantity);
		}
	};

	const limitsCoverCpuAndMemory = (list: ResourceList | undefined) =>
		qosResources.every(name => (parseQuantity(list?.[name])?.mantissa ?? 0n) > 0n);
	const podResources = pod.spec?.resources;
	if (podResources) {
		add(requests, podResources.requests);
		if (podResources.limits) {
			add(limits, podResources.limits);
			if (!limitsCoverCpuAndMemory(podResources.limits)) {
				guaranteed = false;
			}
		}
	} else {
		const containers: DescribedContainer[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
		for (const container of containers) {
			add(requests, container.resources?.requests);
			add(limits, container.resources?.limits);
			if (!limitsCoverCpuAndMemory(container.resources?.limits)) {
				guaranteed = false;
			}
		}
	}

	if (requests.size === 0 && limits.size === 0) {
		return 'BestEffort';
	}
	if (guaranteed) {
		for (const [name, request] of requests) {
			const limit = limits.get(name);
			if (!limit || compareQuantities(limit, request) !== 0) {
				guaranteed = false;
			}
		}
	}

	return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
