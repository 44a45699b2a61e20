import './not-ci.js';
import './force-color.js';
import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {afterEach, describe, test} from 'node:test';
import {Text, render} from 'ink';
import {useState} from 'react';
import {ListWatchStore} from '../../source/cluster/resource-store.js';
import type {ListWatchSource} from '../../source/cluster/store-tuning.js';
import type {ResourceStore} from '../../source/cluster/types.js';
import {podRow, type PodRow} from '../../source/format/pod.js';
import type {Pod, WatchEvent} from '../../source/k8s/types.js';
import {installLineCache} from '../../source/ui/ink-line-cache.js';
import {renderOptions} from '../../source/ui/run-tui.js';
import {waitFor} from '../wait-for.js';
import {FakeCluster, fixturePod} from './fake-cluster.js';
import {appElement, renderApp} from './harness.js';
import {plainFrame} from './golden.js';

installLineCache();

/** Ink wraps each frame it writes to a terminal in a synchronized-output pair: one BSU, one frame. */
const frameStart = '\u001B[?2026h';

/** A terminal as Ink sees one: a TTY of a fixed size that keeps what it is sent. */
class Terminal extends EventEmitter {
	readonly isTTY = true;
	readonly columns = 120;
	readonly rows = 20;
	written = '';
	write = (data: string) => {
		this.written += data;
		return true;
	};
	frames(): number {
		return this.written.split(frameStart).length - 1;
	}
	/** The last frame, as plain text. */
	lastFrame(): string {
		return plainFrame(this.written.slice(this.written.lastIndexOf(frameStart)));
	}
}

class Keyboard extends EventEmitter {
	readonly isTTY = true;
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
	read = () => null;
}

const unmounts: Array<() => void> = [];
afterEach(() => {
	for (const unmount of unmounts.splice(0)) {
		unmount();
	}
});

function renderOnTerminal(tree: React.ReactElement): Terminal {
	const stdout = new Terminal();
	const instance = render(tree, {
		...renderOptions,
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: new Keyboard() as unknown as NodeJS.ReadStream,
		stderr: new Terminal() as unknown as NodeJS.WriteStream,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	unmounts.push(() => instance.unmount());
	return stdout;
}

const pause = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** A pod source that lists one pod, then sends what the test gives it as watch events. */
class PodSource implements ListWatchSource<Pod> {
	private emit: ((event: WatchEvent<Pod>) => void) | undefined;
	constructor(private readonly pod: Pod) {}
	list: ListWatchSource<Pod>['list'] = async (_options, onItem) => {
		onItem(this.pod);
		return {metadata: {resourceVersion: '10'}};
	};
	watch: ListWatchSource<Pod>['watch'] = async ({signal}, onEvent) => {
		this.emit = onEvent;
		await new Promise(resolve => signal.addEventListener('abort', resolve, {once: true}));
	};
	get watching(): boolean {
		return this.emit !== undefined;
	}
	send(pod: Pod): void {
		this.emit!({type: 'MODIFIED', object: pod});
	}
}

function withRestarts(pod: Pod, restarts: number): Pod {
	const status = structuredClone(pod.status!);
	status.containerStatuses![0]!.restartCount = restarts;
	return {...pod, metadata: {...pod.metadata, resourceVersion: String(100 + restarts)}, status};
}

/** The setter of the one Counter on screen. */
let show: (value: number) => void = () => undefined;
function Counter() {
	const [value, setValue] = useState(0);
	show = setValue;
	return <Text>{`value ${value}`}</Text>;
}

describe('frames under a watch storm', () => {
	test('a render more than 17 ms after the last frame is drawn at once, not held back by Ink', async () => {
		const terminal = renderOnTerminal(<Counter />);
		await waitFor(() => terminal.lastFrame().includes('value 0'), 'the first frame', 10_000);
		// 25 ms apart, as the stores' bursts come (50 ms apart): Ink's own 30 frames a second drew
		// each of these a render late, 33–66 ms after the change.
		for (let value = 1; value <= 5; value++) {
			await pause(25);
			show(value);
			// React commits in an immediate (its scheduler's); a timer set now fires after it, and long
			// before Ink's throttle would have let the frame out (17 ms now, 34 ms at 30 frames a second).
			await pause(1);
			assert.ok(terminal.lastFrame().includes(`value ${value}`), `value ${value} drawn by the render, before any timer`);
		}
	});

	test('100 watch events, one every 5 ms or more: at most one frame per 50 ms, and the last state on screen', async () => {
		const pod = fixturePod('running', {name: 'web'});
		const source = new PodSource(pod);
		const store = new ListWatchStore(source, podRow);
		unmounts.push(() => store.stop());
		const cluster = new FakeCluster({}, [pod]);
		(cluster as unknown as {pods: ResourceStore<PodRow>}).pods = store;
		const terminal = renderOnTerminal(appElement({cluster, columns: 120}));
		await waitFor(() => source.watching && /web +1\/1 +Running +0 /.test(terminal.lastFrame()), 'the pod on screen', 10_000);

		const before = terminal.frames();
		const started = Date.now();
		for (let restarts = 1; restarts <= 100; restarts++) {
			source.send(withRestarts(pod, restarts));
			await pause(5);
		}
		const elapsed = Date.now() - started;
		await waitFor(() => /web +1\/1 +Running +100 /.test(terminal.lastFrame()), 'the last restart count on screen', 10_000);
		const frames = terminal.frames() - before;
		// One burst per 50 ms, the first at once and the last after the events: never more.
		const most = Math.ceil(elapsed / 50) + 2;
		assert.ok(frames <= most, `${frames} frames for ${elapsed} ms of events (at most ${most})`);
		assert.ok(frames >= 2, `${frames} frames: the burst is drawn as it goes, not only at its end`);
	});

	test('the header, drawn again only when what it shows changes, follows the pod counts through a burst', async () => {
		const pods = ['a', 'b', 'c'].map(name => fixturePod('running', {name}));
		const cluster = new FakeCluster({}, pods);
		const app = await renderApp({cluster, columns: 120});
		await waitFor(() => app.frame().includes('3 running'), 'three running', 10_000);
		for (let restarts = 1; restarts <= 5; restarts++) {
			cluster.setPods([withRestarts(pods[0]!, restarts), pods[1]!, pods[2]!]);
		}
		cluster.setPods([pods[0]!, fixturePod('crashloop', {name: 'b'}), pods[2]!]);
		await waitFor(() => app.frame().includes('2 running · 1 warning'), 'the counts after the burst', 10_000);
		cluster.setPods(pods);
		await waitFor(() => app.frame().includes('3 running'), 'three running again', 10_000);
	});
});
