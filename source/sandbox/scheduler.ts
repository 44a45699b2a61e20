import type {KubeObject, Pod, PodCondition} from '../k8s/types.js';
import type {Store} from './store.js';
import type {EventRecorder} from './events.js';
import {managedAfterUpdate} from './managed-fields.js';
import {orderKeys, orderMeta, rfc3339} from './meta.js';
import {orderPodSpec} from './defaults.js';
import {podStatusFields} from './struct-fields.js';

/** The node every pod lands on, and its labels (what nodeSelectors are matched against). */
export const nodeName = 'minikube';

const reporter = {component: 'default-scheduler', instance: 'default-scheduler-minikube', style: 'events.k8s.io', action: 'Binding'} as const;

/**
 * The simulated kube-scheduler: a pending pod of `default-scheduler` without a node is bound
 * to `minikube` after `scheduleMs` (PodScheduled condition, `Scheduled` event); a pod whose
 * nodeSelector the node does not satisfy gets `Unschedulable` and a `FailedScheduling` event.
 */
export class Scheduler {
	private readonly pending = new Map<string, NodeJS.Timeout>();
	private readonly unsubscribe: () => void;

	constructor(
		private readonly store: Store,
		private readonly events: EventRecorder,
		private readonly now: () => number,
		private readonly scheduleMs: number,
		private readonly nodeLabels: () => Record<string, string>,
	) {
		this.unsubscribe = store.subscribe(change => {
			if (change.resource !== 'pods') {
				return;
			}

			const pod = change.entry.object as unknown as Pod;
			const key = change.entry.key;
			if (change.type === 'DELETED' || !this.wants(pod)) {
				this.cancel(key);
				return;
			}

			if (!this.pending.has(key)) {
				this.pending.set(key, setTimeout(() => this.schedule(pod.metadata.namespace!, pod.metadata.name!), this.scheduleMs));
			}
		});
	}

	stop(): void {
		this.unsubscribe();
		for (const timer of this.pending.values()) {
			clearTimeout(timer);
		}

		this.pending.clear();
	}

	private wants(pod: Pod): boolean {
		const spec = pod.spec as (Pod['spec'] & {schedulerName?: string; schedulingGates?: unknown[]}) | undefined;
		const unschedulable = pod.status?.conditions?.some(condition => condition.type === 'PodScheduled' && condition.reason === 'Unschedulable');
		return Boolean(spec)
			&& !spec!.nodeName
			&& (spec!.schedulerName ?? 'default-scheduler') === 'default-scheduler'
			&& (spec!.schedulingGates ?? []).length === 0
			&& !pod.metadata.deletionTimestamp
			&& !unschedulable;
	}

	private cancel(key: string): void {
		const timer = this.pending.get(key);
		if (timer) {
			clearTimeout(timer);
			this.pending.delete(key);
		}
	}

	private schedule(namespace: string, name: string): void {
		this.pending.delete(`${namespace}/${name}`);
		const entry = this.store.get('pods', namespace, name);
		if (!entry || !this.wants(entry.object as unknown as Pod)) {
			return;
		}

		const pod = entry.object;
		const spec = pod['spec'] as {nodeSelector?: Record<string, string>};
		const labels = this.nodeLabels();
		const fits = Object.entries(spec.nodeSelector ?? {}).every(([key, value]) => labels[key] === value);
		const time = rfc3339(this.now());
		if (!fits) {
			const message = '0/1 nodes are available: 1 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.';
			this.writeStatus(pod, {type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: time, reason: 'Unschedulable', message});
			this.events.record(pod, {...reporter, action: 'Scheduling'}, {type: 'Warning', reason: 'FailedScheduling', message});
			return;
		}

		const bound = this.store.update('pods', bindPod(pod, nodeName, time)).object;
		this.events.record(bound, reporter, {type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${namespace}/${name} to ${nodeName}`});
	}

	// An unschedulable pod's condition is a status update of kube-scheduler's own, so it owns it.
	private writeStatus(pod: KubeObject, condition: PodCondition): void {
		const next = withScheduledCondition(pod, condition);
		const managedFields = managedAfterUpdate(pod.metadata.managedFields, pod, next, {
			manager: 'kube-scheduler',
			apiVersion: 'v1',
			time: rfc3339(this.now()),
			subresource: 'status',
		}, 'status');
		this.store.update('pods', {...next, metadata: orderMeta({...pod.metadata, managedFields})});
	}
}

/**
 * A pod after its `pods/binding` to `node`: spec.nodeName set and PodScheduled True. The
 * binding subresource writes storage directly, so, as on a real server, nobody's
 * managedFields entry claims either field.
 */
export function bindPod(pod: KubeObject, node: string, time: string): KubeObject {
	const bound = withScheduledCondition(pod, {type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: time});
	return {...bound, spec: orderPodSpec({...(pod['spec'] as Record<string, unknown>), nodeName: node})};
}

function withScheduledCondition(pod: KubeObject, condition: PodCondition): KubeObject {
	const status = {...(pod['status'] as Record<string, unknown>)};
	const conditions = ((status['conditions'] as PodCondition[] | undefined) ?? []).filter(existing => existing.type !== 'PodScheduled');
	status['conditions'] = [...conditions, orderKeys(condition, ['type', 'status', 'lastProbeTime', 'lastTransitionTime', 'reason', 'message'])];
	return {...pod, status: orderKeys(status, podStatusFields)};
}
