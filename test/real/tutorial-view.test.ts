// The tutorial view on a real cluster (npm run test:real): kpods' whole app on a KubeCluster in a
// namespace of its own, the tutorial opened with t and done step by step with Enter and y, each
// ✓ read off the frame as the real control plane brings the objects up; steps 10 and 11 say why
// kpods cannot check them. The namespace (and the cluster-wide NodePort 30000) is freed after.
import '../ui/force-color.js';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {type Connection, loadKubeconfig} from '../../source/cluster/kubeconfig.js';
import {bundledManifestsDir, loadManifestDir} from '../../source/manifests/load.js';
import {keys, renderApp, type Rendered} from '../ui/harness.js';
import {waitFor} from '../wait-for.js';
import {realNamespace, type RealNamespace} from './real-cluster.js';

// A real control plane schedules, starts and deletes in seconds, not milliseconds.
const patience = 90_000;
const stepLine = (mark: string, number: number) => new RegExp(`^⟦?${mark} ${String(number).padStart(2)}  `, 'm');

describe('the tutorial view on a real cluster', () => {
	let ns: RealNamespace;
	let cluster: KubeCluster;
	let app: Rendered;

	// The tutorial's memory file in a temporary state home, not the user's.
	const stateHome = mkdtempSync(join(tmpdir(), 'kpods-real-state-'));
	const formerStateHome = process.env['XDG_STATE_HOME'];

	before(async () => {
		process.env['XDG_STATE_HOME'] = stateHome;
		ns = await realNamespace('tutorial-view');
		const loaded = await loadKubeconfig({env: process.env});
		assert.equal(loaded.kind, 'ok', JSON.stringify(loaded));
		if (loaded.kind === 'ok') {
			cluster = new KubeCluster(loaded.connection, {namespace: ns.name});
		}
	});

	after(async () => {
		app?.unmount();
		cleanup();
		cluster?.close();
		await ns?.core.deleteNamespacedService({name: 'svc-pod2', namespace: ns.name}).catch(() => undefined);
		await ns?.remove();
		if (formerStateHome === undefined) {
			delete process.env['XDG_STATE_HOME'];
		} else {
			process.env['XDG_STATE_HOME'] = formerStateHome;
		}
		rmSync(stateHome, {recursive: true, force: true});
	});

	test('every step with Enter on the real cluster, each ✓ seen', {timeout: patience * 10}, async () => {
		const files = await loadManifestDir(bundledManifestsDir());
		app = await renderApp({cluster, loadManifests: async () => ({files}), columns: 130, rows: 34, keepTutorialMemory: true});
		const see = (pattern: RegExp, what: string) => waitFor(() => pattern.test(app.frame()), what, patience);
		const done = (number: number) => see(stepLine('✓', number), `✓ on step ${number}`);
		const select = async (number: number) => {
			await app.press(keys.down);
			await see(new RegExp(`^${number}\\. `, 'm'), `step ${number} selected`);
		};

		await app.press('t');
		await see(new RegExp(`in namespace ${ns.name}`), 'the tutorial, in the test namespace');
		await app.press(keys.enter);
		await done(1);

		// 2-3: the run prompt filled in; the pod comes up on the real node.
		await app.press(keys.enter);
		await see(/nginx/, 'the run prompt');
		await app.press(keys.enter);
		await see(/^⟦?testando +1\/1 +Running /m, 'testando Running');
		await app.press('t');
		await done(2);
		await done(3);

		// 4: its describe; 5: the delete question, y, and the pod gone from the cluster.
		await select(3);
		await select(4);
		await app.press(keys.enter);
		await see(/^Name: +testando/m, "testando's describe");
		await app.press(keys.escape);
		await done(4);
		await select(5);
		await app.press(keys.enter, 'y');
		await done(5);

		// 6, 7: the dry run of the step's manifests, y applies them in the test's namespace.
		for (const number of [6, 7]) {
			await select(number);
			await app.press(keys.enter);
			await see(/--dry-run=server/, `the dry run of step ${number}`);
			await app.press('y');
			await done(number);
		}
		await done(8);
		assert.match(app.frame(), /pod-1 \d+\.\d+\.\d+\.\d+ · svc-pod \d+\.\d+\.\d+\.\d+/);

		// 9: NodePort 30000 is the whole cluster's: wait until no other test holds it.
		await waitFor(
			async () => {
				const services = await ns.core.listServiceForAllNamespaces();
				return !services.items.some(service => service.spec?.ports?.some(port => port.nodePort === 30000));
			},
			'node port 30000 free',
			patience,
		);
		await select(8);
		await select(9);
		await app.press(keys.enter);
		await see(/--dry-run=server/, 'the dry run of step 9');
		await app.press('y');
		await done(9);

		// 10, 11: kpods cannot see traffic or a shell's commands, and says so (the node's address from the cluster).
		await select(10);
		const nodes = await ns.core.listNode();
		const address = nodes.items[0]?.status?.addresses?.find(entry => entry.type === 'InternalIP')?.address;
		await see(new RegExp(`kpods cannot check this: open http://${address?.replaceAll('.', '\\.')}:30000`), 'step 10 says why');
		assert.match(app.frame(), stepLine('–', 10));
		await select(11);
		await see(/kpods cannot check this: it does not see what you type in the shell of o-primeiro-pod/, 'step 11 says why');
		assert.match(app.frame(), /⟦ t Tutorial 9\/11 ⟧/);
	});

	test('kpods started again on the same namespace: testando, long deleted, still ticks steps 1-5 from the state file', async () => {
		app.unmount();
		cleanup();
		const loaded = await loadKubeconfig({env: process.env});
		assert.equal(loaded.kind, 'ok');
		const again = new KubeCluster((loaded as {connection: Connection}).connection, {namespace: ns.name});
		try {
			app = await renderApp({cluster: again, loadManifests: async () => ({files: []}), columns: 130, rows: 34, keepTutorialMemory: true});
			await app.press('t');
			await waitFor(() => /⟦ t Tutorial 9\/11 ⟧/.test(app.frame()), 'nine steps done, as before the restart', patience);
			for (const number of [1, 2, 3, 4, 5]) {
				assert.match(app.frame(), stepLine('✓', number), `step ${number}`);
			}
			assert.match(app.frame(), /testando is gone/);
		} finally {
			again.close();
		}
	});
});
