/**
 * `kubectl get nodes` / `-o wide` cells: a port of printers.go `printNode`, `findNodeRoles`,
 * `getNodeInternalIP` and `getNodeExternalIP`.
 */

import type {Node} from '../k8s/types.js';
import type {Health} from './columns.js';
import {ageColumn, cellsOf, nameColumn, rowColumn, stringColumn, type Column, type RowColumn} from './columns.js';
import {ageChangesAt, ageSince, timestampMs} from './duration.js';

const labelNodeRolePrefix = 'node-role.kubernetes.io/';
const nodeLabelRole = 'kubernetes.io/role';

const addressesDescription =
	"List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).";

/** NAME STATUS ROLES AGE VERSION, and INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME for -o wide. */
export const nodeColumns: Column[] = [
	nameColumn,
	stringColumn('Status', 'The status of the node'),
	stringColumn('Roles', 'The roles of the node'),
	ageColumn,
	stringColumn('Version', 'Kubelet Version reported by the node.'),
	stringColumn('Internal-IP', addressesDescription, 1),
	stringColumn('External-IP', addressesDescription, 1),
	stringColumn('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', 1),
	stringColumn('Kernel-Version', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
	stringColumn(
		'Container-Runtime',
		'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
		1,
	),
];

/**
 * The STATUS cell: only the Ready condition counts (`Ready`, else `NotReady`, `Unknown` without
 * one), then `SchedulingDisabled` when cordoned, joined by ','.
 * @example nodeStatus(cordonedNode) // 'Ready,SchedulingDisabled'
 */
export function nodeStatus(node: Node): string {
	// printNode keys conditions by type, so a later duplicate wins.
	const ready = node.status?.conditions?.findLast(condition => condition.type === 'Ready');
	const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
	if (node.spec?.unschedulable) {
		status.push('SchedulingDisabled');
	}
	return status.join(',');
}

/** The ROLES cell: `node-role.kubernetes.io/<role>` and `kubernetes.io/role=<role>` labels, sorted, or '<none>'. */
export function nodeRoles(node: Node): string {
	const roles = new Set<string>();
	for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
		if (key.startsWith(labelNodeRolePrefix)) {
			const role = key.slice(labelNodeRolePrefix.length);
			if (role) {
				roles.add(role);
			}
		} else if (key === nodeLabelRole && value) {
			roles.add(value);
		}
	}
	return roles.size > 0 ? [...roles].sort().join(',') : '<none>';
}

/** The first address of a type, or '<none>'. */
function nodeAddress(node: Node, type: string): string {
	return node.status?.addresses?.find(address => address.type === type)?.address ?? '<none>';
}

/** Everything a nodes row needs, computed once per object change. */
export interface NodeRow {
	/** The node's name: nodes are cluster-scoped. */
	key: string;
	/** Always '': the shared row table puts a NAMESPACE column first only for namespaced kinds under -A. */
	namespace: '';
	name: string;
	status: string;
	roles: string;
	/** Epoch ms; undefined renders AGE as '<unknown>'. */
	createdAt: number | undefined;
	version: string;
	internalIP: string;
	externalIP: string;
	osImage: string;
	kernelVersion: string;
	containerRuntime: string;
	labels: Record<string, string>;
	/** The whole object: nodes are few, and their detail and NodePort URLs read it. */
	object: Node;
}

/** Computes a node's row once per object change (printNode without the clock). */
export function nodeRow(node: Node): NodeRow {
	const info = node.status?.nodeInfo;
	const name = node.metadata.name ?? '';
	return {
		key: name,
		namespace: '',
		name,
		status: nodeStatus(node),
		roles: nodeRoles(node),
		createdAt: timestampMs(node.metadata.creationTimestamp),
		version: info?.kubeletVersion ?? '',
		internalIP: nodeAddress(node, 'InternalIP'),
		externalIP: nodeAddress(node, 'ExternalIP'),
		osImage: info?.osImage || '<unknown>',
		kernelVersion: info?.kernelVersion || '<unknown>',
		containerRuntime: info?.containerRuntimeVersion || '<unknown>',
		labels: {...node.metadata.labels},
		object: node,
	};
}

/** STATUS colour: Ready is fine, NotReady failed, no Ready condition (Unknown) or cordoned a warning. */
function nodeHealth(row: NodeRow): Health {
	if (row.status.startsWith('NotReady')) {
		return 'failed';
	}
	return row.status === 'Ready' ? 'ok' : 'warning';
}

const [name, status, roles, age, version, internalIP, externalIP, osImage, kernelVersion, containerRuntime] = nodeColumns as [
	Column,
	Column,
	Column,
	Column,
	Column,
	Column,
	Column,
	Column,
	Column,
	Column,
];

/** The nodes pane's columns (-o wide's ten); on a narrow terminal KERNEL-VERSION leaves first, then CONTAINER-RUNTIME, OS-IMAGE, EXTERNAL-IP, ROLES, INTERNAL-IP. */
export const nodeRowColumns: Array<RowColumn<NodeRow>> = [
	rowColumn(name, row => row.name, {shrink: true}),
	rowColumn(status, row => row.status, {colour: nodeHealth}),
	rowColumn(roles, row => row.roles, {dropRank: 5}),
	rowColumn(age, (row, now) => ageSince(row.createdAt, now), {ticks: (row, now) => ageChangesAt(row.createdAt, now)}),
	rowColumn(version, row => row.version),
	rowColumn(internalIP, row => row.internalIP, {dropRank: 6}),
	rowColumn(externalIP, row => row.externalIP, {dropRank: 4}),
	rowColumn(osImage, row => row.osImage, {dropRank: 3, shrink: true}),
	rowColumn(kernelVersion, row => row.kernelVersion, {dropRank: 1}),
	rowColumn(containerRuntime, row => row.containerRuntime, {dropRank: 2}),
];

/** All ten cells of a nodes row in column order at `now`. */
export function nodeCells(node: Node, now: number): string[] {
	return cellsOf(nodeRowColumns, nodeRow(node), now);
}
