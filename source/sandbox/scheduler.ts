import type {KubeObject, Pod, PodCondition} from '../k8s/types.js';
import type {Store} from './store.js';
import type {EventRecorder} from './events.js';
import type {Change, Entry} from './store.js';
import {Controller} from './controller.js';
import type {Registry} from './registry.js';
import {resources} from './resources.js';
import {orderKeys, rfc3339} from './meta.js';
import {orderPodSpec} from './defaults.js';
import {podStatusFields} from './struct-fields.js';

/** The node every pod lands on, and its labels (what nodeSelectors are matched against). */
export const nodeName = 'minikube';

const podsInfo = resources.get('pods')!;

const reporter = {
	component: 'default-scheduler',
	instance: 'default-scheduler-minikube',
	style: 'events.k8s.io',
	action: 'Binding',
} as const;

/**
 * The simulated kube-scheduler: a pending pod of `default-scheduler` without a node is bound
 * to `minikube` after `scheduleMs` (PodScheduled condition, `Scheduled` event); a pod whose
 * nodeSelector the node does not satisfy gets `Unschedulable` and a `FailedScheduling` event.
 */
export class Scheduler extends Controller {
	private readonly pending = new Map<string, NodeJS.Timeout>();

	constructor(
		store: Store,
		private readonly registry: Registry,
		private readonly events: EventRecorder,
		private readonly now: () => number,
		private readonly scheduleMs: number,
		private readonly nodeLabels: () => Record<string, string>,
	) {
		super(store, ['pods']);
	}

	protected changed(change: Change): void {
		const pod = change.entry.object as unknown as Pod;
		const key = change.entry.key;
		if (change.type === 'DELETED' || !this.wants(pod)) {
			this.unpend(key);
			return;
		}

		if (!this.pending.has(key)) {
			this.pending.set(
				key,
				this.after(this.scheduleMs, () => this.schedule(pod.metadata.namespace!, pod.metadata.name!)),
			);
		}
	}

	private wants(pod: Pod): boolean {
		const spec = pod.spec as (Pod['spec'] & {schedulerName?: string; schedulingGates?: unknown[]}) | undefined;
		const unschedulable = pod.status?.conditions?.some(
			condition => condition.type === 'PodScheduled' && condition.reason === 'Unschedulable',
		);
		return (
			Boolean(spec) &&
			!spec!.nodeName &&
			(spec!.schedulerName ?? 'default-scheduler') === 'default-scheduler' &&
			(spec!.schedulingGates ?? []).length === 0 &&
			!pod.metadata.deletionTimestamp &&
			!unschedulable
		);
	}

	private unpend(key: string): void {
		const timer = this.pending.get(key);
		if (timer) {
			this.cancel(timer);
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
			const message =
				"0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.";
			this.writeStatus(entry, {
				type: 'PodScheduled',
				status: 'False',
				lastProbeTime: null,
				lastTransitionTime: time,
				reason: 'Unschedulable',
				message,
			});
			this.events.record(pod, {...reporter, action: 'Scheduling'}, {type: 'Warning', reason: 'FailedScheduling', message});
			return;
		}

		const bound = this.registry.bind(bindPod(pod, nodeName, time)).object;
		this.events.record(bound, reporter, {
			type: 'Normal',
			reason: 'Scheduled',
			message: `Successfully assigned ${namespace}/${name} to ${nodeName}`,
		});
	}

	// An unschedulable pod's condition is a status update of kube-scheduler's own, so it owns it.
	private writeStatus(entry: Entry, condition: PodCondition): void {
		this.registry.updateStatus(podsInfo, entry, withScheduledCondition(entry.object, condition)['status'], 'kube-scheduler');
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
	status['conditions'] = [
		...conditions,
		orderKeys(condition, ['type', 'status', 'lastProbeTime', 'lastTransitionTime', 'reason', 'message']),
	];
	return {...pod, status: orderKeys(status, podStatusFields)};
}
