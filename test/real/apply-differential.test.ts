// kpods' three-way patch against kubectl's own, on a real server (npm run test:real): the same
// sequence of edits to one Deployment file is applied to a twin object by the real kubectl and
// by kpods, with another hand changing both in between, and after every step the two objects
// must be the same (names aside) and both tools must have said the same word.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {applyDocuments} from '../../source/actions/apply.js';
import {ObjectClient} from '../../source/actions/object-client.js';
import {parseManifest} from '../../source/manifests/parse.js';
import {kubectlMissing, repoRoot, shell} from './kubectl-shell.js';
import {realNamespace, type RealNamespace} from './real-cluster.js';

function deployment(name: string, step: number): string {
	if (step === 3) {
		return deploymentStep3(name);
	}
	const first = step !== 2;
	return [
		'apiVersion: apps/v1',
		'kind: Deployment',
		'metadata:',
		`  name: ${name}`,
		'  labels:',
		'    app: web',
		...(first ? ['    tier: front'] : []),
		'spec:',
		'  replicas: 1',
		'  selector:',
		'    matchLabels:',
		'      app: web',
		`      twin: ${name}`,
		'  strategy:',
		...(first ? ['    type: RollingUpdate', '    rollingUpdate:', '      maxSurge: 1'] : ['    type: Recreate']),
		'  template:',
		'    metadata:',
		'      labels:',
		'        app: web',
		`        twin: ${name}`,
		'    spec:',
		'      containers:',
		...(first
			? [
					'      - name: web',
					'        image: nginx',
					'        env:',
					'        - {name: A, value: "1"}',
					'        - {name: B, value: "2"}',
					'        ports:',
					'        - containerPort: 80',
					'        - containerPort: 443',
					'      - name: side',
					'        image: busybox',
					'        args: ["sleep", "1d"]',
				]
			: [
					'      - name: side',
					'        image: busybox',
					'        args: ["sleep", "2d"]',
					'      - name: web',
					'        image: nginx:1.27',
					'        env:',
					'        - {name: B, value: "2"}',
					'        ports:',
					'        - containerPort: 80',
					'        volumeMounts:',
					'        - {name: cache, mountPath: /cache}',
					'      volumes:',
					'      - name: cache',
					'        emptyDir: {}',
				]),
		'',
	].join('\n');
}

/** One container left, a volume source switched (retainKeys), annotations, a finalizer, resources. */
function deploymentStep3(name: string): string {
	return [
		'apiVersion: apps/v1',
		'kind: Deployment',
		'metadata:',
		`  name: ${name}`,
		'  annotations:',
		'    note: "<b> & more"',
		'  finalizers:',
		'  - example.com/keep',
		'spec:',
		'  replicas: 2',
		'  selector:',
		'    matchLabels:',
		'      app: web',
		`      twin: ${name}`,
		'  strategy:',
		'    type: Recreate',
		'  template:',
		'    metadata:',
		'      labels:',
		'        app: web',
		`        twin: ${name}`,
		'    spec:',
		'      containers:',
		'      - name: web',
		'        image: nginx:1.27',
		'        resources:',
		'          limits: {cpu: 500m, memory: 128Mi}',
		'        volumeMounts:',
		'        - {name: cache, mountPath: /cache}',
		'      volumes:',
		'      - name: cache',
		'        hostPath: {path: /tmp/cache}',
		'',
	].join('\n');
}

/** What both objects must agree on: spec, labels, annotations but kubectl's own (which names the object). */
function comparable(object: {metadata: {labels?: unknown; annotations?: Record<string, string>}; spec?: unknown}, name: string): string {
	const {
		'kubectl.kubernetes.io/last-applied-configuration': lastApplied,
		'deployment.kubernetes.io/revision': _revision,
		...annotations
	} = object.metadata.annotations ?? {};
	return JSON.stringify({labels: object.metadata.labels, annotations, lastApplied, spec: object.spec}).replaceAll(name, 'NAME');
}

describe("apply: kpods' patches against kubectl's on twin Deployments", {skip: kubectlMissing}, () => {
	let ns: RealNamespace;
	let scratch: string;
	let client: ObjectClient;
	let served = true;
	before(async () => {
		ns = await realNamespace('apply-diff');
		scratch = mkdtempSync(join(tmpdir(), 'kpods-real-diff-'));
		client = ObjectClient.forConfig(ns.kc);
		served = (await client.mapping('apps/v1', 'Deployment')) !== undefined;
	});
	after(async () => {
		// The finalizer of step 3 would hold the objects (and the namespace) forever.
		for (const name of ['by-kubectl', 'by-kpods']) {
			await shell(`kubectl patch deployment ${name} -n ${ns?.name} --type=merge -p '{"metadata":{"finalizers":null}}'`);
		}
		await ns?.remove();
		rmSync(scratch, {recursive: true, force: true});
	});

	test("create; edit (env var, port, rollingUpdate dropped, containers reordered, a volume added); edit (a container dropped, the volume's source switched, annotations, a finalizer); back again; a label from another hand kept", {
		timeout: 120_000,
	}, async t => {
		if (!served) {
			return t.skip('the server serves no apps/v1 Deployment');
		}
		const path = (name: string) => `/apis/apps/v1/namespaces/${ns.name}/deployments/${name}`;
		const steps = [
			[1, 'created'],
			[2, 'configured'],
			[3, 'configured'],
			[2, 'configured'],
			[1, 'configured'],
			[1, 'unchanged'],
		] as const;
		for (const [index, [step, words]] of steps.entries()) {
			writeFileSync(join(scratch, 'by-kubectl.yaml'), deployment('by-kubectl', step));
			const kubectl = await shell(`kubectl apply -f ${join(scratch, 'by-kubectl.yaml')} -n ${ns.name}`);
			assert.deepEqual(
				[kubectl.code, kubectl.stdout, kubectl.stderr],
				[0, `deployment.apps/by-kubectl ${words}\n`, ''],
				`kubectl, step ${step}`,
			);
			const text = deployment('by-kpods', step);
			const {outcomes} = await applyDocuments(ns.kc, [parseManifest(text, join(scratch, 'by-kpods.yaml'), repoRoot)], {
				namespace: ns.name,
				contextNamespace: 'default',
			});
			assert.equal(outcomes[0]?.line, `deployment.apps/by-kpods ${words}`);
			const [theirs, ours] = await Promise.all([client.get(path('by-kubectl')), client.get(path('by-kpods'))]);
			assert.equal(comparable(ours as never, 'by-kpods'), comparable(theirs as never, 'by-kubectl'), `step ${step}`);
			// After the first edit the label from another hand is still there (step 3 drops the whole
			// labels map from the file, and with it, in both, every label).
			if (index === 1) {
				assert.equal((ours.metadata.labels as Record<string, string>)['owner'], 'ops');
			}
			if (words === 'created') {
				// Another hand labels both: neither apply may take the label away.
				for (const name of ['by-kubectl', 'by-kpods']) {
					assert.equal((await shell(`kubectl label deployment ${name} owner=ops -n ${ns.name}`)).code, 0);
				}
			}
		}
	});
});
