// The events pane's order is kubectl's `get events --sort-by=.lastTimestamp`, ties included:
// kubectl sorts the server's list (by name) with Go's unstable sort.Sort. Table-driven, from a
// list recorded on the lab with kubectl 1.32's order beside it, and small lists whose order
// kubectl's insertion sort (12 events or fewer) keeps.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, test} from 'node:test';
import {sortEvents} from '../../source/derive/event-view.js';
import type {Event} from '../../source/k8s/types.js';

const lab = JSON.parse(readFileSync(new URL('../fixtures/event-lists/lab-tied.json', import.meta.url), 'utf8')) as {
	kubectl: string[];
	items: Event[];
};

/** A core/v1 event as the server lists it: lastTimestamp is a time or null, never absent. */
function event(name: string, lastTimestamp: string | null, namespace = 'default'): Event {
	return {
		metadata: {name, namespace},
		involvedObject: {kind: 'Pod', name: `pod-of-${name}`, namespace},
		lastTimestamp,
	} as Event;
}

/** Names as kubectl's NAME column shows them; another namespace than the fixture's first is prefixed. */
const names = (events: readonly Event[]) =>
	events.map(item => (item.metadata.namespace === 'kube-system' ? `kube-system/${item.metadata.name}` : item.metadata.name));

/** A fixed shuffle (the order events arrive in over a watch is not the list's). */
function shuffled<T>(items: readonly T[]): T[] {
	const copy = [...items];
	let seed = 7;
	for (let index = copy.length - 1; index > 0; index--) {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		const other = seed % (index + 1);
		[copy[index], copy[other]] = [copy[other]!, copy[index]!];
	}
	return copy;
}

const t1 = '2026-11-30T14:40:00Z';
const t2 = '2026-11-30T14:41:00Z';

const cases: Array<{name: string; events: Event[]; kubectl: string[]}> = [
	{
		name: 'the lab: 28 events, ties of up to 10 and four without a lastTimestamp, as kubectl 1.32 printed them',
		events: lab.items,
		kubectl: lab.kubectl,
	},
	{
		name: 'the same events in the order a watch delivered them',
		events: shuffled(lab.items),
		kubectl: lab.kubectl,
	},
	{
		name: 'twelve or fewer: ties stay in list order (by name), whatever the arrival',
		events: [event('c', t1), event('a', t2), event('d', t1), event('b', t1)],
		kubectl: ['b', 'c', 'd', 'a'],
	},
	{
		name: 'an event without a lastTimestamp (events.k8s.io/v1) comes before every time',
		events: [event('z', t1), event('y', null), event('x', t2), event('w', null)],
		kubectl: ['w', 'y', 'z', 'x'],
	},
	{
		name: 'all namespaces: the list is by namespace, then name',
		events: [event('a', t1, 'kube-system'), event('b', t1, 'default'), event('a', t1, 'default')],
		kubectl: ['a', 'b', 'kube-system/a'],
	},
	{
		name: 'none',
		events: [],
		kubectl: [],
	},
];

describe("the events pane's order: kubectl get events --sort-by=.lastTimestamp", () => {
	for (const {name, events, kubectl} of cases) {
		test(name, () => {
			assert.deepEqual(names(sortEvents(events)), kubectl);
		});
	}

	test('past twelve ties the order is not the list order: a stable sort would differ from kubectl', () => {
		const stable = [...lab.items]
			.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
			.sort((a, b) => ((a.lastTimestamp ?? '') < (b.lastTimestamp ?? '') ? -1 : (a.lastTimestamp ?? '') > (b.lastTimestamp ?? '') ? 1 : 0));
		assert.notDeepEqual(names(stable), lab.kubectl, 'the fixture exercises the unstable order');
	});
});
