import type {KubeObject} from '../k8s/types.js';
import type {Store} from './store.js';
import {managedAfterUpdate} from './managed-fields.js';
import {microTime, newUid, orderMeta, rfc3339} from './meta.js';

/** What one event says about an object. */
export interface EventRecord {
	type: 'Normal' | 'Warning';
	reason: string;
	message: string;
	/** `spec.containers{name}` for container events. */
	fieldPath?: string;
}

/** Who reports: kubelet-style (core/v1 recorder) or scheduler-style (events.k8s.io recorder). */
export interface Reporter {
	component: string;
	/** The node for kubelet events; absent for control-plane components. */
	host?: string;
	instance: string;
	/** events.k8s.io reporters fill eventTime and action instead of first/lastTimestamp and count. */
	style: 'core' | 'events.k8s.io';
	action?: string;
}

// The recorder folds repeats of the same event (same object, reason, message, source) into
// one Event with a growing count, as client-go's event correlator does.
const aggregationWindowMs = 10 * 60 * 1000;

/** Writes real Event objects (names `<object>.<hex>`) into the store, as components' recorders do. */
export class EventRecorder {
	private sequence = 0;
	private readonly recent = new Map<string, {namespace: string; name: string; at: number}>();

	constructor(
		private readonly store: Store,
		private readonly now: () => number,
	) {}

	record(object: KubeObject, reporter: Reporter, event: EventRecord): void {
		const now = this.now();
		const namespace = object.metadata.namespace ?? 'default';
		const key = [object.metadata.uid, event.fieldPath, event.reason, event.message, reporter.component].join('\u0000');
		const previous = this.recent.get(key);
		if (previous && now - previous.at < aggregationWindowMs && reporter.style === 'core') {
			const existing = this.store.get('events', previous.namespace, previous.name);
			if (existing) {
				const updated = {
					...existing.object,
					count: ((existing.object['count'] as number | undefined) ?? 1) + 1,
					lastTimestamp: rfc3339(now),
				};
				this.store.update('events', updated);
				previous.at = now;
				return;
			}
		}

		// Event names are the object's name and the recording time in nanoseconds, in hex.
		const nanos = BigInt(Math.floor(now)) * 1_000_000n + BigInt(this.sequence++ % 1_000_000);
		const name = `${object.metadata.name}.${nanos.toString(16)}`;
		const involvedObject = {
			kind: object.kind,
			namespace: object.metadata.namespace,
			name: object.metadata.name,
			uid: object.metadata.uid,
			apiVersion: object.apiVersion,
			resourceVersion: object.metadata.resourceVersion,
			...(event.fieldPath ? {fieldPath: event.fieldPath} : {}),
		};
		const timing =
			reporter.style === 'core'
				? {
						source: {component: reporter.component, ...(reporter.host ? {host: reporter.host} : {})},
						firstTimestamp: rfc3339(now),
						lastTimestamp: rfc3339(now),
						count: 1,
						type: event.type,
						eventTime: null,
					}
				: {
						source: {},
						firstTimestamp: null,
						lastTimestamp: null,
						type: event.type,
						eventTime: microTime(now),
						action: reporter.action,
					};
		const body = {
			kind: 'Event',
			apiVersion: 'v1',
			metadata: {name, namespace},
			involvedObject,
			reason: event.reason,
			message: event.message,
			...timing,
			reportingComponent: reporter.component,
			reportingInstance: reporter.instance,
		};
		const manager = reporter.component === 'kubelet' ? 'kubelet' : reporter.component;
		const managedFields = managedAfterUpdate(
			undefined,
			undefined,
			body,
			{
				manager,
				apiVersion: reporter.style === 'core' ? 'v1' : 'events.k8s.io/v1',
				time: rfc3339(now),
			},
			'main',
		);
		this.store.create('events', {
			...body,
			metadata: orderMeta({name, namespace, uid: newUid(), creationTimestamp: rfc3339(now), managedFields}),
		});
		this.recent.set(key, {namespace, name, at: now});
		if (this.recent.size > 5000) {
			this.recent.clear();
		}
	}
}
