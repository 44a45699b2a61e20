import type {KubeObject} from '../k8s/types.js';

/**
 * A core v1 Event as events.k8s.io/v1 shows it (the API server's conversion): involvedObject
 * becomes regarding, message note, source and the first/last timestamps and count the
 * deprecated* fields, reportingComponent reportingController; in that API's field order.
 */
export function toEventsV1(event: KubeObject): KubeObject {
	const core = event as Record<string, unknown>;
	const fields: Array<[string, unknown]> = [
		['kind', 'Event'],
		['apiVersion', 'events.k8s.io/v1'],
		['metadata', event.metadata],
		['eventTime', core['eventTime'] ?? null],
		['series', core['series']],
		['reportingController', core['reportingComponent'] || undefined],
		['reportingInstance', core['reportingInstance'] || undefined],
		['action', core['action']],
		['reason', core['reason']],
		['regarding', core['involvedObject']],
		['related', core['related']],
		['note', core['message']],
		['type', core['type']],
		['deprecatedSource', isEmpty(core['source']) ? undefined : core['source']],
		['deprecatedFirstTimestamp', core['firstTimestamp'] ?? undefined],
		['deprecatedLastTimestamp', core['lastTimestamp'] ?? undefined],
		['deprecatedCount', core['count'] || undefined],
	];
	return Object.fromEntries(fields.filter(([, value]) => value !== undefined && value !== '')) as KubeObject;
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);
}
