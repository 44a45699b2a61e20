// kpods' apply and the machine's real kubectl on one sandbox, each picking up after the other:
// what kpods applied, `kubectl apply -f` finds unchanged (exit 0, nothing on stderr); what
// kubectl applied from an edited copy, kpods brings back to the file. Skipped, saying so,
// where kubectl is not installed.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {CoreV1Api, KubeConfig} from '@kubernetes/client-node';
import {applyDocuments} from '../../source/actions/apply.js';
import {runPod} from '../../source/actions/run.js';
import {bundledManifestsDir, loadManifestDir} from '../../source/manifests/load.js';
import {parseManifest} from '../../source/manifests/parse.js';
import {startSandbox, type Sandbox} from '../../source/sandbox/index.js';

const repoRoot = dirname(bundledManifestsDir());
const timing = {scheduleMs: 5, pullMs: 5, startMs: 5, killMs: 5};
const inDefault = {namespace: 'default', contextNamespace: 'default'};

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs a command line in sh, asynchronously: the sandbox answering it lives in this very process. */
function shell(commandLine: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
	return new Promise(resolve => {
		execFile('/bin/sh', ['-c', commandLine], {cwd: repoRoot, env: {...process.env, ...env}, encoding: 'utf8'}, (error, stdout, stderr) => {
			resolve({code: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr});
		});
	});
}

const kubectlMissing = await shell('kubectl version --client').then(({code, stderr}) =>
	code === 0 ? false : `kubectl is not installed (or does not run here): ${stderr.trim().split('\n')[0]}`,
);

describe('apply: kpods and the real kubectl take turns on one object', {skip: kubectlMissing}, () => {
	let sandbox: Sandbox;
	let kc: KubeConfig;
	let core: CoreV1Api;
	let scratch: string;
	let env: NodeJS.ProcessEnv;
	before(async () => {
		sandbox = await startSandbox({timing});
		kc = new KubeConfig();
		kc.loadFromString(sandbox.kubeconfig());
		core = kc.makeApiClient(CoreV1Api);
		scratch = mkdtempSync(join(tmpdir(), 'kpods-interop-'));
		writeFileSync(join(scratch, 'kubeconfig'), sandbox.kubeconfig());
		env = {KUBECONFIG: join(scratch, 'kubeconfig')};
	});
	after(async () => {
		await sandbox.close();
		rmSync(scratch, {recursive: true, force: true});
	});

	test("kpods applies each tutorial file; the tutorial's own kubectl apply -f FILE then says unchanged, exit 0, nothing on stderr", async () => {
		const files = await loadManifestDir(bundledManifestsDir(), repoRoot);
		const {outcomes} = await applyDocuments(kc, files, inDefault);
		assert.ok(
			outcomes.every(outcome => outcome.result === 'created'),
			outcomes.map(outcome => outcome.line).join('\n'),
		);
		for (const outcome of outcomes) {
			const run = await shell(`kubectl apply -f ${outcome.file.displayPath}`, env);
			assert.deepEqual(run, {code: 0, stdout: `${outcome.ref} unchanged\n`, stderr: ''}, outcome.file.displayPath);
		}
	});

	test("kubectl applies an edited copy; kpods' dry run names the changed fields, then kpods brings the objects back to the files", async () => {
		const svcText = readFileSync(join(bundledManifestsDir(), 'svc-pod.yaml'), 'utf8');
		const podText = readFileSync(join(bundledManifestsDir(), 'pod-1.yaml'), 'utf8');
		// The edited copies: another targetPort and an extra label on the service, another image and
		// an extra label on the pod (a pod's containers take no other change).
		const editedSvc = svcText
			.replace('targetPort: 80', 'targetPort: 8080')
			.replace('    name: svc-pod', '    name: svc-pod\n    labels:\n        tier: edited');
		const editedPod = podText
			.replace('image: nginx', 'image: nginx:1.27')
			.replace('        app: pod-label', '        app: pod-label\n        tier: edited');
		writeFileSync(join(scratch, 'svc-pod.yaml'), editedSvc);
		writeFileSync(join(scratch, 'pod-1.yaml'), editedPod);
		const edited = await shell(`kubectl apply -f ${join(scratch, 'svc-pod.yaml')} -f ${join(scratch, 'pod-1.yaml')}`, env);
		assert.deepEqual(edited, {code: 0, stdout: 'service/svc-pod configured\npod/pod-1 configured\n', stderr: ''});

		const files = [join(bundledManifestsDir(), 'svc-pod.yaml'), join(bundledManifestsDir(), 'pod-1.yaml')].map(path =>
			parseManifest(readFileSync(path, 'utf8'), path, repoRoot),
		);
		const preview = await applyDocuments(kc, files, {...inDefault, dryRun: true});
		assert.deepEqual(
			preview.outcomes.map(outcome => [outcome.line, outcome.fields]),
			[
				['service/svc-pod configured (server dry run)', ['metadata.labels.tier', 'spec.ports[0].targetPort']],
				['pod/pod-1 configured (server dry run)', ['metadata.labels.tier', 'spec.containers[0].image']],
			],
		);
		assert.equal(preview.kubectl, 'kubectl apply -f manifests/svc-pod.yaml -f manifests/pod-1.yaml --dry-run=server');
		// The dry run changed nothing.
		assert.equal((await core.readNamespacedService({name: 'svc-pod', namespace: 'default'})).spec?.ports?.[0]?.targetPort, 8080);

		const applied = await applyDocuments(kc, files, inDefault);
		assert.deepEqual(
			applied.outcomes.map(outcome => outcome.line),
			['service/svc-pod configured', 'pod/pod-1 configured'],
		);
		const service = await core.readNamespacedService({name: 'svc-pod', namespace: 'default'});
		assert.equal(service.spec?.ports?.[0]?.targetPort, 80);
		assert.equal(service.metadata?.labels, undefined);
		const pod = await core.readNamespacedPod({name: 'pod-1', namespace: 'default'});
		assert.deepEqual([pod.spec?.containers[0]?.image, pod.metadata?.labels], ['nginx', {app: 'pod-label'}]);

		const again = await shell(
			`kubectl apply -f ${applied.kubectl
				.replace(/^kubectl apply -f /, '')
				.split(' -f ')
				.join(' -f ')}`,
			env,
		);
		assert.deepEqual(again, {code: 0, stdout: 'service/svc-pod unchanged\npod/pod-1 unchanged\n', stderr: ''});
	});

	test("kpods' dry run says what kubectl apply --dry-run=server says, warning included, and changes nothing", async () => {
		await runPod(kc, {namespace: 'default', name: 'made-by-run', image: 'nginx'}, inDefault);
		const text =
			'apiVersion: v1\nkind: Pod\nmetadata:\n  name: made-by-run\n  labels:\n    run: made-by-run\nspec:\n  containers:\n  - name: made-by-run\n    image: nginx\n';
		writeFileSync(join(scratch, 'made-by-run.yaml'), text);
		const file = parseManifest(text, join(scratch, 'made-by-run.yaml'), repoRoot);
		const preview = await applyDocuments(kc, [file], {...inDefault, dryRun: true});
		const kubectl = await shell(`kubectl apply -f ${join(scratch, 'made-by-run.yaml')} --dry-run=server`, env);
		assert.equal(kubectl.code, 0);
		assert.deepEqual(
			preview.outcomes.map(outcome => outcome.line),
			kubectl.stdout.trimEnd().split('\n'),
		);
		assert.deepEqual(
			preview.outcomes.map(outcome => outcome.warning),
			kubectl.stderr.trimEnd().split('\n'),
		);
		assert.deepEqual(preview.outcomes[0]?.fields, ['metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]']);
		const pod = await core.readNamespacedPod({name: 'made-by-run', namespace: 'default'});
		assert.equal(pod.metadata?.annotations, undefined);
	});

	test('twin pods, one applied by kubectl and one by kpods through five edits: they end the same, last-applied bytes included', async () => {
		const podFile = (name: string, step: number) => {
			const metadata =
				step === 1
					? ['  labels: {app: web, tier: front}', '  annotations: {note: a}', '  finalizers: [example.com/a]']
					: step === 2
						? ['  labels: {app: web}', '  annotations: {note: "<b> & c", other: x}', '  finalizers: [example.com/b]']
						: [];
			return [
				'apiVersion: v1',
				'kind: Pod',
				'metadata:',
				`  name: ${name}`,
				...metadata,
				'spec:',
				'  containers:',
				`  - name: web`,
				`    image: ${step === 2 ? 'nginx:1.27' : 'nginx'}`,
				'',
			].join('\n');
		};
		const comparable = async (name: string) => {
			const pod = await core.readNamespacedPod({name, namespace: 'default'});
			return JSON.stringify([
				pod.metadata?.labels,
				pod.metadata?.annotations,
				pod.metadata?.finalizers,
				pod.spec?.containers.map(container => container.image),
			]).replaceAll(name, 'NAME');
		};
		for (const [step, words] of [
			[1, 'created'],
			[2, 'configured'],
			[3, 'configured'],
			[1, 'configured'],
			[1, 'unchanged'],
		] as const) {
			writeFileSync(join(scratch, 'twin-kubectl.yaml'), podFile('twin-kubectl', step));
			assert.deepEqual(
				await shell(`kubectl apply -f ${join(scratch, 'twin-kubectl.yaml')}`, env),
				{code: 0, stdout: `pod/twin-kubectl ${words}\n`, stderr: ''},
				`step ${step}`,
			);
			const file = parseManifest(podFile('twin-kpods', step), join(scratch, 'twin-kpods.yaml'), repoRoot);
			assert.equal((await applyDocuments(kc, [file], inDefault)).outcomes[0]?.line, `pod/twin-kpods ${words}`);
			assert.equal(await comparable('twin-kpods'), await comparable('twin-kubectl'), `step ${step}`);
		}
	});
});
