import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {ListWatchStore} from '../../source/cluster/resource-store.js';
import type {ListWatchSource} from '../../source/cluster/store-tuning.js';
import {nodeRow} from '../../source/format/node.js';
import {sameShown} from '../../source/k8s/same-shown.js';
import type {Node, Pod, WatchEvent} from '../../source/k8s/types.js';
import type {TimeSource} from '../../source/ui/hooks/use-now.js';
import {loadFixtures} from '../fixtures/fixtures.js';
import {FakeCluster, fixturePod} from './fake-cluster.js';
import {keys, renderApp, testNow, waitFor} from './harness.js';

afterEach(() => cleanup());

/** A clock the test moves by hand: timers fire only when it is advanced past them. */
class FakeTime implements TimeSource {
	private timers = new Map<number, {at: number; callback: () => void}>();
	private lastId = 0;
	constructor(private current: number) {}
	now = () => this.current;
	setTimeout = (callback: () => void, ms: number) => {
		this.lastId++;
		this.timers.set(this.lastId, {at: this.current + ms, callback});
		return this.lastId;
	};
	clearTimeout = (handle: unknown) => {
		this.timers.delete(handle as number);
	};
	/** The moments timers are set for, earliest first. */
	pending(): number[] {
		return [...this.timers.values()].map(timer => timer.at).sort((a, b) => a - b);
	}
	advanceTo(moment: number): void {
		for (;;) {
			const due = [...this.timers.entries()].filter(([, timer]) => timer.at <= moment).sort(([, a], [, b]) => a.at - b.at)[0];
			if (!due) {
				break;
			}
			this.timers.delete(due[0]);
			this.current = Math.max(this.current, due[1].at);
			due[1].callback();
		}
		this.current = moment;
	}
}

const second = 1000;
const minute = 60 * second;
// The running fixture was created at 11:46:52Z: at 12:00:00Z its AGE reads 13m until 12:00:52Z.
const created = Date.parse('2026-11-24T11:46:52Z');

function withRestarts(pod: Pod, restarts: number): Pod {
	const status = structuredClone(pod.status!);
	status.containerStatuses![0]!.restartCount = restarts;
	return {...pod, status};
}

describe('frames are drawn only when something visible changes', () => {
	test('an AGE past 10 minutes draws one frame a minute, at the minute, with kubectl’s text', async () => {
		const time = new FakeTime(testNow);
		const cluster = new FakeCluster({}, [fixturePod('running', {name: 'web'})]);
		const app = await renderApp({cluster, now: undefined, time, columns: 120});
		await waitFor(() => /web +1\/1 +Running +0 +13m /.test(app.frame()), 'the row at 13m', 10_000);
		assert.deepEqual(time.pending(), [created + 14 * minute], 'one timer, for the moment 13m turns 14m');

		const drawn = app.frames.length;
		time.advanceTo(created + 14 * minute - 1);
		await new Promise(resolve => setImmediate(resolve));
		assert.equal(app.frames.length, drawn, 'no frame while the text stays 13m');

		time.advanceTo(created + 14 * minute);
		await waitFor(() => /web +1\/1 +Running +0 +14m /.test(app.frame()), 'the row at 14m', 10_000);
		assert.deepEqual(time.pending(), [created + 15 * minute], 'the next tick, a minute on');
		assert.ok(app.frames.length - drawn <= 2, `one tick, ${app.frames.length - drawn} frames`);
	});

	test('a young pod ticks every second; a row change still reaches the screen between ticks', async () => {
		const time = new FakeTime(created + 5 * second + 250);
		const cluster = new FakeCluster({}, [fixturePod('running', {name: 'web'})]);
		const app = await renderApp({cluster, now: undefined, time, columns: 120});
		await waitFor(() => /web +1\/1 +Running +0 +5s /.test(app.frame()), 'the row at 5s', 10_000);
		assert.deepEqual(time.pending(), [created + 6 * second]);

		// Half a second later, the server reports a restart: the frame shows it at once, with the age of that moment.
		time.advanceTo(created + 5 * second + 750);
		cluster.setPods([withRestarts(fixturePod('running', {name: 'web'}), 3)]);
		await waitFor(() => /web +1\/1 +Running +3 +5s /.test(app.frame()), 'the restart, still at 5s', 10_000);

		time.advanceTo(created + 6 * second);
		await waitFor(() => /web +1\/1 +Running +3 +6s /.test(app.frame()), 'the row at 6s', 10_000);
	});

	test('nothing on screen ticks: no timer at all', async () => {
		const time = new FakeTime(testNow);
		const app = await renderApp({cluster: new FakeCluster({namespace: 'demo'}, []), now: undefined, time});
		await waitFor(() => app.frame().includes('No resources found in demo namespace.'), 'the empty pane', 10_000);
		assert.deepEqual(time.pending(), []);
	});
});

/** One node, listed, then whatever watch events the test sends: what a real server's node watch delivers. */
class NodeSource implements ListWatchSource<Node> {
	private emit?: (event: WatchEvent<Node>) => void;
	constructor(private readonly node: Node) {}
	async list(_options: unknown, onItem: (raw: Node) => void) {
		onItem(this.node);
		return {metadata: {resourceVersion: '1'}};
	}
	async watch(_options: unknown, onEvent: (event: WatchEvent<Node>) => void) {
		this.emit = onEvent;
		await new Promise(() => undefined);
	}
	get watching() {
		return this.emit !== undefined;
	}
	send(node: Node) {
		this.emit!({type: 'MODIFIED', object: node});
	}
}

const minikube = loadFixtures<Node>('nodes').find(fixture => fixture.file === 'minikube.json')!.object;

/** The kubelet's status heartbeat: every condition's lastHeartbeatTime moves, and the resourceVersion. */
function heartbeat(node: Node, at: string, resourceVersion: string): Node {
	const next = structuredClone(node);
	next.metadata.resourceVersion = resourceVersion;
	for (const condition of next.status!.conditions!) {
		condition.lastHeartbeatTime = at;
	}
	return next;
}

describe("a watch event that changes nothing a row shows draws no frame (the lab's node heartbeat)", () => {
	test('a heartbeat: no frame on the pods or the nodes pane; a cordon: a frame; the detail follows every heartbeat, the YAML too', async () => {
		const source = new NodeSource(minikube);
		const nodes = new ListWatchStore(source, nodeRow, {coalesceMs: 1, firstPage: 0}, sameShown);
		const cluster = new FakeCluster({}, [fixturePod('running', {name: 'web'})]);
		Object.defineProperty(cluster, 'nodes', {value: nodes});
		const app = await renderApp({cluster, columns: 160, rows: 40});
		await waitFor(() => source.watching && / 5 Nodes 1 /.test(app.frame()), 'the nodes store live, counted in its tab', 10_000);
		const version = () => nodes.getSnapshot().items[0]?.object.metadata.resourceVersion;
		const sendQuietly = async (node: Node) => {
			const drawn = app.frames.length;
			source.send(node);
			await waitFor(() => version() === node.metadata.resourceVersion, 'the store has the heartbeat', 10_000);
			await app.press(); // as after a key: wait until frames are quiet
			assert.equal(app.frames.length, drawn, `no frame for heartbeat ${node.metadata.resourceVersion}`);
		};

		await sendQuietly(heartbeat(minikube, '2026-11-24T11:59:10Z', '201501'));
		await app.press('5');
		await waitFor(() => /minikube +Ready +control-plane /.test(app.frame()), 'the nodes pane', 10_000);
		await sendQuietly(heartbeat(minikube, '2026-11-24T11:59:20Z', '201502'));

		// A change a cell shows is drawn.
		const cordoned = heartbeat(minikube, '2026-11-24T11:59:30Z', '201503');
		cordoned.spec = {...cordoned.spec, unschedulable: true};
		source.send(cordoned);
		await waitFor(() => /minikube +Ready,SchedulingDisabled /.test(app.frame()), 'the cordon, drawn', 10_000);

		// The detail shows the heartbeat (the Conditions' LastHeartbeatTime): it follows every one.
		await app.press(keys.enter);
		await waitFor(() => app.frame().includes('Tue, 24 Nov 2026 11:59:30 +0000'), "describe's heartbeat at 11:59:30", 10_000);
		source.send({...heartbeat(cordoned, '2026-11-24T11:59:40Z', '201504')});
		await waitFor(() => app.frame().includes('Tue, 24 Nov 2026 11:59:40 +0000'), 'the next heartbeat, in describe', 10_000);
		cluster.objects.set('Node//minikube', heartbeat(cordoned, '2026-11-24T11:59:50Z', '201505') as unknown as Record<string, unknown>);
		await app.press('y');
		await waitFor(() => app.frame().includes('resourceVersion: "201505"'), 'the YAML of the object as it is', 10_000);
		cluster.objects.set('Node//minikube', heartbeat(cordoned, '2026-11-24T12:00:00Z', '201506') as unknown as Record<string, unknown>);
		await waitFor(() => app.frame().includes('resourceVersion: "201506"'), 'the YAML after the next heartbeat', 10_000);

		// Back on the rows, a heartbeat draws nothing again.
		await app.press('q');
		await waitFor(() => /minikube +Ready,SchedulingDisabled /.test(app.frame()), 'the nodes pane again', 10_000);
		await sendQuietly(heartbeat(cordoned, '2026-11-24T12:00:10Z', '201507'));
		nodes.stop();
	});
});
