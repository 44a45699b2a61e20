import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import type {ApplyOutcome} from '../../source/actions/apply.js';
import {bundledManifestsDir, loadManifestDir} from '../../source/manifests/load.js';
import {applyOrder} from '../../source/manifests/order.js';
import {parseManifest} from '../../source/manifests/parse.js';
import {FakeCluster} from './fake-cluster.js';
import {assertGolden} from './golden.js';
import {renderApp, waitFor} from './harness.js';

afterEach(() => cleanup());

async function manifests() {
	const root = bundledManifestsDir().replace(/manifests\/?$/, '');
	const files = await loadManifestDir(bundledManifestsDir(), root);
	const broken = parseManifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n spec: {}\n', '/tmp/broken.yaml', '/tmp');
	return [...files, broken];
}

describe('the manifests pane', () => {
	test('each file with what it holds, and a YAML preview', async () => {
		const files = await manifests();
		const app = await renderApp({cluster: new FakeCluster(), loadManifests: async () => ({files}), columns: 110, rows: 24});
		await app.press('3', 'G', 'k');
		assertGolden('manifests', app.lastFrame()!);
	});

	test('A applies all files; the per-object result is shown', async () => {
		const files = (await manifests()).filter(file => !file.parseError);
		const cluster = new FakeCluster();
		const documents = applyOrder(files.flatMap(file => file.documents.map(document => ({kind: document.kind, file, document}))));
		cluster.applyReport = {
			outcomes: documents.map(({file, document}): ApplyOutcome => ({file, document, ref: `${document.kind!.toLowerCase()}/${document.name}`, result: 'created', line: `${document.kind!.toLowerCase()}/${document.name} created`})),
			kubectl: `kubectl apply ${files.map(file => `-f ${file.displayPath}`).join(' ')}`,
		};
		const app = await renderApp({cluster, loadManifests: async () => ({files}), columns: 110, rows: 30});
		await app.press('3', 'A');
		await waitFor(() => app.frame().includes('last apply'), 'result');
		assertGolden('manifests-applied', app.lastFrame()!);
		assert.deepEqual(cluster.calls.find(call => call.method === 'apply')?.args, [files.map(file => file.displayPath)]);
	});

	test('a applies only the selected file; errors are red lines of their own', async () => {
		const files = (await manifests()).filter(file => !file.parseError);
		const cluster = new FakeCluster();
		const file = files[0]!;
		cluster.applyReport = {outcomes: [{file, document: file.documents[0]!, ref: 'pod/o-primeiro-pod', result: 'error', line: 'Error from server (Forbidden): pods "o-primeiro-pod" is forbidden: User "dev" cannot patch resource "pods"'}], kubectl: `kubectl apply -f ${file.displayPath}`};
		const app = await renderApp({cluster, loadManifests: async () => ({files}), columns: 110, rows: 30});
		await app.press('3', 'a');
		await waitFor(() => app.frame().includes('applied 1 object: 1 failed'), 'result');
		assert.deepEqual(cluster.calls.find(call => call.method === 'apply')?.args, [[file.displayPath]]);
		assert.match(app.lastFrame()!, /\u001B\[31mError from server \(Forbidden\)/);
	});
});
