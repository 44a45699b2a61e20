import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {FakeCluster} from './fake-cluster.js';
import {keys, renderApp, waitFor} from './harness.js';
import {tutorialPods} from './tutorial-objects.js';

afterEach(() => cleanup());

test('an action that throws becomes a failed status line; the app keeps running', async () => {
	const cluster = new FakeCluster({}, tutorialPods());
	cluster.deleteObject = async () => {
		throw new Error('exec plugin "aws" timed out after 30s\nsecond line');
	};

	cluster.listNamespaces = async () => {
		throw new TypeError('Cannot read properties of undefined');
	};

	const app = await renderApp({cluster});
	await app.press(keys.ctrlD, 'y');
	await waitFor(() => app.frame().includes('delete failed: exec plugin "aws" timed out after 30s'), 'the failed delete');
	assert.doesNotMatch(app.frame(), /second line/);
	await app.press('n');
	await waitFor(() => app.frame().includes('listing namespaces failed: Cannot read properties of undefined'), 'the failed list');
	// Still alive: keys still move and the history has both.
	await app.press(keys.escape, 'h');
	await waitFor(() => app.frame().includes('History'), 'history');
	assert.equal(app.quit.count, 0);
});
