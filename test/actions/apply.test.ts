import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {KubeConfig} from '@kubernetes/client-node';
import {applyDocuments, kubectlRef} from '../../source/actions/apply.js';
import {bundledManifestsDir, loadManifestDir} from '../../source/manifests/load.js';
import {parseManifest} from '../../source/manifests/parse.js';
import type {ManifestFile} from '../../source/manifests/types.js';
import {startTestCluster, statusOf, type TestCluster} from './with-sandbox.js';

const repoRoot = dirname(bundledManifestsDir());
const inDefault = {namespace: 'default', contextNamespace: 'default'};

function bundled(name: string): string {
	return readFileSync(join(bundledManifestsDir(), name), 'utf8');
}

/** A manifest as if it were a file in the repository's manifests/ folder. */
function manifest(name: string, text: string): ManifestFile {
	return parseManifest(text, join(repoRoot, 'manifests', name), repoRoot);
}

describe('applyDocuments: the tutorial manifests on the sandbox', () => {
	let cluster: TestCluster;
	let files: ManifestFile[];
	before(async () => {
		cluster = await startTestCluster();
		files = await loadManifestDir(bundledManifestsDir(), repoRoot);
	});
	after(() => cluster.close());

	test('from an empty namespace: five objects created, services first, as kubectl prints them', async () => {
		const {outcomes, kubectl} = await applyDocuments(cluster.kc, files, inDefault);
		assert.deepEqual(
			outcomes.map(outcome => [outcome.file.displayPath, outcome.ref, outcome.result, outcome.line]),
			[
				['manifests/svc-pod.yaml', 'service/svc-pod', 'created', 'service/svc-pod created'],
				['manifests/svc-pod2.yaml', 'service/svc-pod2', 'created', 'service/svc-pod2 created'],
				['manifests/o_primeiro_pod.yaml', 'pod/o-primeiro-pod', 'created', 'pod/o-primeiro-pod created'],
				['manifests/pod-1.yaml', 'pod/pod-1', 'created', 'pod/pod-1 created'],
				['manifests/pod-2.yaml', 'pod/pod-2', 'created', 'pod/pod-2 created'],
			],
		);
		assert.equal(
			kubectl,
			'kubectl apply -f manifests/svc-pod.yaml -f manifests/svc-pod2.yaml -f manifests/o_primeiro_pod.yaml -f manifests/pod-1.yaml -f manifests/pod-2.yaml',
		);

		const svcPod = await cluster.core.readNamespacedService({name: 'svc-pod', namespace: 'default'});
		assert.equal(svcPod.spec?.type, 'ClusterIP');
		assert.deepEqual(svcPod.spec?.selector, {app: 'pod-label'});
		assert.deepEqual([svcPod.spec?.ports?.[0]?.port, svcPod.spec?.ports?.[0]?.targetPort], [4050, 80]);
		const svcPod2 = await cluster.core.readNamespacedService({name: 'svc-pod2', namespace: 'default'});
		assert.deepEqual([svcPod2.spec?.type, svcPod2.spec?.ports?.[0]?.port, svcPod2.spec?.ports?.[0]?.nodePort], ['NodePort', 5000, 30000]);
		const pod1 = await cluster.core.readNamespacedPod({name: 'pod-1', namespace: 'default'});
		assert.deepEqual(pod1.metadata?.labels, {app: 'pod-label'});
		// Written as kubectl apply writes: its field manager, and the annotation it reads back next time.
		assert.deepEqual(
			pod1.metadata?.managedFields?.map(entry => [entry.manager, entry.operation]).filter(([manager]) => manager !== 'kubelet'),
			[['kubectl-client-side-apply', 'Update']],
		);
		assert.equal(
			pod1.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration'],
			'{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"pod-label"},"name":"pod-1","namespace":"default"},"spec":{"containers":[{"image":"nginx","name":"pod-1","ports":[{"containerPort":80}]}]}}\n',
		);
	});

	test('applied again: unchanged, all five', async () => {
		const {outcomes} = await applyDocuments(cluster.kc, files, inDefault);
		assert.deepEqual(
			outcomes.map(outcome => outcome.line),
			[
				'service/svc-pod unchanged',
				'service/svc-pod2 unchanged',
				'pod/o-primeiro-pod unchanged',
				'pod/pod-1 unchanged',
				'pod/pod-2 unchanged',
			],
		);
		assert.ok(outcomes.every(outcome => outcome.result === 'unchanged'));
	});

	test('one file edited: that object configured, the others unchanged', async () => {
		const edited = manifest('svc-pod.yaml', bundled('svc-pod.yaml').replace('targetPort: 80', 'targetPort: 8080'));
		const others = files.filter(file => file.displayPath !== 'manifests/svc-pod.yaml');
		const {outcomes, kubectl} = await applyDocuments(cluster.kc, [...others, edited], inDefault);
		assert.deepEqual(
			outcomes.map(outcome => outcome.line),
			[
				'service/svc-pod2 unchanged',
				'service/svc-pod configured',
				'pod/o-primeiro-pod unchanged',
				'pod/pod-1 unchanged',
				'pod/pod-2 unchanged',
			],
		);
		assert.equal(
			kubectl,
			'kubectl apply -f manifests/svc-pod2.yaml -f manifests/svc-pod.yaml -f manifests/o_primeiro_pod.yaml -f manifests/pod-1.yaml -f manifests/pod-2.yaml',
		);
		assert.deepEqual(outcomes.find(outcome => outcome.ref === 'service/svc-pod')?.fields, ['spec.ports[0].targetPort']);
		const service = await cluster.core.readNamespacedService({name: 'svc-pod', namespace: 'default'});
		assert.deepEqual(
			service.spec?.ports?.map(port => [port.port, port.targetPort]),
			[[4050, 8080]],
		);
	});

	test("a second NodePort service on 30000: the server's 422 for it, the rest of the file still applies", async () => {
		const text = [
			'apiVersion: v1',
			'kind: Pod',
			'metadata:',
			'  name: after-conflict',
			'spec:',
			'  containers:',
			'    - name: web',
			'      image: nginx',
			'---',
			'apiVersion: v1',
			'kind: Service',
			'metadata:',
			'  name: svc-clash',
			'spec:',
			'  type: NodePort',
			'  selector: {app: x}',
			'  ports:',
			'    - port: 80',
			'      nodePort: 30000',
		].join('\n');
		const {outcomes} = await applyDocuments(cluster.kc, [manifest('clash.yaml', text)], inDefault);
		assert.deepEqual(
			outcomes.map(outcome => [outcome.result, outcome.line]),
			[
				[
					'error',
					'Error from server (Invalid): error when creating "manifests/clash.yaml": Service "svc-clash" is invalid: spec.ports[0].nodePort: Invalid value: 30000: provided port is already allocated',
				],
				['created', 'pod/after-conflict created'],
			],
		);
		assert.equal(await statusOf(cluster.core.readNamespacedService({name: 'svc-clash', namespace: 'default'})), 404);
	});
});

describe('applyDocuments: the dry run', () => {
	let cluster: TestCluster;
	let files: ManifestFile[];
	before(async () => {
		cluster = await startTestCluster();
		files = await loadManifestDir(bundledManifestsDir(), repoRoot);
	});
	after(() => cluster.close());

	test('says what kubectl apply --dry-run=server says and keeps nothing (NodePort 30000 stays free)', async () => {
		for (let round = 0; round < 2; round++) {
			const {outcomes, kubectl} = await applyDocuments(cluster.kc, files, {...inDefault, dryRun: true});
			assert.deepEqual(
				outcomes.map(outcome => outcome.line),
				[
					'service/svc-pod created (server dry run)',
					'service/svc-pod2 created (server dry run)',
					'pod/o-primeiro-pod created (server dry run)',
					'pod/pod-1 created (server dry run)',
					'pod/pod-2 created (server dry run)',
				],
			);
			assert.match(kubectl, / --dry-run=server$/);
		}
		assert.equal((await cluster.core.listNamespacedPod({namespace: 'default'})).items.length, 0);
		assert.equal(await statusOf(cluster.core.readNamespacedService({name: 'svc-pod2', namespace: 'default'})), 404);
		const {outcomes} = await applyDocuments(cluster.kc, files, inDefault);
		assert.ok(
			outcomes.every(outcome => outcome.result === 'created'),
			outcomes.map(outcome => outcome.line).join('\n'),
		);
	});

	test("per object: configured with the fields, unchanged, and the server's error for one that would fail", async () => {
		const edited = manifest('pod-1.yaml', bundled('pod-1.yaml').replace('image: nginx', 'image: nginx:1.27'));
		const forbidden = manifest('pod-2.yaml', bundled('pod-2.yaml').replace('containerPort: 5000', 'containerPort: 5001'));
		const {outcomes} = await applyDocuments(cluster.kc, [files[0]!, edited, forbidden], {...inDefault, dryRun: true});
		assert.deepEqual(
			outcomes.map(outcome => [outcome.result, outcome.fields]),
			[
				['unchanged', undefined],
				['configured', ['spec.containers[0].image']],
				['error', undefined],
			],
		);
		assert.match(
			outcomes[2]!.line,
			/^Error from server \(Invalid\): error when patching "manifests\/pod-2\.yaml": Pod "pod-2" is invalid: spec: Forbidden: pod updates may not change fields other than/,
		);
		const pod = await cluster.core.readNamespacedPod({name: 'pod-1', namespace: 'default'});
		assert.equal(pod.spec?.containers[0]?.image, 'nginx');
	});
});

describe('applyDocuments: documents that cannot be applied', () => {
	let cluster: TestCluster;
	before(async () => {
		cluster = await startTestCluster();
	});
	after(() => cluster.close());

	test("a kind the server does not serve: kubectl's mapping error, the other documents still apply", async () => {
		const text = [
			'apiVersion: v1',
			'kind: Foo',
			'metadata:',
			'  name: x',
			'---',
			'apiVersion: example.com/v1',
			'kind: Widget',
			'metadata:',
			'  name: w',
			'  namespace: demo',
			'---',
			'apiVersion: v1',
			'kind: Pod',
			'metadata:',
			'  name: still-here',
			'spec:',
			'  containers: [{name: c, image: nginx}]',
		].join('\n');
		const {outcomes} = await applyDocuments(cluster.kc, [manifest('f.yaml', text)], inDefault);
		assert.deepEqual(
			outcomes.map(outcome => [outcome.ref, outcome.result, outcome.line]),
			[
				[
					'foo/x',
					'error',
					'error: resource mapping not found for name: "x" namespace: "" from "manifests/f.yaml": no matches for kind "Foo" in version "v1"',
				],
				[
					'widget.example.com/w',
					'error',
					'error: resource mapping not found for name: "w" namespace: "demo" from "manifests/f.yaml": no matches for kind "Widget" in version "example.com/v1"',
				],
				['pod/still-here', 'created', 'pod/still-here created'],
			],
		);
	});

	test('a file that does not parse applies nothing, not even its good first document; other files still apply', async () => {
		const broken = manifest(
			'broken.yaml',
			'apiVersion: v1\nkind: Pod\nmetadata:\n  name: good-first\nspec:\n  containers: [{name: c, image: nginx}]\n---\nkind: Pod\n  bad: indent\n',
		);
		assert.ok(broken.parseError);
		const fine = manifest(
			'fine.yaml',
			'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fine\nspec:\n  containers: [{name: c, image: nginx}]\n',
		);
		const {outcomes, kubectl} = await applyDocuments(cluster.kc, [broken, fine], inDefault);
		assert.deepEqual(
			outcomes.map(outcome => [outcome.ref, outcome.result, outcome.line, outcome.document.line]),
			[
				['manifests/broken.yaml', 'error', 'error: error parsing manifests/broken.yaml: line 9: bad indentation of a mapping entry', 9],
				['pod/fine', 'created', 'pod/fine created', 1],
			],
		);
		assert.equal(kubectl, 'kubectl apply -f manifests/broken.yaml -f manifests/fine.yaml');
		assert.equal(await statusOf(cluster.core.readNamespacedPod({name: 'good-first', namespace: 'default'})), 404);
	});

	test('missing kind, apiVersion or name: reported per document', async () => {
		const text = [
			'apiVersion: v1',
			'metadata:',
			'  name: no-kind',
			'---',
			'apiVersion: v1',
			'kind: Pod',
			'metadata:',
			'  labels: {a: b}',
			'---',
			'- not a mapping',
			'---',
			'apiVersion: v1',
			'kind: Pod',
			'metadata:',
			'  name: ok-one',
			'spec:',
			'  containers: [{name: c, image: nginx}]',
		].join('\n');
		const {outcomes} = await applyDocuments(cluster.kc, [manifest('partial.yaml', text)], inDefault);
		assert.deepEqual(
			outcomes.map(outcome => [outcome.ref, outcome.result, outcome.line]),
			[
				['manifests/partial.yaml:1', 'error', 'error: error validating "manifests/partial.yaml": error validating data: kind not set'],
				[
					'manifests/partial.yaml:5',
					'error',
					'error: error validating "manifests/partial.yaml": error validating data: metadata.name not set',
				],
				[
					'manifests/partial.yaml:10',
					'error',
					'error: error validating "manifests/partial.yaml": error validating data: document is not a mapping (found a list)',
				],
				['pod/ok-one', 'created', 'pod/ok-one created'],
			],
		);
	});

	test("an invalid object: the server's message for it", async () => {
		const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: noimage\nspec:\n  containers: [{name: c}]\n';
		const {outcomes} = await applyDocuments(cluster.kc, [manifest('noimage.yaml', text)], inDefault);
		assert.deepEqual(
			outcomes.map(outcome => outcome.line),
			[
				'Error from server (Invalid): error when creating "manifests/noimage.yaml": Pod "noimage" is invalid: spec.containers[0].image: Required value',
			],
		);
	});
});

describe('applyDocuments: namespaces', () => {
	let cluster: TestCluster;
	before(async () => {
		cluster = await startTestCluster();
	});
	after(() => cluster.close());

	test("the Namespace goes first; a document's own namespace wins, else the one in view; -n only when it is not the context's", async () => {
		const text = [
			'apiVersion: v1',
			'kind: Pod',
			'metadata:',
			'  name: in-demo',
			'  namespace: demo',
			'spec:',
			'  containers: [{name: c, image: nginx}]',
			'---',
			'apiVersion: v1',
			'kind: Pod',
			'metadata:',
			'  name: in-view',
			'spec:',
			'  containers: [{name: c, image: nginx}]',
			'---',
			'apiVersion: v1',
			'kind: Namespace',
			'metadata:',
			'  name: demo',
			'  namespace: ignored-for-cluster-scoped-kinds',
			'---',
			'apiVersion: v1',
			'kind: Namespace',
			'metadata:',
			'  name: other',
		].join('\n');
		const {outcomes, kubectl} = await applyDocuments(cluster.kc, [manifest('ns.yaml', text)], {
			namespace: 'other',
			contextNamespace: 'default',
		});
		assert.deepEqual(
			outcomes.map(outcome => outcome.line),
			['namespace/demo created', 'namespace/other created', 'pod/in-demo created', 'pod/in-view created'],
		);
		assert.equal(kubectl, 'kubectl apply -f manifests/ns.yaml -n other');
		assert.equal((await cluster.core.readNamespacedPod({name: 'in-demo', namespace: 'demo'})).metadata?.namespace, 'demo');
		assert.equal((await cluster.core.readNamespacedPod({name: 'in-view', namespace: 'other'})).metadata?.namespace, 'other');
		assert.equal((await cluster.core.readNamespace({name: 'demo'})).metadata?.namespace, undefined);
	});
});

describe('applyDocuments: no server', () => {
	test('every document says the server cannot be reached, none stops the others', async () => {
		const cluster = await startTestCluster();
		const kubeconfig = cluster.kc.exportConfig();
		await cluster.close();
		const kc = new KubeConfig();
		kc.loadFromString(kubeconfig);
		const server = new URL(kc.getCurrentCluster()!.server);
		const files = await loadManifestDir(bundledManifestsDir(), repoRoot);
		const {outcomes} = await applyDocuments(kc, files, inDefault);
		assert.equal(outcomes.length, 5);
		for (const outcome of outcomes) {
			assert.equal(outcome.result, 'error');
			assert.equal(outcome.line, `Unable to connect to the server: connect ECONNREFUSED ${server.hostname}:${server.port}`);
		}
	});
});

describe('applyDocuments: files that hold no object', () => {
	test("kubectl's error, no outcome, and no request (a server that is gone is never asked)", async () => {
		const cluster = await startTestCluster();
		const kc = new KubeConfig();
		kc.loadFromString(cluster.kc.exportConfig());
		await cluster.close();
		const files = [manifest('empty.yaml', ''), manifest('comments.yaml', '# nothing here\n---\n# nor here\n')];
		for (const dryRun of [true, false]) {
			const report = await applyDocuments(kc, files, {...inDefault, dryRun});
			assert.deepEqual(report.outcomes, []);
			assert.equal(report.refused, 'error: no objects passed to apply');
			assert.match(report.kubectl, /^kubectl apply -f manifests\/empty\.yaml -f manifests\/comments\.yaml/);
		}
	});
});

describe('kubectlRef', () => {
	test('core kinds bare, other groups with their group', () => {
		assert.equal(kubectlRef('v1', 'Service', 'svc-pod'), 'service/svc-pod');
		assert.equal(kubectlRef('apps/v1', 'Deployment', 'web'), 'deployment.apps/web');
		assert.equal(kubectlRef('networking.k8s.io/v1', 'Ingress', 'in'), 'ingress.networking.k8s.io/in');
	});
});
