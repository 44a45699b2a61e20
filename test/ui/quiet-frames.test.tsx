import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import type {Pod} from '../../source/k8s/types.js';
import type {TimeSource} from '../../source/ui/hooks/use-now.js';
import {FakeCluster, fixturePod} from './fake-cluster.js';
import {renderApp, testNow, waitFor} from './harness.js';

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
