import type {Event} from '../k8s/types.js';
import {writeEvents} from './events.js';
import {addQuantities, compareQuantities, formatQuantity, parseQuantity, scaledValue, zeroQuantity, type Quantity} from './quantity.js';
import type {DescribedContainer, DescribedNode, DescribedPod, Lease, ResourceList} from './types.js';
import {byteOrder, DescribeWriter, rfc1123z, since, writeAnnotations, writeLabels, writeTaints} from './writer.js';

/** The node's lease from kube-node-lease, or the error text kubectl prints when it cannot get it. */
export type LeaseLookup = {lease: Lease} | {error: string};

/**
 * What `kubectl describe node` prints: `pods` are the node's non-terminated pods in list order
 * (undefined: not allowed to list them), `events` its events.
 */
export function describeNode(
	node: DescribedNode,
	pods: readonly DescribedPod[] | undefined,
	lease: LeaseLookup | undefined,
	events: readonly Event[] | undefined,
	now: number,
): string {
	const w = new DescribeWriter();
	const status = node.status ?? {};
	const spec = node.spec ?? {};
	w.write(0, `Name:\t${node.metadata.name ?? ''}\n`);
	const roles = nodeRoles(node.metadata.labels ?? {});
	w.write(0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
	writeLabels(w, 'Labels', node.metadata.labels);
	writeAnnotations(w, 'Annotations', node.metadata.annotations);
	w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
	writeTaints(w, 'Taints', spec.taints);
	w.write(0, `Unschedulable:\t${spec.unschedulable === true}\n`);
	if (lease && 'error' in lease) {
		w.write(0, `Lease:\tFailed to get lease: ${lease.error}\n`);
	} else if (lease) {
		const leaseSpec = lease.lease.spec ?? {};
		w.write(0, 'Lease:\n');
		w.write(1, `HolderIdentity:\t${leaseSpec.holderIdentity ?? '<unset>'}\n`);
		w.write(1, `AcquireTime:\t${leaseSpec.acquireTime ? rfc1123z(leaseSpec.acquireTime) : '<unset>'}\n`);
		w.write(1, `RenewTime:\t${leaseSpec.renewTime ? rfc1123z(leaseSpec.renewTime) : '<unset>'}\n`);
	}

	const conditions = status.conditions ?? [];
	if (conditions.length > 0) {
		w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
		w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
		for (const condition of conditions) {
			w.write(
				1,
				`${condition.type} \t${condition.status} \t${rfc1123z(condition.lastHeartbeatTime)} \t${rfc1123z(condition.lastTransitionTime)} \t${condition.reason ?? ''} \t${condition.message ?? ''}\n`,
			);
		}
	}

	w.write(0, 'Addresses:\n');
	for (const address of status.addresses ?? []) {
		w.write(1, `${address.type}:\t${address.address}\n`);
	}
	for (const [title, list] of [
		['Capacity', status.capacity],
		['Allocatable', status.allocatable],
	] as const) {
		const names = Object.keys(list ?? {}).sort(byteOrder);
		if (names.length === 0) {
			continue;
		}
		w.write(0, `${title}:\n`);
		for (const name of names) {
			w.write(0, `  ${name}:\t${formatQuantity(parseQuantity(list![name]) ?? zeroQuantity)}\n`);
		}
	}

	const info = status.nodeInfo ?? {};
	w.write(0, 'System Info:\n');
	for (const [label, value] of [
		['Machine ID', info.machineID],
		['System UUID', info.systemUUID],
		['Boot ID', info.bootID],
		['Kernel Version', info.kernelVersion],
		['OS Image', info.osImage],
		['Operating System', info.operatingSystem],
		['Architecture', info.architecture],
		['Container Runtime Version', info.containerRuntimeVersion],
		['Kubelet Version', info.kubeletVersion],
		['Kube-Proxy Version', info.kubeProxyVersion],
	] as const) {
		w.write(0, `  ${label}:\t${value ?? ''}\n`);
	}
	if (spec.podCIDR) {
		w.write(0, `PodCIDR:\t${spec.podCIDR}\n`);
	}
	if (spec.podCIDRs && spec.podCIDRs.length > 0) {
		w.write(0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
	}
	if (spec.providerID) {
		w.write(0, `ProviderID:\t${spec.providerID}\n`);
	}
	if (pods) {
		writeNodeResources(w, node, pods, now);
	} else {
		w.write(0, 'Pods:\tnot authorized\n');
	}
	// kubectl asks for the node's events twice (by its uid, then by its name as uid) and lists them in that order.
	const uid = node.metadata.uid;
	writeEvents(
		w,
		events && [...events.filter(event => event.involvedObject.uid === uid), ...events.filter(event => event.involvedObject.uid !== uid)],
		now,
	);
	return w.text();
}

/** Roles from `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role=<role>`, sorted. */
export function nodeRoles(labels: Record<string, string>): string[] {
	const roles = new Set<string>();
	for (const [key, value] of Object.entries(labels)) {
		if (key.startsWith('node-role.kubernetes.io/')) {
			const role = key.slice('node-role.kubernetes.io/'.length);
			if (role) {
				roles.add(role);
			}
		} else if (key === 'kubernetes.io/role' && value) {
			roles.add(value);
		}
	}

	return [...roles].sort(byteOrder);
}

type Totals = Map<string, Quantity>;

const quantityOf = (list: Totals, name: string): Quantity => list.get(name) ?? zeroQuantity;
const percent = (part: bigint, whole: bigint): number => (whole === 0n ? 0 : Math.trunc((Number(part) / Number(whole)) * 100));

function writeNodeResources(w: DescribeWriter, node: DescribedNode, pods: readonly DescribedPod[], now: number): void {
	const status = node.status ?? {};
	const allocatable = status.allocatable && Object.keys(status.allocatable).length > 0 ? status.allocatable : (status.capacity ?? {});
	const allocated = (name: string) => parseQuantity(allocatable[name]) ?? zeroQuantity;
	const milli = (quantity: Quantity) => scaledValue(quantity, -3);
	const value = (quantity: Quantity) => scaledValue(quantity, 0);
	w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
	w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
	w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
	const totals = {requests: new Map() as Totals, limits: new Map() as Totals};
	for (const pod of pods) {
		const {requests, limits} = podRequestsAndLimits(pod);
		for (const [into, from] of [
			[totals.requests, requests],
			[totals.limits, limits],
		] as const) {
			for (const [name, quantity] of from) {
				into.set(name, into.has(name) ? addQuantities(into.get(name)!, quantity) : quantity);
			}
		}

		const cell = (quantity: Quantity, scale: (q: Quantity) => bigint, resource: string) =>
			`${formatQuantity(quantity)} (${percent(scale(quantity), scale(allocated(resource)))}%)`;
		w.write(
			1,
			`${pod.metadata.namespace ?? ''}\t${pod.metadata.name ?? ''}\t\t${cell(quantityOf(requests, 'cpu'), milli, 'cpu')}\t${cell(quantityOf(limits, 'cpu'), milli, 'cpu')}\t${cell(quantityOf(requests, 'memory'), value, 'memory')}\t${cell(quantityOf(limits, 'memory'), value, 'memory')}\t${since(pod.metadata.creationTimestamp, now)}\n`,
		);
	}

	w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
	w.write(1, 'Resource\tRequests\tLimits\n');
	w.write(1, '--------\t--------\t------\n');
	const row = (name: string, scale: (q: Quantity) => bigint) => {
		const requested = quantityOf(totals.requests, name);
		const limited = quantityOf(totals.limits, name);
		const whole = scale(allocated(name));
		w.write(
			1,
			`${name}\t${formatQuantity(requested)} (${percent(scale(requested), whole)}%)\t${formatQuantity(limited)} (${percent(scale(limited), whole)}%)\n`,
		);
	};

	row('cpu', milli);
	row('memory', value);
	row('ephemeral-storage', value);
	const names = Object.keys(allocatable).sort(byteOrder);
	for (const name of names.filter(each => each.startsWith('hugepages-'))) {
		row(name, value);
	}
	for (const name of names.filter(
		each => !['cpu', 'memory', 'ephemeral-storage', 'pods'].includes(each) && !each.startsWith('hugepages-'),
	)) {
		w.write(1, `${name}\t${formatQuantity(quantityOf(totals.requests, name))}\t${formatQuantity(quantityOf(totals.limits, name))}\n`);
	}
}

/** A pod's effective requests and limits (kubectl's PodRequestsAndLimits: sidecars add, init containers take the max). */
export function podRequestsAndLimits(pod: DescribedPod): {requests: Totals; limits: Totals} {
	const spec = pod.spec ?? {};
	const total = (pick: (container: DescribedContainer) => ResourceList | undefined, overheadOnlyNonZero: boolean): Totals => {
		const result: Totals = new Map();
		for (const container of spec.containers ?? []) {
			add(result, pick(container));
		}
		const sidecars: Totals = new Map();
		const initMax: Totals = new Map();
		for (const container of spec.initContainers ?? []) {
			let effective: Totals;
			if (container.restartPolicy === 'Always') {
				add(result, pick(container));
				add(sidecars, pick(container));
				effective = sidecars;
			} else {
				effective = new Map();
				add(effective, pick(container));
				for (const [name, quantity] of sidecars) {
					effective.set(name, effective.has(name) ? addQuantities(effective.get(name)!, quantity) : quantity);
				}
			}

			takeMax(initMax, effective);
		}

		takeMax(result, initMax);
		for (const [name, value] of Object.entries(spec.overhead ?? {})) {
			const quantity = parseQuantity(value);
			if (!quantity) {
				continue;
			}
			const existing = result.get(name);
			if (overheadOnlyNonZero) {
				if (existing && existing.mantissa !== 0n) {
					result.set(name, addQuantities(existing, quantity));
				}
			} else {
				result.set(name, existing ? addQuantities(existing, quantity) : quantity);
			}
		}

		return result;
	};

	return {
		requests: total(container => container.resources?.requests, false),
		limits: total(container => container.resources?.limits, true),
	};
}

function add(into: Totals, list: ResourceList | undefined): void {
	for (const [name, value] of Object.entries(list ?? {})) {
		const quantity = parseQuantity(value);
		if (quantity) {
			into.set(name, into.has(name) ? addQuantities(into.get(name)!, quantity) : quantity);
		}
	}
}

function takeMax(into: Totals, from: Totals): void {
	for (const [name, quantity] of from) {
		const existing = into.get(name);
		if (!existing || compareQuantities(quantity, existing) > 0) {
			into.set(name, quantity);
		}
	}
}
