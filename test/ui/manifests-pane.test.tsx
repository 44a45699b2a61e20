import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import type {ApplyOutcome} from '../../source/actions/apply.js';
import {bundledManifestsDir, loadManifestDir} from '../../source/manifests/load.js';
import {applyOrder} from '../../source/manifests/order.js';
import {parseManifest} from '../../source/manifests/parse.js';
import type {ManifestDocument} from '../../source/manifests/types.js';
import {FakeCluster} from './fake-cluster.js';
import {assertGolden} from './golden.js';
import {keys, renderApp, waitFor} from './harness.js';

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

	test('A first shows the dry run object by object and asks; y applies all files; the per-object result is shown', async () => {
		const files = (await manifests()).filter(file => !file.parseError);
		const cluster = new FakeCluster();
		const documents = applyOrder(files.flatMap(file => file.documents.map(document => ({kind: document.kind, file, document}))));
		const ref = (document: ManifestDocument) => `${document.kind!.toLowerCase()}/${document.name}`;
		const kubectl = `kubectl apply ${files.map(file => `-f ${file.displayPath}`).join(' ')}`;
		// The dry run: one object to create, one to configure (its changed fields), one the server refuses, the rest unchanged.
		cluster.previewReport = {
			outcomes: documents.map(({file, document}, index): ApplyOutcome => {
				if (index === 0) {
					return {file, document, ref: ref(document), result: 'created', line: `${ref(document)} created (server dry run)`};
				}
				if (index === 1) {
					return {
						file,
						document,
						ref: ref(document),
						result: 'configured',
						line: `${ref(document)} configured (server dry run)`,
						fields: ['metadata.labels.tier', 'spec.ports[0].targetPort'],
					};
				}
				if (index === 2) {
					return {
						file,
						document,
						ref: ref(document),
						result: 'error',
						line: `Error from server (Invalid): error when patching "${file.displayPath}": Pod "${document.name}" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\``,
					};
				}
				return {file, document, ref: ref(document), result: 'unchanged', line: `${ref(document)} unchanged (server dry run)`};
			}),
			kubectl: `${kubectl} --dry-run=server`,
		};
		cluster.applyReport = {
			outcomes: documents.map(
				({file, document}): ApplyOutcome => ({file, document, ref: ref(document), result: 'created', line: `${ref(document)} created`}),
			),
			kubectl,
		};
		const app = await renderApp({cluster, loadManifests: async () => ({files}), columns: 110, rows: 30});
		await app.press('3', 'A');
		await waitFor(() => app.frame().includes('[y/N]'), 'the dry run');
		assertGolden('manifests-apply-preview', app.lastFrame()!);
		assert.deepEqual(
			cluster.calls.filter(call => call.method.startsWith('apply')).map(call => call.method),
			['applyDryRun'],
		);
		await app.press('y');
		await waitFor(() => app.frame().includes('last apply'), 'result');
		assertGolden('manifests-applied', app.lastFrame()!);
		assert.deepEqual(cluster.calls.find(call => call.method === 'apply')?.args, [files.map(file => file.displayPath)]);
	});

	for (const [name, key] of [
		['n', 'n'],
		['Esc', keys.escape],
		['Enter', keys.enter],
	] as const) {
		test(`a, then ${name}: the dry run only, nothing applied, "cancelled" said`, async () => {
			const files = (await manifests()).filter(file => !file.parseError);
			const cluster = new FakeCluster();
			const file = files[0]!;
			cluster.applyReport = {
				outcomes: [
					{
						file,
						document: file.documents[0]!,
						ref: 'pod/o-primeiro-pod',
						result: 'created',
						line: 'pod/o-primeiro-pod created (server dry run)',
					},
				],
				kubectl: `kubectl apply -f ${file.displayPath} --dry-run=server`,
			};
			const app = await renderApp({cluster, loadManifests: async () => ({files}), columns: 110, rows: 30});
			await app.press('3', 'a');
			await waitFor(() => app.frame().includes('Apply 1 object? dry run: 1 created [y/N]'), 'the question');
			await app.press(key);
			await waitFor(() => app.frame().includes('apply cancelled: nothing was changed'), 'cancelled');
			assert.deepEqual(
				cluster.calls.filter(call => call.method.startsWith('apply')).map(call => call.method),
				['applyDryRun'],
			);
			assert.doesNotMatch(app.frame(), /dry run, nothing changed yet/);
		});
	}

	test('a applies only the selected file; errors are red lines of their own', async () => {
		const files = (await manifests()).filter(file => !file.parseError);
		const cluster = new FakeCluster();
		const file = files[0]!;
		cluster.applyReport = {
			outcomes: [
				{
					file,
					document: file.documents[0]!,
					ref: 'pod/o-primeiro-pod',
					result: 'error',
					line: 'Error from server (Forbidden): pods "o-primeiro-pod" is forbidden: User "dev" cannot patch resource "pods"',
				},
			],
			kubectl: `kubectl apply -f ${file.displayPath}`,
		};
		const app = await renderApp({cluster, loadManifests: async () => ({files}), columns: 110, rows: 30});
		await app.press('3', 'a');
		await waitFor(() => app.frame().includes('[y/N]'), 'the dry run');
		assert.match(app.lastFrame()!, /\u001B\[31mError from server \(Forbidden\)/);
		await app.press('y');
		await waitFor(() => app.frame().includes('applied 1 object: 1 failed'), 'result');
		assert.deepEqual(
			cluster.calls.filter(call => call.method.startsWith('apply')).map(call => [call.method, call.args]),
			[
				['applyDryRun', [[file.displayPath]]],
				['apply', [[file.displayPath]]],
			],
		);
		assert.match(app.lastFrame()!, /\u001B\[31mError from server \(Forbidden\)/);
	});
});
