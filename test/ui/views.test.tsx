// Views as data: a view's own router context (the events pane's jump, the log view's search)
// comes from its registry entry (source/ui/views.tsx), exercised here through the whole app.
import './force-color.js';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import type {Event} from '../../source/k8s/types.js';
import {FakeCluster} from './fake-cluster.js';
import {keys, renderApp, waitFor} from './harness.js';
import {tutorialPods} from './tutorial-objects.js';

afterEach(() => cleanup());

const aboutPod1: Event = {
	metadata: {name: 'pod-1.187a0c4e5f6b7c8d', namespace: 'default'},
	involvedObject: {kind: 'Pod', namespace: 'default', name: 'pod-1', apiVersion: 'v1'},
	reason: 'Scheduled',
	message: 'Successfully assigned default/pod-1 to minikube',
	source: {component: 'default-scheduler'},
	firstTimestamp: '2026-11-24T11:47:00Z',
	lastTimestamp: '2026-11-24T11:47:00Z',
	type: 'Normal',
	count: 1,
};

describe("a view's own context for the router", () => {
	test('events pane: Enter goes to the pod the selected event is about', async () => {
		const cluster = new FakeCluster({}, tutorialPods());
		cluster.allEvents.set([aboutPod1]);
		const app = await renderApp({cluster});
		await app.press('4');
		await waitFor(() => app.frame().includes('Successfully assigned'), 'the event listed');
		await app.press(keys.enter);
		await waitFor(() => /⟦ 1 Pods/.test(app.frame()) && /⟦pod-1 /.test(app.frame()), 'pod-1 selected on the pods pane');
	});

	test('log view: / searches the lines on screen, n goes to the next match', async () => {
		const cluster = new FakeCluster({}, tutorialPods());
		const app = await renderApp({cluster});
		await app.press('l');
		await waitFor(() => cluster.logSpecs.length === 1, 'a log session opened');
		cluster.logFeed.set({
			lines: ['starting', 'listening on :80', 'GET / 200', 'GET /health 200'].map(text => ({time: '', text, prefix: ''})),
			received: 4,
		});
		await waitFor(() => app.frame().includes('listening on :80'), 'the lines shown');
		await app.press('/', 'G', 'E', 'T', keys.enter, 'n');
		await waitFor(() => app.frame().includes('match 1 of 2 for "GET"'), 'the first match');
		await app.press('n');
		await waitFor(() => app.frame().includes('match 2 of 2 for "GET"'), 'the second match');
	});
});
