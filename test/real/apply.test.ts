// Apply on a real cluster (npm run test:real): kpods' dry run and apply, and the machine's real
// kubectl taking turns with it on the same objects, in a namespace of its own that is removed
// afterwards. The kubectl lines run are the very ones kpods shows.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {applyDocuments} from '../../source/actions/apply.js';
import {runPod} from '../../source/actions/run.js';
import {bundledManifestsDir, loadManifestDir} from '../../source/manifests/load.js';
import {parseManifest} from '../../source/manifests/parse.js';
import {kubectlMissing, repoRoot, shell} from './kubectl-shell.js';
import {realNamespace, type RealNamespace} from './real-cluster.js';

// The tutorial's files but the NodePort service: its fixed port 30000 is cluster-wide, and the
// tutorial test (test/real/tutorial.test.ts) takes it.
const tutorialFiles = async () =>
	(await loadManifestDir(bundledManifestsDir(), repoRoot)).filter(file => !file.displayPath.endsWith('svc-pod2.yaml'));

describe('apply on a real cluster, with the real kubectl', {skip: kubectlMissing}, () => {
	let ns: RealNamespace;
	let scratch: string;
	let where: {namespace: string; contextNamespace: string};
	before(async () => {
		ns = await realNamespace('apply');
		scratch = mkdtempSync(join(tmpdir(), 'kpods-real-apply-'));
		where = {namespace: ns.name, contextNamespace: 'default'};
	});
	after(async () => {
		await ns?.remove();
		rmSync(scratch, {recursive: true, force: true});
	});

	test("the tutorial's manifests exactly as written: the dry run creates all and keeps nothing, then they apply", {
		timeout: 60_000,
	}, async () => {
		const files = await tutorialFiles();
		const preview = await applyDocuments(ns.kc, files, {...where, dryRun: true});
		assert.deepEqual(
			preview.outcomes.map(outcome => outcome.line),
			[
				'service/svc-pod created (server dry run)',
				'pod/o-primeiro-pod created (server dry run)',
				'pod/pod-1 created (server dry run)',
				'pod/pod-2 created (server dry run)',
			],
		);
		assert.equal((await ns.core.listNamespacedPod({namespace: ns.name})).items.length, 0);
		const applied = await applyDocuments(ns.kc, files, where);
		assert.deepEqual(
			applied.outcomes.map(outcome => outcome.line),
			['service/svc-pod created', 'pod/o-primeiro-pod created', 'pod/pod-1 created', 'pod/pod-2 created'],
		);
		assert.equal(
			applied.kubectl,
			`kubectl apply -f manifests/svc-pod.yaml -f manifests/o_primeiro_pod.yaml -f manifests/pod-1.yaml -f manifests/pod-2.yaml -n ${ns.name}`,
		);
	});

	test('after kpods applied each file, the kubectl apply -f FILE it shows says unchanged, exit 0, nothing on stderr', {
		timeout: 60_000,
	}, async () => {
		for (const file of await tutorialFiles()) {
			const {outcomes, kubectl} = await applyDocuments(ns.kc, [file], where);
			assert.equal(outcomes[0]?.result, 'unchanged', outcomes[0]?.line);
			assert.deepEqual(await shell(kubectl), {code: 0, stdout: `${outcomes[0]!.ref} unchanged\n`, stderr: ''}, kubectl);
		}
	});

	test("kubectl applies an edited copy; kpods' dry run names the changed fields; kpods brings the objects back to the files", {
		timeout: 60_000,
	}, async () => {
		const svcText = readFileSync(join(bundledManifestsDir(), 'svc-pod.yaml'), 'utf8');
		const podText = readFileSync(join(bundledManifestsDir(), 'pod-1.yaml'), 'utf8');
		writeFileSync(
			join(scratch, 'svc-pod.yaml'),
			svcText
				.replace('targetPort: 80', 'targetPort: 8080')
				.replace('    name: svc-pod', '    name: svc-pod\n    labels:\n        tier: edited'),
		);
		writeFileSync(
			join(scratch, 'pod-1.yaml'),
			podText
				.replace('image: nginx', 'image: nginx:1.27')
				.replace('        app: pod-label', '        app: pod-label\n        tier: edited'),
		);
		const edited = await shell(`kubectl apply -f ${join(scratch, 'svc-pod.yaml')} -f ${join(scratch, 'pod-1.yaml')} -n ${ns.name}`);
		assert.deepEqual(edited, {code: 0, stdout: 'service/svc-pod configured\npod/pod-1 configured\n', stderr: ''});

		const files = [join(bundledManifestsDir(), 'svc-pod.yaml'), join(bundledManifestsDir(), 'pod-1.yaml')].map(path =>
			parseManifest(readFileSync(path, 'utf8'), path, repoRoot),
		);
		const preview = await applyDocuments(ns.kc, files, {...where, dryRun: true});
		assert.deepEqual(
			preview.outcomes.map(outcome => [outcome.line, outcome.fields]),
			[
				['service/svc-pod configured (server dry run)', ['metadata.labels.tier', 'spec.ports[0].targetPort']],
				['pod/pod-1 configured (server dry run)', ['metadata.labels.tier', 'spec.containers[0].image']],
			],
		);
		// kubectl's own dry run of the same says the same.
		assert.deepEqual(await shell(preview.kubectl), {
			code: 0,
			stdout: `${preview.outcomes.map(outcome => outcome.line).join('\n')}\n`,
			stderr: '',
		});

		const applied = await applyDocuments(ns.kc, files, where);
		assert.deepEqual(
			applied.outcomes.map(outcome => outcome.line),
			['service/svc-pod configured', 'pod/pod-1 configured'],
		);
		const service = await ns.core.readNamespacedService({name: 'svc-pod', namespace: ns.name});
		assert.deepEqual([service.spec?.ports?.[0]?.targetPort, service.metadata?.labels], [80, undefined]);
		const pod = await ns.core.readNamespacedPod({name: 'pod-1', namespace: ns.name});
		assert.deepEqual([pod.spec?.containers[0]?.image, pod.metadata?.labels], ['nginx', {app: 'pod-label'}]);
		assert.deepEqual(await shell(applied.kubectl), {code: 0, stdout: 'service/svc-pod unchanged\npod/pod-1 unchanged\n', stderr: ''});
	});

	test("a manifest with a typo, a wrong type and a missing name: kpods refuses it in kubectl's words (client-side validation where the server cannot validate)", {
		timeout: 60_000,
	}, async () => {
		const text =
			'apiVersion: v1\nkind: Pod\nmetadata:\n  name: typo\nspec:\n  containers:\n  - name: c\n    image: nginx\n    imagee: x\n    ports:\n    - containerPort: [80]\n  - image: busybox\n';
		writeFileSync(join(scratch, 'typo.yaml'), text);
		const file = parseManifest(text, join(scratch, 'typo.yaml'), repoRoot);
		for (const dryRun of [true, false]) {
			const {outcomes, kubectl} = await applyDocuments(ns.kc, [file], {...where, dryRun});
			assert.equal(outcomes[0]?.result, 'error');
			const run = await shell(kubectl);
			assert.deepEqual([run.code, run.stdout, run.stderr], [1, '', `${outcomes[0]!.line}\n`], kubectl);
		}
		assert.equal(
			await ns.core.readNamespacedPod({name: 'typo', namespace: ns.name}).then(
				() => 200,
				(error: {code?: number}) => error.code,
			),
			404,
		);
	});

	test("an object kubectl apply did not make (kubectl run): kubectl's warning, then the annotation is added", {
		timeout: 60_000,
	}, async () => {
		await runPod(ns.kc, {namespace: ns.name, name: 'made-by-run', image: 'nginx'}, where);
		const text =
			'apiVersion: v1\nkind: Pod\nmetadata:\n  name: made-by-run\n  labels:\n    run: made-by-run\nspec:\n  containers:\n  - name: made-by-run\n    image: nginx\n';
		writeFileSync(join(scratch, 'made-by-run.yaml'), text);
		const file = parseManifest(text, join(scratch, 'made-by-run.yaml'), repoRoot);
		const preview = await applyDocuments(ns.kc, [file], {...where, dryRun: true});
		const kubectl = await shell(preview.kubectl);
		assert.deepEqual(
			[kubectl.code, kubectl.stdout, kubectl.stderr],
			[0, `${preview.outcomes[0]!.line}\n`, `${preview.outcomes[0]!.warning}\n`],
		);
		const applied = await applyDocuments(ns.kc, [file], where);
		assert.equal(applied.outcomes[0]?.line, 'pod/made-by-run configured');
		assert.deepEqual(await shell(applied.kubectl), {code: 0, stdout: 'pod/made-by-run unchanged\n', stderr: ''});
	});
});
