import {timestampMs} from '../format/duration.js';
import type {Event} from '../k8s/types.js';
import {goSort} from './go-sort.js';
import {since, type DescribeWriter} from './writer.js';

/**
 * describe's `Events:` table (DescribeEvents): by last timestamp, oldest first; Age from the
 * first time seen, with `(xN over M)` for repeated events. `events` undefined prints nothing
 * (kubectl --show-events=false), empty prints `Events: <none>`.
 */
export function writeEvents(w: DescribeWriter, events: readonly Event[] | undefined, now: number): void {
	if (!events) {
		return;
	}
	if (events.length === 0) {
		w.write(0, 'Events:\t<none>\n');
		return;
	}

	// kubectl sorts by lastTimestamp alone (unset first) with Go's unstable sort: ties come out in its order.
	const last = (event: Event) => timestampMs(event.lastTimestamp) ?? -Infinity;
	const sorted = goSort(events, (a, b) => last(a) < last(b));
	w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
	w.write(1, '----\t------\t----\t----\t-------\n');
	for (const event of sorted) {
		const first = event.eventTime ? since(event.eventTime, now) : since(event.firstTimestamp, now);
		let interval = first;
		if (event.series) {
			interval = `${since(event.series.lastObservedTime, now)} (x${event.series.count ?? 0} over ${first})`;
		} else if ((event.count ?? 0) > 1) {
			interval = `${since(event.lastTimestamp, now)} (x${event.count} over ${first})`;
		}
		const source = event.source?.component || event.reportingComponent || '';
		w.write(1, `${event.type ?? ''}\t${event.reason ?? ''}\t${interval}\t${source}\t${(event.message ?? '').trim()}\n`);
	}
}
