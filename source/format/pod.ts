/**
 * `kubectl get pods` / `-o wide` cells: a port of kubernetes `pkg/printers/internalversion/printers.go`
 * `printPod` (v1.35, including the errorReason rule of kubernetes#124766). printPod is split in two
 * so AGE and RESTARTS can tick: podRow computes everything once per object change, podCells
 * renders the row for a given `now`.
 */

import type {ContainerStatus, Pod, PodCondition} from '../k8s/types.js';
import {ageColumn, cellsOf, nameColumn, rowColumn, stringColumn, type Health, type RowColumn} from './columns.js';
import {ageChangesAt, ageSince, humanDuration, timestampMs} from './duration.js';
import {safeLine} from './safe-text.js';

/** How kpods colours a pod; see podHealth for the rule. */
export type PodHealth = Health;

/** Everything a pods row needs, computed once per object change; the whole Pod is not kept. */
export interface PodRow {
	/** `${namespace}/${name}` */
	key: string;
	namespace: string;
	name: string;
	uid: string;
	resourceVersion: string;
	/** READY cell, e.g. '1/1'. */
	ready: string;
	/** STATUS cell. */
	status: string;
	/** Total restarts as printPod counts them. */
	restarts: number;
	/** Epoch ms of the latest lastState.terminated.finishedAt counted, 0 = none. */
	lastRestartAt: number;
	/** Epoch ms; undefined renders AGE as '<unknown>'. */
	createdAt: number | undefined;
	/** IP cell: status.podIPs[0].ip or '<none>'. */
	ip: string;
	/** NODE cell: spec.nodeName or '<none>'. */
	node: string;
	/** NOMINATED NODE cell: status.nominatedNodeName or '<none>'. */
	nominatedNode: string;
	/** READINESS GATES cell: 'true/total' or '<none>'. */
	readinessGates: string;
	/** status.phase, '' when absent. */
	phase: string;
	/** metadata.deletionTimestamp is set. */
	deleting: boolean;
	health: PodHealth;
	labels: Record<string, string>;
	containerPorts: Array<{container: string; name?: string; port: number; protocol: string}>;
}

/**
 * The nine pod columns as a current server declares them (RESTARTS is a string since 1.22), with
 * their cells and how the pods pane lays them out: narrow terminals lose the wide columns first,
 * right to left, then RESTARTS and AGE; STATUS is coloured by the pod's health.
 */
export const podColumns: Array<RowColumn<PodRow>> = [
	rowColumn(nameColumn, row => row.name, {shrink: true}),
	rowColumn(stringColumn('Ready', 'The aggregate readiness state of this pod for accepting traffic.'), row => row.ready, {dropRank: 8}),
	rowColumn(stringColumn('Status', 'The aggregate status of the containers in this pod.'), row => row.status, {colour: row => row.health}),
	rowColumn(
		stringColumn(
			'Restarts',
			'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
		),
		(row, now) => restartsCell(row.restarts, row.lastRestartAt, now),
		{
			dropRank: 6,
			ticks: (row, now) =>
				row.restarts === 0 || row.lastRestartAt === 0 ? Number.POSITIVE_INFINITY : ageChangesAt(row.lastRestartAt, now),
		},
	),
	rowColumn(ageColumn, (row, now) => ageSince(row.createdAt, now), {dropRank: 7, ticks: (row, now) => ageChangesAt(row.createdAt, now)}),
	rowColumn(
		stringColumn('IP', 'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', 1),
		row => row.ip,
		{dropRank: 5},
	),
	rowColumn(
		stringColumn(
			'Node',
			'NodeName is a request to schedule this pod onto a specific node. If it is non-empty, the scheduler simply schedules this pod onto that node, assuming that it fits resource requirements.',
			1,
		),
		row => row.node,
		{dropRank: 4},
	),
	rowColumn(
		stringColumn(
			'Nominated Node',
			'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.',
			1,
		),
		row => row.nominatedNode,
		{dropRank: 2},
	),
	rowColumn(
		stringColumn(
			'Readiness Gates',
			'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/0007-pod-ready%2B%2B.md',
			1,
		),
		row => row.readinessGates,
		{dropRank: 1},
	),
];

/** The condition of a type is True (the first one of that type decides, as in printPod's helpers). */
function conditionTrue(conditions: PodCondition[] | undefined, type: string): boolean {
	const condition = conditions?.find(c => c.type === type);
	return condition?.status === 'True';
}

/** `hasPodReadyCondition`: any Ready condition that is True. */
function hasPodReadyCondition(conditions: PodCondition[] | undefined): boolean {
	return conditions?.some(c => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** `isPodInitializedConditionTrue`: any Initialized condition that is True. */
function initializedTrue(conditions: PodCondition[] | undefined): boolean {
	return conditions?.some(c => c.type === 'Initialized' && c.status === 'True') ?? false;
}

/** Epoch ms of the container's last termination, 0 when there is none (Go's zero time). */
function lastTerminatedAt(status: ContainerStatus): number {
	const terminated = status.lastState?.terminated;
	return terminated ? (timestampMs(terminated.finishedAt) ?? 0) : 0;
}

/** The STATUS, READY counts and restarts of printPod, before any clock is involved. */
function podSummary(pod: Pod): {status: string; readyCount: number; total: number; restarts: number; lastRestartAt: number} {
	const spec = pod.spec;
	const status = pod.status ?? {};
	const conditions = status.conditions;
	const phase = status.phase ?? '';
	// JSON omits empty strings, so truthiness stands in for Go's `!= ""` everywhere below.
	let reason = status.reason || phase;
	if (conditions?.some(c => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
		reason = 'SchedulingGated';
	}

	const initContainers = spec?.initContainers ?? [];
	// Native sidecars (init containers with restartPolicy Always) count in READY's denominator.
	const sidecars = new Set(initContainers.filter(c => c.restartPolicy === 'Always').map(c => c.name));
	const total = (spec?.containers?.length ?? 0) + sidecars.size;
	let readyCount = 0;
	let restarts = 0;
	let lastRestartAt = 0;
	let sidecarRestarts = 0;
	let lastSidecarRestartAt = 0;

	let initializing = false;
	const initStatuses = status.initContainerStatuses ?? [];
	for (const [index, container] of initStatuses.entries()) {
		restarts += container.restartCount ?? 0;
		lastRestartAt = Math.max(lastRestartAt, lastTerminatedAt(container));
		const sidecar = sidecars.has(container.name);
		if (sidecar) {
			sidecarRestarts += container.restartCount ?? 0;
			lastSidecarRestartAt = Math.max(lastSidecarRestartAt, lastTerminatedAt(container));
		}
		const terminated = container.state?.terminated;
		const waiting = container.state?.waiting;
		if (terminated && terminated.exitCode === 0) {
			continue;
		}
		if (sidecar && container.started === true) {
			if (container.ready) {
				readyCount++;
			}
			continue;
		}
		if (terminated) {
			// Initialization failed.
			if (terminated.reason) {
				reason = `Init:${terminated.reason}`;
			} else {
				reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
			}
		} else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
			reason = `Init:${waiting.reason}`;
		} else {
			reason = `Init:${index}/${initContainers.length}`;
		}
		initializing = true;
		break; // only the first unfinished init container matters
	}

	if (!initializing || initializedTrue(conditions)) {
		// Counted afresh: regular containers plus sidecars, which keep restarting after init.
		restarts = sidecarRestarts;
		lastRestartAt = lastSidecarRestartAt;
		let hasRunning = false;
		let errorReason = '';
		const statuses = status.containerStatuses ?? [];
		// Walked backwards so that the first container's reason is the one that stays.
		for (let index = statuses.length - 1; index >= 0; index--) {
			const container = statuses[index]!;
			restarts += container.restartCount ?? 0;
			lastRestartAt = Math.max(lastRestartAt, lastTerminatedAt(container));
			const waiting = container.state?.waiting;
			const terminated = container.state?.terminated;
			if (waiting?.reason) {
				reason = waiting.reason;
			} else if (terminated) {
				if (terminated.reason) {
					reason = terminated.reason;
				} else {
					reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
				}
				if (terminated.exitCode !== 0) {
					errorReason = reason;
				}
			} else if (container.ready && container.state?.running) {
				hasRunning = true;
				readyCount++;
			}
		}
		// A Completed container next to a running one: report the pod, not the finished container.
		if (reason === 'Completed') {
			if (hasRunning && hasPodReadyCondition(conditions)) {
				reason = 'Running';
			} else if (errorReason) {
				reason = errorReason;
			} else if (hasRunning) {
				reason = 'NotReady';
			}
		}
	}

	if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') {
		reason = 'Unknown';
	} else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
		reason = 'Terminating';
	}

	return {status: reason, readyCount, total, restarts, lastRestartAt};
}

/** READINESS GATES: how many gates have a True condition (the first condition of that type decides). */
function readinessGatesCell(pod: Pod): string {
	const gates = pod.spec?.readinessGates ?? [];
	if (gates.length === 0) {
		return '<none>';
	}
	const trueGates = gates.filter(gate => conditionTrue(pod.status?.conditions, gate.conditionType)).length;
	return `${trueGates}/${gates.length}`;
}

/** Computes a pod's row once per object change (printPod without the clock). */
export function podRow(pod: Pod): PodRow {
	const metadata = pod.metadata;
	const namespace = metadata.namespace ?? '';
	const name = metadata.name ?? '';
	const summary = podSummary(pod);
	return {
		key: `${namespace}/${name}`,
		namespace,
		name,
		uid: metadata.uid ?? '',
		resourceVersion: metadata.resourceVersion ?? '',
		ready: `${summary.readyCount}/${summary.total}`,
		// Cells from free-form fields are made safe here too, so widths are measured on what is shown.
		status: safeLine(summary.status),
		restarts: summary.restarts,
		lastRestartAt: summary.lastRestartAt,
		createdAt: timestampMs(metadata.creationTimestamp),
		ip: safeLine(pod.status?.podIPs?.[0]?.ip || '<none>'),
		node: safeLine(pod.spec?.nodeName || '<none>'),
		nominatedNode: safeLine(pod.status?.nominatedNodeName || '<none>'),
		readinessGates: safeLine(readinessGatesCell(pod)),
		phase: pod.status?.phase ?? '',
		deleting: Boolean(metadata.deletionTimestamp),
		health: podHealth(summary.status, summary.readyCount, summary.total),
		labels: {...metadata.labels},
		containerPorts: (pod.spec?.containers ?? []).flatMap(container =>
			(container.ports ?? []).map(port => ({
				container: container.name,
				...(port.name === undefined ? {} : {name: port.name}),
				port: port.containerPort,
				protocol: port.protocol ?? 'TCP',
			})),
		),
	};
}

/**
 * The RESTARTS cell: the count, and when the last counted container terminated.
 * @example restartsCell(4, Date.parse('2026-11-24T11:58:58Z'), Date.parse('2026-11-24T12:00:00Z')) // '4 (62s ago)'
 */
export function restartsCell(restarts: number, lastRestartAt: number, now: number): string {
	if (restarts === 0 || lastRestartAt === 0) {
		return String(restarts);
	}
	return `${restarts} (${humanDuration(now - lastRestartAt)} ago)`;
}

/**
 * All nine cells of a pods row in column order at `now` (epoch ms).
 * @example podCells(podRow(pod), now) // ['crashy', '0/1', 'CrashLoopBackOff', '4 (62s ago)', '5m', '10.244.0.13', 'minikube', '<none>', '<none>']
 */
export function podCells(row: PodRow, now: number): string[] {
	return cellsOf(podColumns, row, now);
}

const progressing = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'SchedulingGated']);
const completed = new Set(['Completed', 'Succeeded']);
const failed = new Set([
	'Failed',
	'Error',
	'OOMKilled',
	'Evicted',
	'Unknown',
	'ContainerStatusUnknown',
	'DeadlineExceeded',
	'StartError',
	'ContainerCannotRun',
	'UnexpectedAdmissionError',
	'NodeAffinity',
	'OutOfcpu',
	'OutOfmemory',
]);

/**
 * How kpods colours a STATUS. The rule, first match wins:
 * - `Terminating` → terminating;
 * - `Completed`, `Succeeded` → completed;
 * - `Running` → ok when every container counted in READY is ready, else progressing (probes pending);
 * - `Pending`, `ContainerCreating`, `PodInitializing`, `SchedulingGated`, `Init:N/M` (also with an
 *   `Init:` prefix) → progressing;
 * - a final failure → failed: `Failed`, `Error`, `OOMKilled`, `Evicted`, `Unknown` (node lost),
 *   `ContainerStatusUnknown`, `ExitCode:N`, `Signal:N`, `Init:` + a terminated reason
 *   (`Init:Error`, `Init:OOMKilled`, `Init:ExitCode:N`, `Init:Signal:N`) and the other admission
 *   and termination reasons listed in `failed` above;
 * - anything else → warning: the kubelet is retrying or the pod needs a look — `CrashLoopBackOff`,
 *   `ImagePullBackOff`, `ErrImagePull`, `CreateContainerConfigError`, `InvalidImageName`,
 *   `NotReady`, `Init:CrashLoopBackOff`, `Init:ImagePullBackOff` and unknown reasons.
 */
export function podHealth(status: string, readyCount: number, total: number): PodHealth {
	if (status === 'Terminating') {
		return 'terminating';
	}
	if (completed.has(status)) {
		return 'completed';
	}
	if (status === 'Running') {
		return readyCount >= total ? 'ok' : 'progressing';
	}
	if (/^Init:\d+\/\d+$/.test(status)) {
		return 'progressing';
	}
	const bare = status.startsWith('Init:') ? status.slice('Init:'.length) : status;
	if (progressing.has(bare)) {
		return 'progressing';
	}
	if (failed.has(bare) || /^(ExitCode|Signal):-?\d+$/.test(bare)) {
		return 'failed';
	}
	return 'warning';
}
