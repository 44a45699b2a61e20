import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {shellCommand} from '../../source/ui/hooks/shell-effect.js';
import {FakeCluster} from './fake-cluster.js';
import {keys, renderApp, waitFor} from './harness.js';
import {tutorialPods} from './tutorial-objects.js';

afterEach(() => cleanup());

const opened = (fake: FakeCluster) => fake.calls.filter(call => call.method === 'openShell').map(call => call.args[0]);

describe('shell: s', () => {
	test("s opens kubectl exec -it into the pod's container with bash, else sh; back in kpods, the exit status", async () => {
		const fake = new FakeCluster({}, tutorialPods());
		const container = fake.fullPods.get('default/pod-1')!.spec!.containers[0]!.name;
		fake.shell = {output: 'root@pod-1:/# exit\r\n', result: {ok: true, exitCode: 3}};
		const app = await renderApp({cluster: fake, rows: 16, columns: 160});
		await app.press('/', ...'pod-1', keys.enter);
		await app.pressUntil('s', frame => frame.includes('exited with status'));
		assert.deepEqual(opened(fake), [{namespace: 'default', pod: 'pod-1', container, command: shellCommand}]);
		assert.match(
			app.frame(),
			new RegExp(
				`shell in pod-1/${container} exited with status 3 .*\\$ kubectl exec -it pod-1 -c ${container} -- sh -c 'command -v bash >/dev/null 2>&1 && exec bash \\|\\| exec sh'`,
			),
		);
		assert.match(app.frame(), /^ *NAME +READY/m);
	});

	test("a refusal (a container not running, forbidden) is the server's words in the status line, the screen intact", async () => {
		const fake = new FakeCluster({}, tutorialPods());
		fake.shell = {error: 'unable to upgrade connection: container not found ("pod-1")'};
		const app = await renderApp({cluster: fake, rows: 16, columns: 160});
		await app.press('/', ...'pod-1', keys.enter);
		await app.pressUntil('s', frame => frame.includes('container not found'));
		assert.match(app.frame(), /shell in pod-1\/\S+: unable to upgrade connection: container not found/);
		assert.match(app.frame(), /^⟦pod-1 /m);
	});

	test('--readonly refuses it', async () => {
		const fake = new FakeCluster({}, tutorialPods());
		const app = await renderApp({cluster: fake, rows: 16, columns: 160, readonly: true});
		await app.press('s');
		await waitFor(() => app.frame().includes('read-only mode'), 'the refusal');
		assert.deepEqual(opened(fake), []);
	});
});
