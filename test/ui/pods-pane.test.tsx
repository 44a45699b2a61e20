import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {FakeCluster, fixtureNames, fixturePod} from './fake-cluster.js';
import {assertGolden} from './golden.js';
import {appElement, keys, renderApp, testNow} from './harness.js';
import {tutorialPods} from './tutorial-objects.js';

afterEach(() => cleanup());

describe('the pods pane', () => {
	test("kubectl get pods -o wide, live: the tutorial's pods", async () => {
		const app = await renderApp({cluster: new FakeCluster({}, tutorialPods()), columns: 140});
		assertGolden('pods-wide', app.lastFrame()!);
	});

	test("every STATUS branch of the fixtures, in kubectl's row order", async () => {
		const app = await renderApp({
			cluster: new FakeCluster(
				{},
				fixtureNames().map(name => fixturePod(name)),
			),
			columns: 140,
			rows: 50,
		});
		assertGolden('pods-every-status', app.lastFrame()!);
	});

	test('-A puts NAMESPACE first', async () => {
		const pods = [fixturePod('running', {name: 'coredns-668d6bf9bc-x2x4c', namespace: 'kube-system'}), ...tutorialPods()];
		const app = await renderApp({cluster: new FakeCluster({allNamespaces: true}, pods), columns: 140});
		assertGolden('pods-all-namespaces', app.lastFrame()!);
	});

	test('a narrow terminal drops the wide columns first, then shrinks NAME', async () => {
		const app = await renderApp({cluster: new FakeCluster({}, tutorialPods()), columns: 60});
		assertGolden('pods-narrow', app.lastFrame()!);
		for (const line of app.frame().split('\n')) {
			assert.ok(line.replaceAll(/[⟦⟧]/g, '').length <= 60, `too wide: ${line}`);
		}
	});

	test('a terminal too small says so', async () => {
		const app = await renderApp({cluster: new FakeCluster({}, tutorialPods()), columns: 40, rows: 8});
		assert.equal(app.frame(), 'Terminal too small (40x8): kpods needs\nat least 50x10. Resize, or press q to\nquit.');
	});

	test('the frame is never taller than the terminal, and only visible rows are drawn', async () => {
		const many = Array.from({length: 2000}, (_, index) => fixturePod('running', {name: `web-${String(index).padStart(4, '0')}`}));
		const app = await renderApp({cluster: new FakeCluster({}, many), columns: 120, rows: 24});
		const lines = app.lastFrame()!.replace(/\n$/, '').split('\n');
		assert.equal(lines.length, 23, 'rows - 1 lines: Ink never has to clear the screen');
		assert.equal(lines.filter(line => line.includes('web-')).length, 18, 'header 2 + table header 1 + 18 rows + footer 2');
		await app.press('G');
		assert.match(app.frame(), /⟦web-1999 /);
	});

	test('an empty namespace reads like kubectl', async () => {
		const app = await renderApp({cluster: new FakeCluster({namespace: 'demo'}, [])});
		assert.match(app.frame(), /^No resources found in demo namespace\.$/m);
	});

	test('AGE and RESTARTS tick from one shared clock', async () => {
		const cluster = new FakeCluster({}, [fixturePod('crashloop')]);
		const app = await renderApp({cluster, columns: 140});
		assert.match(app.frame(), /crashy +0\/1 +CrashLoopBackOff +4 \(62s ago\) +5m /);
		app.rerender(appElement({cluster, columns: 140, now: testNow + 60_000}));
		await app.press();
		assert.match(app.frame(), /crashy +0\/1 +CrashLoopBackOff +4 \(2m2s ago\) +6m /);
	});
});

describe('header states', () => {
	const states = [
		['live', {kind: 'live'}],
		['reconnecting', {kind: 'reconnecting', attempt: 3, reason: 'connect ECONNREFUSED 127.0.0.1:6443'}],
		[
			'forbidden',
			{
				kind: 'forbidden',
				reason:
					'pods is forbidden: User "system:serviceaccount:default:viewer" cannot list resource "pods" in API group "" in the namespace "default"',
			},
		],
		['error', {kind: 'error', reason: 'Unauthorized'}],
	] as const;
	for (const [name, state] of states) {
		test(name, async () => {
			const cluster = new FakeCluster({}, name === 'live' ? tutorialPods() : []);
			cluster.pods.set(cluster.pods.getSnapshot().items.slice(), state, name === 'live');
			const app = await renderApp({cluster, columns: 120, rows: 12});
			assertGolden(`header-${name}`, app.lastFrame()!);
		});
	}
});

describe('the selection follows its pod', () => {
	test('rows inserted above and the pod deleted', async () => {
		const cluster = new FakeCluster({}, tutorialPods());
		const app = await renderApp({cluster, columns: 120});
		await app.press('j');
		assert.match(app.frame(), /^⟦pod-1 /m);
		cluster.setPods([fixturePod('running', {name: 'a-new-pod', namespace: 'default'}), ...tutorialPods()]);
		await app.press();
		assert.match(app.frame(), /^⟦pod-1 /m, 'still on pod-1 after a row appeared above it');
		cluster.setPods(tutorialPods().filter(pod => pod.metadata.name !== 'pod-1'));
		await app.press();
		assert.match(app.frame(), /^⟦pod-2 /m, 'pod-1 gone: its neighbour');
	});
});

describe('filter', () => {
	test('text, then -l, then a bad selector', async () => {
		const app = await renderApp({cluster: new FakeCluster({}, tutorialPods()), columns: 120});
		await app.press('/', ...'pod-'.split(''));
		assertGolden('filter-typing', app.lastFrame()!);
		await app.press(keys.enter);
		assert.deepEqual(
			app
				.frame()
				.split('\n')
				.filter(line => /^⟦?(o-primeiro-pod|pod-1|pod-2|testando|web) /.test(line))
				.map(line => line.split(/\s+/)[0]!.replace('⟦', '')),
			['pod-1', 'pod-2'],
		);
		assert.match(app.frame(), /filter: pod- {3}\(Esc clears, \/ edits\)/);
		await app.press(keys.escape, '/', ...'-l app=pod-label'.split(''), keys.enter);
		assert.deepEqual(
			app
				.frame()
				.split('\n')
				.filter(line => /^⟦?(o-primeiro-pod|pod-1|pod-2|testando|web) /.test(line))
				.map(line => line.split(/\s+/)[0]!.replace('⟦', '')),
			['pod-1'],
		);
		await app.press('/', '\u0015', ...'-l app in (x'.split(''), keys.enter);
		assertGolden('filter-bad-selector', app.lastFrame()!);
	});
});
