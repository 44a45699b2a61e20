// The events pane's order against the machine's kubectl (v1.32) on the sandbox, where many
// events tie on lastTimestamp: kubectl sorts with Go's unstable sort, so past 12 events the
// order of a tie is the algorithm's. kpods reads the events through its own store (list +
// watch, as the pane does) and must list them in kubectl's order, NAME column for NAME column.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, before, describe, test, type TestContext} from 'node:test';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {sortEvents} from '../../source/derive/event-view.js';
import type {Event} from '../../source/k8s/types.js';
import type {Sandbox} from '../../source/sandbox/index.js';
import {Kubectl, kubectlInstalled, skipWithoutKubectl} from '../kubectl.js';
import {fastSandbox, waitFor} from '../sandbox/helpers.js';

const lab = JSON.parse(readFileSync(new URL('../fixtures/event-lists/lab-tied.json', import.meta.url), 'utf8')) as {items: Event[]};

/** `count` events named in a random order, their lastTimestamp one of three seconds or none. */
function tiedEvents(namespace: string, count: number, seed: number): Event[] {
	let state = seed;
	const next = () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state;
	};
	const times = [null, '2026-11-30T14:40:00Z', '2026-11-30T14:41:00Z', '2026-11-30T14:41:00Z', '2026-11-30T14:42:00Z'];
	return Array.from({length: count}, (_, index) => ({
		apiVersion: 'v1',
		kind: 'Event',
		metadata: {name: `ev-${String(next() % 1_000_000).padStart(6, '0')}-${index}`, namespace},
		involvedObject: {kind: 'Pod', name: `pod-${index}`, namespace},
		reason: 'Tied',
		message: `event ${index}`,
		type: 'Normal',
		source: {component: 'kpods-test'},
		firstTimestamp: '2026-11-30T14:39:00Z',
		lastTimestamp: times[next() % times.length]!,
		count: 1,
	})) as Event[];
}

describe("the events pane's order against kubectl get events --sort-by=.lastTimestamp on the sandbox", () => {
	let sandbox: Sandbox;
	let kubectl: Kubectl;

	before(async () => {
		if (!kubectlInstalled) {
			return;
		}
		sandbox = await fastSandbox();
		kubectl = new Kubectl(sandbox.kubeconfig());
	});
	after(async () => {
		kubectl?.remove();
		await sandbox?.close();
	});

	const sets: Array<[string, (namespace: string) => Event[]]> = [
		[
			'the lab list (28 events, ties of up to 10, four without a time)',
			namespace => lab.items.map(item => ({...item, metadata: {...item.metadata, namespace}})),
		],
		['40 events, seed 1', namespace => tiedEvents(namespace, 40, 1)],
		['40 events, seed 2', namespace => tiedEvents(namespace, 40, 2)],
		['100 events, seed 3', namespace => tiedEvents(namespace, 100, 3)],
		['300 events, seed 4', namespace => tiedEvents(namespace, 300, 4)],
	];
	for (const [index, [name, events]] of sets.entries()) {
		test(name, async (t: TestContext) => {
			if (skipWithoutKubectl(t)) {
				return;
			}
			const namespace = `ties-${index}`;
			sandbox.objects.create('namespaces', {apiVersion: 'v1', kind: 'Namespace', metadata: {name: namespace}});
			for (const event of events(namespace)) {
				sandbox.objects.create('events', event as never);
			}
			const printed = await kubectl.output(
				'get',
				'events',
				'-n',
				namespace,
				'--sort-by=.lastTimestamp',
				'-o',
				'custom-columns=NAME:.metadata.name',
				'--no-headers',
			);
			const theirs = printed.trim().split('\n');

			const selected = connectionFromText(sandbox.kubeconfig(), {sandbox: true});
			const cluster = new KubeCluster((selected as {connection: Connection}).connection, {namespace, tuning: {coalesceMs: 5}});
			try {
				const store = cluster.allEvents;
				await waitFor(() => store.getSnapshot().synced && store.getSnapshot().items.length === theirs.length, 'the events listed', 20_000);
				assert.deepEqual(
					sortEvents(store.getSnapshot().items).map(event => event.metadata.name),
					theirs,
				);
			} finally {
				cluster.close();
			}
		});
	}
});
