// The tutorial pane (`t`): golden frames in both languages, Enter on each step opening what its
// own key opens (filled in), --readonly, and ✓ appearing when the stores change.
import '../ui/force-color.js';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {serviceRow} from '../../source/format/service.js';
import {setLanguage} from '../../source/i18n/index.js';
import {bundledManifestsDir, loadManifestDir} from '../../source/manifests/load.js';
import {FakeCluster} from '../ui/fake-cluster.js';
import {assertGolden} from '../ui/golden.js';
import {keys, renderApp, waitFor} from '../ui/harness.js';
import {minikube, slice, svcPod, svcPod2, tutorialPod, tutorialPods} from '../ui/tutorial-objects.js';

afterEach(() => {
	cleanup();
	setLanguage('en');
});

const files = await loadManifestDir(bundledManifestsDir());

/** The tutorial half done: testando still crash-looping, svc-pod serving pod-1, svc-pod2 with no endpoint yet. */
function halfDone(): FakeCluster {
	const cluster = new FakeCluster({}, tutorialPods());
	cluster.services.set([serviceRow(svcPod), serviceRow(svcPod2)]);
	cluster.endpoints.set([slice('svc-pod', [{ip: '172.17.0.4', pod: 'pod-1', ready: true}], 80)]);
	cluster.setNodes([minikube]);
	return cluster;
}

const calls = (cluster: FakeCluster, method: string) => cluster.calls.filter(call => call.method === method).map(call => call.args);

describe('tutorial pane: golden frames', () => {
	for (const language of ['en', 'pt-BR'] as const) {
		for (const [columns, rows] of [
			[80, 24],
			[120, 32],
		] as const) {
			test(`${language} at ${columns}x${rows}`, async () => {
				setLanguage(language);
				const app = await renderApp({cluster: halfDone(), loadManifests: async () => ({files}), columns, rows});
				await app.press('t');
				await app.press(keys.down, keys.down, keys.down, keys.down, keys.down, keys.down);
				await waitFor(() => app.frame().includes('$ kubectl apply -f svc-pod.yaml'), 'step 7 spelled out');
				assertGolden(`tutorial-${language}-${columns}x${rows}`, app.lastFrame()!);
			});
		}
	}
});

describe('tutorial pane: Enter does the step', () => {
	test(':tutorial opens it; the tab shows the progress', async () => {
		const app = await renderApp({cluster: halfDone(), loadManifests: async () => ({files}), columns: 100, rows: 24});
		await app.press(':', ...'tutorial', keys.enter);
		await waitFor(() => /⟦ t Tutorial 4\/11 ⟧/.test(app.frame()), 'the tutorial tab, 4 of 11 done');
	});

	test('step 1 moves on; step 2 opens the run prompt filled in with testando and nginx, Enter runs it', async () => {
		const cluster = new FakeCluster();
		const app = await renderApp({cluster, loadManifests: async () => ({files}), columns: 100, rows: 24});
		await app.press('t', keys.enter);
		await waitFor(() => /^⟦○ {2}2 +Run a pod: testando/m.test(app.frame()), 'step 2 selected');
		assert.match(app.frame(), /^✓ {2}1 +What a pod is/m);
		await app.press(keys.enter);
		await waitFor(() => app.frame().includes('testando') && app.frame().includes('nginx') && /name/.test(app.frame()), 'the run prompt');
		await app.press(keys.enter);
		await waitFor(() => calls(cluster, 'runPod').length === 1, 'the pod run');
		assert.deepEqual(calls(cluster, 'runPod'), [['default', 'testando', 'nginx']]);
	});

	test('the ✓ follows the stores: testando comes up, is described, then deleted (as kubectl elsewhere would)', async () => {
		const cluster = new FakeCluster();
		const app = await renderApp({cluster, loadManifests: async () => ({files}), columns: 100, rows: 24});
		await app.press('t', keys.down, keys.down);
		await waitFor(() => /^⟦○ {2}3 +Watch it start +no pod testando yet/m.test(app.frame()), 'step 3 pending');
		cluster.setPods([tutorialPod('container-creating', 'testando', {run: 'testando'})]);
		await waitFor(() => /^✓ {2}2 +Run a pod/m.test(app.frame()) && /testando: ContainerCreating/.test(app.frame()), 'step 2 done');
		cluster.setPods([tutorialPod('running', 'testando', {run: 'testando'}, [], '172.17.0.6')]);
		await waitFor(() => /^⟦✓ {2}3 +Watch it start/m.test(app.frame()), 'step 3 done');
		await app.press(keys.down, keys.enter);
		await waitFor(() => calls(cluster, 'watchPod').some(args => args[1] === 'testando'), "testando's describe opened");
		await app.press(keys.escape, keys.down, keys.enter);
		await waitFor(() => /delete pod "?testando"?/i.test(app.frame()), 'the delete question');
		await app.press('y');
		await waitFor(() => calls(cluster, 'deleteObject').length === 1, 'the delete');
		assert.deepEqual(calls(cluster, 'deleteObject'), [['Pod', 'default', 'testando']]);
		cluster.setPods([]);
		await waitFor(() => /^⟦✓ {2}5 +Delete it +testando is gone/m.test(app.frame()), 'step 5 done');
		assert.match(app.frame(), /^✓ {2}4 +Describe it/m);
		assert.match(app.frame(), /^✓ {2}3 +Watch it start/m, 'a pod gone takes no step back');
	});

	test('an apply step shows the dry run of its files, the service first, and y applies them', async () => {
		const cluster = halfDone();
		const app = await renderApp({cluster, loadManifests: async () => ({files}), columns: 100, rows: 30});
		await app.press('t', keys.down, keys.down, keys.down, keys.down, keys.down, keys.down, keys.down, keys.down);
		await waitFor(() => /^⟦○ {2}9 +A NodePort service/m.test(app.frame()), 'step 9 selected');
		await app.press(keys.enter);
		await waitFor(() => calls(cluster, 'applyDryRun').length === 1, 'the dry run');
		assert.deepEqual(calls(cluster, 'applyDryRun'), [[['manifests/svc-pod2.yaml', 'manifests/pod-2.yaml']]]);
		await app.press('y');
		await waitFor(() => calls(cluster, 'apply').length === 1, 'the apply');
		assert.deepEqual(calls(cluster, 'apply'), [[['manifests/svc-pod2.yaml', 'manifests/pod-2.yaml']]]);
		assert.match(app.frame(), /⟦ t Tutorial/);
	});

	test('step 10 goes to svc-pod2 in the services pane; step 11 opens a shell in o-primeiro-pod', async () => {
		const cluster = halfDone();
		const app = await renderApp({cluster, loadManifests: async () => ({files}), columns: 120, rows: 30});
		await app.press('t', 'G', keys.up, keys.enter);
		await waitFor(() => /⟦ 2 Services/.test(app.frame()) && /^⟦svc-pod2 /m.test(app.frame()), 'svc-pod2 selected');
		await app.press('t', 'G', keys.enter);
		await waitFor(() => calls(cluster, 'openShell').length === 1, 'the shell');
		assert.equal((calls(cluster, 'openShell')[0]![0] as {pod: string}).pod, 'o-primeiro-pod');
	});

	test('--readonly refuses the steps that change the cluster, and still shows the others', async () => {
		const cluster = new FakeCluster();
		const app = await renderApp({cluster, loadManifests: async () => ({files}), columns: 100, rows: 24, readonly: true});
		await app.press('t', keys.down, keys.enter);
		await waitFor(() => app.frame().includes('read-only mode (--readonly): this step changes the cluster'), 'the refusal');
		await app.press(keys.down, keys.enter);
		await waitFor(() => /⟦ 1 Pods/.test(app.frame()), 'the pods pane');
		assert.deepEqual(calls(cluster, 'runPod'), []);
	});
});

describe('tutorial pane: its memory outlives kpods, per cluster and namespace', () => {
	// A temporary HOME for the state file: kpods reads XDG_STATE_HOME when it mounts.
	const stateHome = mkdtempSync(join(tmpdir(), 'kpods-tutorial-state-'));
	const before = process.env['XDG_STATE_HOME'];
	process.env['XDG_STATE_HOME'] = stateHome;
	after(() => {
		process.env['XDG_STATE_HOME'] = before;
		if (before === undefined) {
			delete process.env['XDG_STATE_HOME'];
		}
		rmSync(stateHome, {recursive: true, force: true});
	});
	const done = (frame: string, step: number) => new RegExp(`^⟦?✓ {2}${step} `, 'm').test(frame);

	test('testando run and deleted, then kpods restarted: the steps stay ticked; another namespace starts over, and going back finds them', async () => {
		const cluster = new FakeCluster();
		const first = await renderApp({cluster, loadManifests: async () => ({files}), columns: 100, rows: 24, keepTutorialMemory: true});
		await first.press('t', keys.down);
		cluster.setPods([tutorialPod('running', 'testando', {run: 'testando'}, [], '172.17.0.6')]);
		await waitFor(() => done(first.frame(), 3), 'testando seen running');
		cluster.setPods([]);
		await waitFor(() => done(first.frame(), 5), 'testando gone');
		const saved = JSON.parse(readFileSync(join(stateHome, 'kpods', 'tutorial.json'), 'utf8')).entries;
		assert.deepEqual(Object.keys(saved), ['minikube https://192.168.49.2:8443 default']);
		cleanup();

		const restarted = await renderApp({
			cluster: new FakeCluster(),
			loadManifests: async () => ({files}),
			columns: 100,
			rows: 24,
			keepTutorialMemory: true,
		});
		await restarted.press('t');
		await waitFor(() => /⟦ t Tutorial 4\/11 ⟧/.test(restarted.frame()), 'the progress of the last run');
		for (const step of [1, 2, 3, 5]) {
			assert.ok(done(restarted.frame(), step), `step ${step} still ticked:\n${restarted.frame()}`);
		}

		await restarted.press(':', ...'ns demo', keys.enter, 't');
		await waitFor(() => / ns demo /.test(restarted.frame()) && /⟦ t Tutorial 0\/11 ⟧/.test(restarted.frame()), 'demo starts over');
		await restarted.press(':', ...'ns default', keys.enter, 't');
		await waitFor(() => / ns default /.test(restarted.frame()) && /⟦ t Tutorial 4\/11 ⟧/.test(restarted.frame()), 'default remembered');
	});

	test('without the state file (tests, and before this) a restart starts over', async () => {
		const app = await renderApp({cluster: new FakeCluster(), loadManifests: async () => ({files}), columns: 100, rows: 24});
		await app.press('t');
		await waitFor(() => /⟦ t Tutorial 0\/11 ⟧/.test(app.frame()), 'nothing remembered');
	});

	test("a state file that is not kpods' is ignored: the tutorial opens, empty, and the file is replaced when there is something to keep", async () => {
		mkdirSync(join(stateHome, 'kpods'), {recursive: true});
		writeFileSync(
			join(stateHome, 'kpods', 'tutorial.json'),
			'{"version": 1, "entries": {"minikube https://192.168.49.2:8443 other": {"memory": 7}',
		);
		const cluster = new FakeCluster({namespace: 'other'});
		const app = await renderApp({cluster, loadManifests: async () => ({files}), columns: 100, rows: 24, keepTutorialMemory: true});
		await app.press('t');
		await waitFor(() => /⟦ t Tutorial 0\/11 ⟧/.test(app.frame()), 'the tutorial, nothing remembered');
		await app.press(keys.down);
		await waitFor(() => done(app.frame(), 1), 'step 1 read');
		await waitFor(() => {
			try {
				return JSON.parse(readFileSync(join(stateHome, 'kpods', 'tutorial.json'), 'utf8')).version === 1;
			} catch {
				return false;
			}
		}, 'a good file written');
	});
});
