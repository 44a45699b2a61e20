// Create, get, list, update and delete over HTTP: defaulting as the API server and its
// admission plugins do it, selectors, paging, resourceVersion rules.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Sandbox} from '../../source/sandbox/index.js';
import {api, fastSandbox, podManifest, reference, serviceManifest, waitFor} from './helpers.js';

describe('create, read, update, delete', () => {
	let sandbox: Sandbox;
	before(async () => {
		sandbox = await fastSandbox();
	});
	after(async () => sandbox.close());

	test('a pod created as kubectl run sends it gets the defaults and managed fields of a real server', async () => {
		// The body `kubectl run testando --image=nginx` posts.
		const body = {
			kind: 'Pod',
			apiVersion: 'v1',
			metadata: {name: 'testando', creationTimestamp: null, labels: {run: 'testando'}},
			spec: {containers: [{name: 'testando', image: 'nginx', resources: {}}], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst'},
			status: {},
		};
		const created = await api(sandbox, '/api/v1/namespaces/default/pods?fieldManager=kubectl-run', {method: 'POST', body});
		assert.equal(created.code, 201);
		const pod = created.body;
		const real = reference('pod-running.json.txt').body;
		assert.equal(pod.kind, 'Pod');
		assert.match(pod.metadata.uid, /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[\da-f]{4}-[\da-f]{12}$/);
		assert.match(pod.metadata.creationTimestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		assert.match(pod.metadata.resourceVersion, /^\d+$/);
		// Keys in the server's order, resourceVersion after uid already on the first write.
		assert.deepEqual(Object.keys(pod.metadata), Object.keys(real.metadata));
		// kubectl-run owns exactly what it owned on the real server.
		assert.deepEqual(pod.metadata.managedFields[0].fieldsV1, real.metadata.managedFields[0].fieldsV1);
		assert.equal(pod.metadata.managedFields[0].manager, 'kubectl-run');
		assert.equal(pod.metadata.managedFields[0].operation, 'Update');
		for (const field of [
			'restartPolicy',
			'terminationGracePeriodSeconds',
			'dnsPolicy',
			'serviceAccountName',
			'serviceAccount',
			'securityContext',
			'schedulerName',
			'tolerations',
			'priority',
			'enableServiceLinks',
			'preemptionPolicy',
		]) {
			assert.deepEqual(pod.spec[field], real.spec[field], field);
		}

		const container = pod.spec.containers[0];
		assert.deepEqual({...container, volumeMounts: undefined}, {...real.spec.containers[0], volumeMounts: undefined});
		assert.equal(pod.spec.volumes.length, 1);
		assert.match(pod.spec.volumes[0].name, /^kube-api-access-[b-z2-9]{5}$/);
		assert.deepEqual(
			pod.spec.volumes[0].projected.sources.map((source: object) => Object.keys(source)[0]),
			['serviceAccountToken', 'configMap', 'downwardAPI'],
		);
		assert.deepEqual(container.volumeMounts, [
			{name: pod.spec.volumes[0].name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount'},
		]);
		assert.deepEqual(pod.status, {phase: 'Pending', qosClass: 'BestEffort'});
		assert.deepEqual(Object.keys(pod), ['kind', 'apiVersion', 'metadata', 'spec', 'status']);
	});

	test('imagePullPolicy follows the tag; generateName makes a name', async () => {
		const pod = podManifest('', {image: 'nginx:1.27'}) as any;
		pod.metadata = {generateName: 'web-'};
		const created = await api(sandbox, '/api/v1/namespaces/default/pods', {method: 'POST', body: pod});
		assert.equal(created.code, 201);
		assert.match(created.body.metadata.name, /^web-[b-z2-9]{5}$/);
		assert.equal(created.body.spec.containers[0].imagePullPolicy, 'IfNotPresent');
	});

	test('get, list with label and field selectors, all namespaces, limit and continue', async () => {
		for (const name of ['a1', 'a2', 'a3']) {
			assert.equal(
				(
					await api(sandbox, '/api/v1/namespaces/default/pods', {
						method: 'POST',
						body: podManifest(name, {labels: {app: 'a', tier: name === 'a1' ? 'front' : 'back'}}),
					})
				).code,
				201,
			);
		}

		const got = await api(sandbox, '/api/v1/namespaces/default/pods/a2');
		assert.equal(got.body.metadata.name, 'a2');
		const list = await api(sandbox, '/api/v1/namespaces/default/pods?labelSelector=app%3Da');
		assert.equal(list.body.kind, 'PodList');
		assert.equal(list.body.apiVersion, 'v1');
		assert.match(list.body.metadata.resourceVersion, /^\d+$/);
		assert.deepEqual(
			list.body.items.map((pod: {metadata: {name: string}}) => pod.metadata.name),
			['a1', 'a2', 'a3'],
		);
		// Items of a typed list carry no kind/apiVersion, as a real server sends them.
		assert.equal(list.body.items[0].kind, undefined);
		const setBased = await api(sandbox, '/api/v1/namespaces/default/pods?labelSelector=app%3Da%2Ctier%20notin%20(front)');
		assert.deepEqual(
			setBased.body.items.map((pod: {metadata: {name: string}}) => pod.metadata.name),
			['a2', 'a3'],
		);
		const byName = await api(sandbox, '/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Da3');
		assert.deepEqual(
			byName.body.items.map((pod: {metadata: {name: string}}) => pod.metadata.name),
			['a3'],
		);
		const pending = await api(sandbox, '/api/v1/pods?fieldSelector=status.phase!%3DRunning%2Cmetadata.namespace%3Dkube-system');
		assert.deepEqual(pending.body.items, []);
		const everywhere = await api(sandbox, '/api/v1/pods');
		const namespaces = new Set(everywhere.body.items.map((pod: {metadata: {namespace: string}}) => pod.metadata.namespace));
		assert.deepEqual([...namespaces], ['default', 'kube-system']);
		const onNode = await api(sandbox, '/api/v1/pods?fieldSelector=spec.nodeName%3Dminikube%2Cmetadata.namespace%3Dkube-system');
		assert.equal(onNode.body.items.length, 7);
		const page = await api(sandbox, '/api/v1/namespaces/default/pods?labelSelector=app%3Da&limit=2');
		assert.deepEqual(
			page.body.items.map((pod: {metadata: {name: string}}) => pod.metadata.name),
			['a1', 'a2'],
		);
		assert.ok(page.body.metadata.continue);
		const rest = await api(
			sandbox,
			`/api/v1/namespaces/default/pods?labelSelector=app%3Da&limit=2&continue=${encodeURIComponent(page.body.metadata.continue)}`,
		);
		assert.deepEqual(
			rest.body.items.map((pod: {metadata: {name: string}}) => pod.metadata.name),
			['a3'],
		);
		assert.equal(rest.body.metadata.continue, undefined);
		assert.equal(rest.body.metadata.resourceVersion, page.body.metadata.resourceVersion);
		const counted = await api(sandbox, '/api/v1/namespaces/kube-system/pods?limit=3');
		assert.equal(counted.body.metadata.remainingItemCount, 4);
	});

	test('PUT needs the current resourceVersion and keeps uid; a PUT that changes nothing keeps the resourceVersion', async () => {
		const current = (await api(sandbox, '/api/v1/namespaces/default/pods/a1')).body;
		// A uid in the body is a precondition (409 when it is not the object's), as on a real server.
		const forged = await api(sandbox, '/api/v1/namespaces/default/pods/a1', {
			method: 'PUT',
			body: {...current, metadata: {...current.metadata, uid: 'forged'}},
		});
		assert.equal(forged.code, 409);
		assert.equal(
			forged.body.message,
			`Operation cannot be fulfilled on pods "a1": StorageError: invalid object, Code: 4, Key: /registry/pods/default/a1, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: forged, UID in object meta: ${current.metadata.uid}`,
		);
		const {uid: _uid, ...withoutUid} = current.metadata;
		const updated = await api(sandbox, '/api/v1/namespaces/default/pods/a1', {
			method: 'PUT',
			body: {...current, metadata: {...withoutUid, labels: {app: 'a', tier: 'front', extra: 'yes'}}},
		});
		assert.equal(updated.code, 200);
		assert.equal(updated.body.metadata.labels.extra, 'yes');
		assert.equal(updated.body.metadata.uid, current.metadata.uid);
		assert.ok(Number(updated.body.metadata.resourceVersion) > Number(current.metadata.resourceVersion));
		const again = await api(sandbox, '/api/v1/namespaces/default/pods/a1', {method: 'PUT', body: updated.body});
		assert.equal(again.code, 200);
		assert.equal(again.body.metadata.resourceVersion, updated.body.metadata.resourceVersion);
		const withoutVersion = {...updated.body, metadata: {...updated.body.metadata, resourceVersion: undefined}};
		const refused = await api(sandbox, '/api/v1/namespaces/default/pods/a1', {method: 'PUT', body: withoutVersion});
		assert.equal(refused.code, 422);
		assert.equal(
			refused.body.message,
			'Pod "a1" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update',
		);
		const respec = {...updated.body, spec: {...updated.body.spec, restartPolicy: 'Never'}};
		const immutable = await api(sandbox, '/api/v1/namespaces/default/pods/a1', {method: 'PUT', body: respec});
		assert.equal(immutable.code, 422);
		assert.match(
			immutable.body.message,
			/^Pod "a1" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/,
		);
	});

	test('status subresource writes only status; the main resource keeps status', async () => {
		const current = (await api(sandbox, '/api/v1/namespaces/default/pods/a3')).body;
		const status = await api(sandbox, '/api/v1/namespaces/default/pods/a3/status', {
			method: 'PATCH',
			contentType: 'application/merge-patch+json',
			body: {metadata: {labels: {ignored: 'yes'}}, status: {nominatedNodeName: 'elsewhere'}},
		});
		assert.equal(status.code, 200);
		assert.equal(status.body.status.nominatedNodeName, 'elsewhere');
		assert.equal(status.body.metadata.labels.ignored, undefined);
		const main = await api(sandbox, '/api/v1/namespaces/default/pods/a3', {
			method: 'PATCH',
			contentType: 'application/merge-patch+json',
			body: {status: {nominatedNodeName: 'ignored'}},
		});
		assert.equal(main.body.status.nominatedNodeName, 'elsewhere');
		assert.equal(current.metadata.uid, main.body.metadata.uid);
	});

	test('services get a ClusterIP in 10.96.0.0/12 and the server defaults; headless keeps None; delete frees the nodePort', async () => {
		const created = await api(sandbox, '/api/v1/namespaces/default/services', {
			method: 'POST',
			body: serviceManifest('svc-pod', {type: 'ClusterIP', selector: {app: 'pod-label'}, ports: [{port: 4050, targetPort: 80}]}),
		});
		assert.equal(created.code, 201);
		const {spec} = created.body;
		const [first, second] = spec.clusterIP.split('.').map(Number);
		assert.equal(first, 10);
		assert.ok(second >= 96 && second <= 111);
		assert.deepEqual(spec.clusterIPs, [spec.clusterIP]);
		assert.deepEqual(spec.ports, [{protocol: 'TCP', port: 4050, targetPort: 80}]);
		assert.equal(spec.sessionAffinity, 'None');
		assert.deepEqual(spec.ipFamilies, ['IPv4']);
		assert.equal(spec.ipFamilyPolicy, 'SingleStack');
		assert.equal(spec.internalTrafficPolicy, 'Cluster');
		assert.deepEqual(created.body.status, {loadBalancer: {}});
		const headless = await api(sandbox, '/api/v1/namespaces/default/services', {
			method: 'POST',
			body: serviceManifest('headless', {clusterIP: 'None', selector: {app: 'x'}, ports: [{port: 80}]}),
		});
		assert.deepEqual(headless.body.spec.clusterIPs, ['None']);
		const nodePort = await api(sandbox, '/api/v1/namespaces/default/services', {
			method: 'POST',
			body: serviceManifest('np', {type: 'NodePort', selector: {app: 'x'}, ports: [{port: 5000}]}),
		});
		const allocated = nodePort.body.spec.ports[0].nodePort;
		assert.ok(allocated >= 30_000 && allocated <= 32_767);
		assert.equal(nodePort.body.spec.externalTrafficPolicy, 'Cluster');
		const deleted = await api(sandbox, '/api/v1/namespaces/default/services/np', {method: 'DELETE'});
		assert.equal(deleted.code, 200);
		assert.equal(deleted.body.kind, 'Service');
		assert.equal((await api(sandbox, '/api/v1/namespaces/default/services/np')).code, 404);
		const reused = await api(sandbox, '/api/v1/namespaces/default/services', {
			method: 'POST',
			body: serviceManifest('np-again', {type: 'NodePort', selector: {app: 'x'}, ports: [{port: 5000, nodePort: allocated}]}),
		});
		assert.equal(reused.code, 201);
	});

	test('dryRun=All validates and answers without storing', async () => {
		const dry = await api(sandbox, '/api/v1/namespaces/default/pods?dryRun=All', {method: 'POST', body: podManifest('dry')});
		assert.equal(dry.code, 201);
		assert.equal(dry.body.metadata.name, 'dry');
		assert.equal((await api(sandbox, '/api/v1/namespaces/default/pods/dry')).code, 404);
		assert.equal((await api(sandbox, '/api/v1/namespaces/default/pods?dryRun=Some', {method: 'POST', body: podManifest('dry')})).code, 400);
	});

	test('namespaces: created Active with their name label, deleted through Terminating with their content', async () => {
		const created = await api(sandbox, '/api/v1/namespaces', {
			method: 'POST',
			body: {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'scratch'}},
		});
		assert.equal(created.code, 201);
		assert.deepEqual(created.body.metadata.labels, {'kubernetes.io/metadata.name': 'scratch'});
		assert.deepEqual(created.body.spec, {finalizers: ['kubernetes']});
		assert.deepEqual(created.body.status, {phase: 'Active'});
		// A pod on a node no kubelet serves keeps the namespace Terminating until it is removed by hand.
		const stuck = podManifest('inside') as any;
		stuck.spec.nodeName = 'elsewhere';
		assert.equal((await api(sandbox, '/api/v1/namespaces/scratch/pods', {method: 'POST', body: stuck})).code, 201);
		const deleting = await api(sandbox, '/api/v1/namespaces/scratch', {method: 'DELETE'});
		assert.equal(deleting.code, 200);
		assert.equal(deleting.body.status.phase, 'Terminating');
		const refused = await api(sandbox, '/api/v1/namespaces/scratch/pods', {method: 'POST', body: podManifest('late')});
		assert.equal(refused.code, 403);
		assert.equal(
			refused.body.message,
			'pods "late" is forbidden: unable to create new content in namespace scratch because it is being terminated',
		);
		await waitFor(async () => assert.ok((await api(sandbox, '/api/v1/namespaces/scratch/pods/inside')).body.metadata.deletionTimestamp));
		assert.equal((await api(sandbox, '/api/v1/namespaces/scratch')).code, 200);
		sandbox.objects.delete('pods', 'scratch', 'inside');
		await waitFor(async () => assert.equal((await api(sandbox, '/api/v1/namespaces/scratch')).code, 404));
		assert.equal((await api(sandbox, '/api/v1/namespaces/scratch/pods/inside')).code, 404);
	});

	test('deletecollection removes what the selector picks', async () => {
		const deleted = await api(sandbox, '/api/v1/namespaces/default/services?labelSelector=missing%3Dlabel', {method: 'DELETE'});
		assert.equal(deleted.code, 200);
		assert.equal(deleted.body.kind, 'ServiceList');
		assert.deepEqual(deleted.body.items, []);
		assert.equal((await api(sandbox, '/api/v1/namespaces/default/services/headless')).code, 200);
	});
});
