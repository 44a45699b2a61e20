import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {serviceRow} from '../../source/format/service.js';
import {FakeCluster} from './fake-cluster.js';
import {assertGolden} from './golden.js';
import {keys, renderApp, waitFor} from './harness.js';
import {svcPod, tutorialPods} from './tutorial-objects.js';

afterEach(() => cleanup());

function cluster(): FakeCluster {
	const fake = new FakeCluster({}, tutorialPods());
	fake.services.set([serviceRow(svcPod)]);
	return fake;
}

const started = (fake: FakeCluster) => fake.calls.filter(call => call.method === 'startForward').map(call => call.args);

describe('port-forward: F and :pf', () => {
	test('F on svc-pod forwards 127.0.0.1:4050 to pod-1:80, as kubectl port-forward svc/svc-pod 4050:4050; :pf lists it, ctrl-d stops it', async () => {
		const fake = cluster();
		const app = await renderApp({cluster: fake, rows: 16});
		await app.press('2');
		await app.pressUntil('F', frame => frame.includes('Forwarding from'));
		assert.deepEqual(started(fake), [['svc/svc-pod', {local: 4050, port: 4050, remote: 80}]]);
		assert.match(app.frame(), /Forwarding from 127\.0\.0\.1:4050 -> 80 /);
		assert.match(app.frame(), /kubectl port-forward svc\/svc-pod 4050:4050/);
		fake.forwardRows[0] = {...fake.forwardRows[0]!, active: 1, connections: 3, sent: 231, received: 5_000};
		// Forwards live across pane switches.
		await app.press('1', ':', ...'pf', keys.enter);
		assertGolden('forwards', app.lastFrame()!);
		await app.press(keys.ctrlD);
		assert.deepEqual(
			fake.calls.filter(call => call.method === 'stopForward').map(call => call.args),
			[[1]],
		);
		assert.match(app.frame(), /stopped port-forward 127\.0\.0\.1:4050 → svc\/svc-pod 4050/);
		assertGolden('forwards-empty', app.lastFrame()!);
		await app.press(keys.escape);
		assert.match(app.frame(), /^ *NAME +READY/m);
	});

	test('a local port in use asks for another; Enter alone takes any free port', async () => {
		const fake = cluster();
		fake.busyPorts.add(80);
		const app = await renderApp({cluster: fake, rows: 16});
		await app.press('/', ...'pod-1', keys.enter);
		await app.pressUntil('F', frame => frame.includes('is in use'));
		assert.match(app.frame(), /127\.0\.0\.1:80 is in use: type LOCAL:80, or Enter for any free port/);
		await app.press(keys.enter);
		await waitFor(() => started(fake).length === 2, 'the second try');
		assert.deepEqual(started(fake)[1], ['pod/pod-1', {local: 0, port: 80, remote: 80}]);
		await waitFor(() => app.frame().includes('Forwarding from 127.0.0.1:43210 -> 80'), 'the forward started');
	});

	test("a bad port word is answered under the field; a pod that is not running is kubectl's error", async () => {
		const fake = cluster();
		fake.busyPorts.add(80);
		const app = await renderApp({cluster: fake, rows: 16, columns: 160});
		await app.press('/', ...'pod-1', keys.enter);
		await app.pressUntil('F', frame => frame.includes('is in use'));
		await app.press(...'x', keys.enter);
		assert.match(app.frame(), /":80x" is not LOCAL:PORT \(ports 1-65535\)/);
		await app.press(keys.escape, keys.escape, '/', ...'pod-2', keys.enter);
		const pending = fake.fullPods.get('default/pod-2');
		assert.ok(pending);
		fake.fullPods.set('default/pod-2', {...pending, status: {...pending.status, phase: 'Pending'}});
		await app.press('F');
		await waitFor(() => app.frame().includes('Current status=Pending'), 'the error');
		assert.match(app.frame(), /port-forward pod\/pod-2: unable to forward port because pod is not running\. Current status=Pending/);
	});
});
