// The kubectl line shown with each action, run for real: on one sandbox kpods acts, on a
// twin sandbox the very command kpods shows is run through a shell; both must print the
// same lines. Skipped, saying so, where kubectl is not installed.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {KubeConfig} from '@kubernetes/client-node';
import {applyDocuments} from '../../source/actions/apply.js';
import {deleteObject} from '../../source/actions/delete.js';
import {runPod} from '../../source/actions/run.js';
import {bundledManifestsDir, loadManifestDir} from '../../source/manifests/load.js';
import {startSandbox, type Sandbox} from '../../source/sandbox/index.js';

const repoRoot = dirname(bundledManifestsDir());
const timing = {scheduleMs: 5, pullMs: 5, startMs: 5, killMs: 5};
const context = {contextNamespace: 'default'};

/** Runs a command line in sh, asynchronously: the sandbox answering it lives in this very process. */
function shell(commandLine: string, env: NodeJS.ProcessEnv): Promise<{code: number; output: string}> {
	return new Promise(resolve => {
		execFile('/bin/sh', ['-c', commandLine], {cwd: repoRoot, env: {...process.env, ...env}, encoding: 'utf8'}, (error, stdout, stderr) => {
			resolve({code: typeof error?.code === 'number' ? error.code : error ? -1 : 0, output: `${stdout}${stderr}`});
		});
	});
}

const kubectlMissing = await shell('kubectl version --client', {}).then(({code, output}) =>
	code === 0 ? false : `kubectl is not installed (or does not run here): ${output.trim().split('\n')[0]}`,
);

describe('the kubectl shown with each action prints what kpods prints', {skip: kubectlMissing}, () => {
	let ours: Sandbox;
	let theirs: Sandbox;
	let kc: KubeConfig;
	let scratch: string;
	let kubeconfig: string;
	before(async () => {
		[ours, theirs] = await Promise.all([startSandbox({timing}), startSandbox({timing})]);
		kc = new KubeConfig();
		kc.loadFromString(ours.kubeconfig());
		scratch = mkdtempSync(join(tmpdir(), 'kpods-kubectl-'));
		kubeconfig = join(scratch, 'kubeconfig');
		writeFileSync(kubeconfig, theirs.kubeconfig());
	});
	after(async () => {
		await Promise.all([ours.close(), theirs.close()]);
		rmSync(scratch, {recursive: true, force: true});
	});

	async function kubectlSays(commandLine: string): Promise<string[]> {
		const {output} = await shell(commandLine, {KUBECONFIG: kubeconfig});
		// kubectl 1.33+ adds where a deleted object was; the words before are the same.
		return output
			.trimEnd()
			.split('\n')
			.map(line => line.replace(/ deleted from \S+ namespace$/, ' deleted'));
	}

	test('run, run again, run with an invalid name', async () => {
		for (const name of ['testando', 'testando', 'bad_name']) {
			const result = await runPod(kc, {namespace: 'default', name, image: 'nginx'}, context);
			assert.deepEqual(await kubectlSays(result.kubectl), result.lines, result.kubectl);
		}
	});

	test('apply all in the tutorial order, then again', async () => {
		const files = await loadManifestDir(bundledManifestsDir(), repoRoot);
		for (let round = 0; round < 2; round++) {
			const {outcomes, kubectl} = await applyDocuments(kc, files, {namespace: 'default', ...context});
			assert.deepEqual(
				await kubectlSays(kubectl),
				outcomes.map(outcome => outcome.line),
				kubectl,
			);
		}
	});

	test('delete a pod and a service', async () => {
		for (const target of [
			{kind: 'Pod', name: 'testando'},
			{kind: 'Service', name: 'svc-pod'},
		] as const) {
			const result = await deleteObject(kc, {...target, namespace: 'default'}, context);
			assert.deepEqual(await kubectlSays(result.kubectl), result.lines, result.kubectl);
		}
	});
});
