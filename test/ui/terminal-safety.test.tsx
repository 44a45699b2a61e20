import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import type {Event, Pod} from '../../source/k8s/types.js';
import {FakeCluster} from './fake-cluster.js';
import {keys, renderApp, waitFor, type Rendered} from './harness.js';
import {tutorialPod} from './tutorial-objects.js';

afterEach(() => cleanup());

// What an attacker who can create a pod or an Event would send. The FakeCluster hands it
// to the UI raw (the API client's own cleaning is bypassed), so these tests show that the
// rendering primitives alone keep it from the terminal.
const title = '\u001B]0;pwned\u0007';
const clipboard = '\u001B]52;c;ZXZpbA==\u0007';
const colour = '\u001B[48;5;201m';
const hostile = `${title}${clipboard}${colour}\u009B2J\u202Egnp\rX\b`;
const shown = '^[]0;pwned^G^[]52;c;ZXZpbA==^G^[[48;5;201m\\u009b2J\\u202egnp\\rX^H';

function hostileCluster(): FakeCluster {
	const base = tutorialPod('crashloop', 'evil', {run: 'evil'});
	const container = {...base.spec!.containers[0]!, image: `nginx${hostile}`};
	const status = {
		...base.status,
		containerStatuses: base.status!.containerStatuses!.map(each => ({...each, state: {waiting: {reason: `Bad${hostile}`}}})),
	};
	const pod: Pod = {...base, spec: {...base.spec!, containers: [container]}, status};
	const cluster = new FakeCluster({context: `ctx${title}`, namespace: 'default'}, [pod, tutorialPod('running', 'good', {})]);
	const event: Event = {
		metadata: {name: 'evil.1', namespace: 'default'},
		involvedObject: {kind: 'Pod', namespace: 'default', name: 'evil', uid: pod.metadata.uid},
		reason: 'Pulled',
		message: `pulled ${hostile}`,
		source: {component: 'kubelet', host: 'minikube'},
		firstTimestamp: '2026-11-24T11:59:00Z',
		lastTimestamp: '2026-11-24T11:59:00Z',
		count: 1,
		type: 'Normal',
	};
	cluster.events = [event];
	cluster.namespaceList = {ok: true, names: ['default', `ns${clipboard}`]};
	cluster.answer = {ok: false, lines: [`the server said ${hostile}`], kubectl: 'kubectl delete pod evil'};
	return cluster;
}

/** No frame so far holds anything a terminal would obey, other than Ink's own colours. */
function assertNoControls(app: Rendered, where: string): void {
	for (const frame of app.frames) {
		for (const sequence of [title, clipboard, colour, '\u0007', '\u009B', '\u202E', '\r', '\b']) {
			assert.ok(!frame.includes(sequence), `${where}: a frame holds ${JSON.stringify(sequence)}`);
		}

		// Ink's own SGR (colours, inverse) aside, no ESC at all.
		assert.doesNotMatch(frame.replaceAll(/\u001B\[[\d;]*m/g, ''), /\u001B/, `${where}: a frame holds an ESC`);
	}
}

describe('cluster data cannot drive the terminal (rendering primitives)', () => {
	test('table, header, detail, events, status line, history and picker show the escaped text', async () => {
		const cluster = hostileCluster();
		const app = await renderApp({cluster, columns: 200, rows: 100});
		let frame = app.frame();
		assert.match(frame, /ctx\^\[\]0;pwned\^G/, 'the context name in the header');
		// The STATUS cell is shown whole and the next column starts after it (widths measured on the shown text).
		const row = frame.split('\n').find(line => line.includes('evil'))!;
		assert.ok(row.includes(`Bad${shown}   4 (62s ago)`), row);
		assertNoControls(app, 'pods');

		await app.press(keys.enter);
		await waitFor(() => app.frame().includes('Events:'), 'the detail');
		frame = app.frame();
		assert.ok(frame.includes(`nginx${shown}`), frame);
		assert.ok(frame.includes(`pulled ${shown}`), frame);
		assertNoControls(app, 'detail');

		await app.press(keys.escape, keys.ctrlD, 'y');
		await waitFor(() => app.frame().includes('the server said'), 'the failed delete');
		assert.ok(app.frame().includes(`the server said ${shown}`.slice(0, 60)), app.frame());
		await app.press('h');
		await waitFor(() => app.frame().includes('History'), 'history');
		assertNoControls(app, 'status line and history');

		await app.press(keys.escape, 'n');
		await waitFor(() => app.frame().includes('Namespace'), 'the namespace picker');
		assert.ok(app.frame().includes('ns^[]52;c;ZXZpbA==^G'), app.frame());
		assertNoControls(app, 'picker');
	});

	test('manifest file names and contents', async () => {
		const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x # ${hostile}\n`;
		const file = {path: `/tmp/evil${title}.yaml`, displayPath: `evil${title}.yaml`, text, documents: []};
		const app = await renderApp({cluster: new FakeCluster(), columns: 160, rows: 30, loadManifests: async () => ({files: [file]})});
		await app.press('3');
		await waitFor(() => app.frame().includes('evil^[]0;pwned^G.yaml'), 'the file');
		assert.ok(app.frame().includes(`name: x # ${shown}`.slice(0, 50)), app.frame());
		assertNoControls(app, 'manifests');
	});
});
