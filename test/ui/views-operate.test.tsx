import './force-color.js';
import assert from 'node:assert/strict';
import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import type {LogEntry} from '../../source/derive/log-lines.js';
import type {Event} from '../../source/k8s/types.js';
import {serviceRow} from '../../source/format/service.js';
import {FakeCluster} from './fake-cluster.js';
import {assertGolden} from './golden.js';
import {keys, renderApp, waitFor} from './harness.js';
import {svcPod, tutorialPods} from './tutorial-objects.js';

afterEach(() => cleanup());

const event = (name: string, type: string, reason: string, object: [string, string], last: string, message: string): Event => ({
	metadata: {name, namespace: 'default'},
	involvedObject: {kind: object[0], namespace: 'default', name: object[1]},
	reason,
	message,
	type,
	count: 1,
	firstTimestamp: last,
	lastTimestamp: last,
	source: {component: 'kubelet', host: 'minikube'},
});

function cluster(): FakeCluster {
	const fake = new FakeCluster({}, tutorialPods());
	fake.services.set([serviceRow(svcPod)]);
	fake.allEvents.set([
		event('b', 'Warning', 'BackOff', ['Pod', 'pod-2'], '2026-11-24T11:59:00Z', 'Back-off restarting failed container'),
		event('a', 'Normal', 'Started', ['Pod', 'pod-1'], '2026-11-24T11:50:00Z', 'Started container pod-1'),
		event('c', 'Normal', 'Type', ['Service', 'svc-pod'], '2026-11-24T11:55:00Z', 'ClusterIP -> NodePort'),
	]);
	return fake;
}

const lines = (texts: string[]): LogEntry[] =>
	texts.map((text, index) => ({time: `2026-11-24T11:59:${String(index).padStart(2, '0')}Z`, text, prefix: ''}));

describe('operating pods: logs, YAML, edit, events', () => {
	test('l on a pod follows its log; scrolling up pauses, End follows again; t, w, / and n', async () => {
		const fake = cluster();
		const app = await renderApp({cluster: fake, rows: 14});
		await app.press('l');
		await waitFor(() => fake.logSpecs.length === 1, 'the log opened');
		assert.deepEqual(fake.logSpecs[0], {
			sources: [{namespace: 'default', pod: 'o-primeiro-pod', container: 'testando', prefix: ''}],
			previous: false,
			follow: true,
			tailLines: 100,
			capacity: 5000,
		});
		fake.logFeed.set({
			lines: lines(Array.from({length: 30}, (_, index) => `line ${index} ${index % 7 === 0 ? 'GET /healthz' : 'GET /'}`)),
			received: 30,
		});
		await app.press();
		assertGolden('logs-following', app.lastFrame()!);
		assert.match(app.frame(), /kubectl logs -f --tail=100 o-primeiro-pod -c testando/);
		await app.press(keys.pageUp);
		assert.match(app.frame(), /paused \(End or f follows\)/);
		await app.press('t', '/', ...'healthz', keys.enter, 'n');
		assertGolden('logs-search', app.lastFrame()!);
		await app.press('f');
		assert.match(app.frame(), /— following —/);
		assert.match(app.frame(), /line 29 GET \//);
		await app.press('p');
		await waitFor(() => fake.logSpecs.length === 2, 'the previous instance');
		assert.equal(fake.logSpecs[1]!.previous, true);
		await app.press(keys.escape);
		assert.equal(fake.logFeed.stopped, 2);
	});

	test('a pod with several containers asks which (init containers too)', async () => {
		const fake = cluster();
		const [pod] = tutorialPods();
		fake.objects.set('Pod/default/o-primeiro-pod', {
			...pod,
			spec: {
				initContainers: [{name: 'setup', image: 'busybox'}],
				containers: [
					{name: 'web', image: 'nginx'},
					{name: 'sidecar', image: 'envoy'},
				],
			},
		} as unknown as Record<string, unknown>);
		const app = await renderApp({cluster: fake, rows: 14});
		await app.press('l');
		await waitFor(() => /Container — Enter shows its log/.test(app.frame()), 'the container picker');
		assert.match(app.frame(), /⟦ {2}web/);
		await app.press(keys.down, keys.down, keys.enter);
		await waitFor(() => fake.logSpecs.length === 1, 'the log opened');
		assert.equal(fake.logSpecs[0]!.sources[0]!.container, 'setup');
	});

	test("the server's own word when there is no log", async () => {
		const fake = cluster();
		const app = await renderApp({cluster: fake, rows: 14});
		await app.press('l');
		fake.logFeed.set({
			ended: true,
			note: {text: 'previous terminated container "testando" in pod "o-primeiro-pod" not found', tone: 'error'},
		});
		await app.press();
		assert.match(app.frame(), /previous terminated container "testando" in pod "o-primeiro-pod" not found/);
	});

	test('y shows the YAML; in the detail y switches between describe and YAML', async () => {
		const fake = cluster();
		const [pod] = tutorialPods();
		fake.objects.set('Pod/default/o-primeiro-pod', {
			...pod,
			metadata: {...pod!.metadata, managedFields: [{manager: 'kubectl'}]},
		} as unknown as Record<string, unknown>);
		const app = await renderApp({cluster: fake, rows: 16});
		await app.press('y');
		await waitFor(() => /^apiVersion: v1$/m.test(app.frame()), 'the YAML');
		assertGolden('yaml-pod', app.lastFrame()!);
		assert.doesNotMatch(app.frame(), /managedFields/);
		await app.press('y');
		await waitFor(() => /^Name: +o-primeiro-pod$/m.test(app.frame()), 'describe');
		await app.press('y');
		await waitFor(() => /^kind: Pod$/m.test(app.frame()), 'YAML again');
	});

	test("e runs the editor and reports kubectl's words; --readonly refuses it", async () => {
		const fake = cluster();
		fake.answer = {ok: true, lines: ['pod/o-primeiro-pod edited'], kubectl: 'kubectl edit pod o-primeiro-pod'};
		const directory = mkdtempSync(join(tmpdir(), 'kpods-editor-'));
		const script = join(directory, 'editor.sh');
		const mark = join(directory, 'ran');
		writeFileSync(script, `#!/bin/sh\necho "$1" > '${mark}'\n`);
		chmodSync(script, 0o755);
		const saved = process.env['KUBE_EDITOR'];
		process.env['KUBE_EDITOR'] = script;
		try {
			const app = await renderApp({cluster: fake, rows: 14});
			await app.press('e');
			await waitFor(() => /pod\/o-primeiro-pod edited/.test(app.frame()), 'the result');
			assert.equal(readFileSync(mark, 'utf8').trim(), '/dev/null');
			assert.match(app.frame(), /kubectl edit pod o-primeiro-pod/);
			const readonly = await renderApp({cluster: cluster(), rows: 14, readonly: true});
			await readonly.press('e');
			assert.match(readonly.frame(), /read-only mode \(--readonly\): "edit in \$EDITOR \(kubectl edit\)" is disabled/);
		} finally {
			if (saved === undefined) {
				delete process.env['KUBE_EDITOR'];
			} else {
				process.env['KUBE_EDITOR'] = saved;
			}
			rmSync(directory, {recursive: true, force: true});
		}
	});

	test('the events and namespaces tabs show no count until their stores are listed, then the count', async () => {
		const fake = cluster();
		const listed = [...fake.allEvents.getSnapshot().items];
		// Both stores start when their pane is first shown; until they have listed, a "0" would be false.
		fake.allEvents.set([], {kind: 'connecting'}, false);
		fake.namespaces.set([], {kind: 'connecting'}, false);
		const app = await renderApp({cluster: fake, columns: 140, rows: 14});
		const tabs = () => app.frame().split('\n')[1]!;
		assert.match(tabs(), / 4 Events {3}5 Nodes 0 {3}6 Namespaces {2}/, 'no count before the panes are opened');
		await app.press('4');
		assert.match(tabs(), /⟦ 4 Events ⟧/, 'no count while the events store is still listing');
		fake.allEvents.set(listed, {kind: 'live'});
		await waitFor(() => tabs().includes('⟦ 4 Events 3 ⟧'), 'the events count once listed');
		await app.press('6');
		fake.setNamespaces(
			['default', 'kube-system'].map(name => ({metadata: {name, creationTimestamp: '2026-11-24T11:00:00Z'}, status: {phase: 'Active'}})),
			{kind: 'live'},
		);
		await waitFor(() => tabs().includes('⟦ 6 Namespaces 2 ⟧'), 'the namespaces count once listed');
		assert.match(tabs(), / 4 Events 3 /, 'the events tab keeps its count');
	});

	test('4 shows kubectl get events sorted by lastTimestamp, warnings coloured; / filters; Enter goes to the object', async () => {
		const fake = cluster();
		const app = await renderApp({cluster: fake, rows: 14});
		await app.press('4');
		assertGolden('events-pane', app.lastFrame()!);
		assert.match(app.lastFrame()!, /\u001B\[33m.*BackOff/);
		await app.press(keys.down, keys.enter);
		assert.match(app.frame(), /⟦ 2 Services/);
		assert.match(app.frame(), /⟦svc-pod/);
		assert.match(app.frame(), / 4 (Events|Ev) 3 /, 'the events tab keeps counting once shown');
		await app.press('4', '/', ...'backoff', keys.enter);
		assert.doesNotMatch(app.frame(), /Started container/);
		assert.match(app.frame(), /BackOff/);
		await app.press(keys.enter);
		assert.match(app.frame(), /⟦ 1 Pods/);
		assert.match(app.frame(), /⟦pod-2/);
	});
});
