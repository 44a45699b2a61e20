/**
 * `kubectl get nodes` / `-o wide` cells: a port of printers.go `printNode`, `findNodeRoles`,
 * `getNodeInternalIP` and `getNodeExternalIP`.
 */

import type {Node} from '../k8s/types.js';
import {ageColumn, nameColumn, stringColumn, type Column} from './columns.js';
import {translateTimestampSince} from './duration.js';

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

/** All ten cells of a nodes row in column order at `now`. */
export function nodeCells(node: Node, now: number): string[] {
	const info = node.status?.nodeInfo;
	return [
		node.metadata.name ?? '',
		nodeStatus(node),
		nodeRoles(node),
		translateTimestampSince(node.metadata.creationTimestamp, now),
		info?.kubeletVersion ?? '',
		nodeAddress(node, 'InternalIP'),
		nodeAddress(node, 'ExternalIP'),
		info?.osImage || '<unknown>',
		info?.kernelVersion || '<unknown>',
		info?.containerRuntimeVersion || '<unknown>',
	];
}
