// Seeded pods (what the benchmarks list by the thousand) are byte for byte in shape what a
// pod created over the API and started by the simulated kubelet is, managedFields included,
// and those managedFields are what a real v1.32 server writes.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Sandbox} from '../../source/sandbox/index.js';
import {podRow} from '../../source/format/pod.js';
import {api, fastSandbox, reference, waitFor} from './helpers.js';

const tableV1 = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

// What differs from pod to pod and from second to second, masked so two pods compare as text.
function masked(pod: any): string {
	const volume = pod.spec.volumes.find((item: {name: string}) => item.name.startsWith('kube-api-access-')).name;
	let text = JSON.stringify(pod)
		.replaceAll(`"${pod.metadata.name}"`, '"NAME"')
		.replaceAll(pod.metadata.uid, 'UID')
		.replaceAll(volume, 'VOLUME')
		.replaceAll(/"resourceVersion":"\d+"/g, '"resourceVersion":"RV"')
		.replaceAll(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, 'TIME')
		.replaceAll(/docker:\/\/[\da-f]{64}/g, 'CONTAINER-ID');
	if (pod.status.podIP) {
		text = text.replaceAll(pod.status.podIP, 'POD-IP');
	}

	return text;
}

describe('seeded pods', () => {
	let sandbox: Sandbox;
	let http: any;
	before(async () => {
		sandbox = await fastSandbox();
		sandbox.seedPods('bench', 3);
		// The pod `kubectl run http --image=nginx --port=80 --labels=app=seed,index=1` posts, its container named like the seeds'.
		const body = {
			kind: 'Pod',
			apiVersion: 'v1',
			metadata: {name: 'http', labels: {app: 'seed', index: '1'}},
			spec: {
				containers: [{name: 'nginx', image: 'nginx', ports: [{containerPort: 80}], resources: {}}],
				restartPolicy: 'Always',
				dnsPolicy: 'ClusterFirst',
			},
			status: {},
		};
		assert.equal((await api(sandbox, '/api/v1/namespaces/bench/pods?fieldManager=kubectl-run', {method: 'POST', body})).code, 201);
		http = await waitFor(async () => {
			const pod = (await api(sandbox, '/api/v1/namespaces/bench/pods/http')).body;
			assert.equal(pod.status.phase, 'Running');
			return pod;
		});
	});
	after(async () => sandbox.close());

	test('a seeded pod is, field for field and in key order, the pod created over HTTP and started by the kubelet', async () => {
		const seeded = (await api(sandbox, '/api/v1/namespaces/bench/pods/seed-00001')).body;
		assert.equal(masked(seeded), masked(http));
		assert.deepEqual(
			seeded.metadata.managedFields.map((entry: any) => [entry.manager, entry.operation, entry.subresource]),
			[
				['kubectl-run', 'Update', undefined],
				['kubelet', 'Update', 'status'],
			],
		);
	});

	test("the kubelet's status entry is a real server's, with what v1.32 adds (PodReadyToStartContainers, atomic hostIPs)", () => {
		const real = reference('pod-running.json.txt').body.metadata.managedFields[1].fieldsV1['f:status'];
		const status = real['f:conditions']['k:{"type":"Ready"}'];
		const expected = {
			'f:status': {
				'f:conditions': {...real['f:conditions'], 'k:{"type":"PodReadyToStartContainers"}': status},
				'f:containerStatuses': {},
				'f:hostIP': {},
				'f:hostIPs': {},
				'f:phase': {},
				'f:podIP': {},
				'f:podIPs': {'.': {}, [`k:{"ip":"${http.status.podIP}"}`]: {'.': {}, 'f:ip': {}}},
				'f:startTime': {},
			},
		};
		const kubelet = http.metadata.managedFields.find((entry: {manager: string}) => entry.manager === 'kubelet');
		assert.deepEqual(kubelet.fieldsV1, expected);
		assert.deepEqual(Object.keys(kubelet.fieldsV1['f:status']['f:conditions']), [
			'k:{"type":"ContainersReady"}',
			'k:{"type":"Initialized"}',
			'k:{"type":"PodReadyToStartContainers"}',
			'k:{"type":"Ready"}',
		]);
		// The binding writes storage directly: no kube-scheduler entry, nobody owns nodeName or PodScheduled.
		assert.equal(http.metadata.managedFields.length, 2);
	});

	test('copies differ where real pods do: name, index label, uid, token volume, container ID, pod IP (in status and in managedFields)', async () => {
		const pods = (await api(sandbox, '/api/v1/namespaces/bench/pods?labelSelector=app%3Dseed')).body.items.filter(
			(pod: any) => pod.metadata.name !== 'http',
		);
		assert.deepEqual(
			pods.map((pod: any) => [pod.metadata.name, pod.metadata.labels.index]),
			[
				['seed-00000', '0'],
				['seed-00001', '1'],
				['seed-00002', '2'],
			],
		);
		const distinct = (values: string[]): void => assert.equal(new Set(values).size, values.length);
		distinct(pods.map((pod: any) => pod.metadata.uid));
		distinct(pods.map((pod: any) => pod.spec.volumes[0].name));
		distinct(pods.map((pod: any) => pod.status.containerStatuses[0].containerID));
		distinct(pods.map((pod: any) => pod.status.podIP));
		for (const pod of pods) {
			const volume = pod.spec.volumes[0].name;
			assert.match(volume, /^kube-api-access-[b-z2-9]{5}$/);
			assert.equal(pod.spec.containers[0].volumeMounts[0].name, volume);
			assert.equal(pod.status.containerStatuses[0].volumeMounts[0].name, volume);
			assert.deepEqual(pod.status.podIPs, [{ip: pod.status.podIP}]);
			assert.ok(`k:{"ip":"${pod.status.podIP}"}` in pod.metadata.managedFields[1].fieldsV1['f:status']['f:podIPs']);
			assert.equal(podRow(pod).status, 'Running');
		}
	});

	test("Table rows carry the object's metadata, managedFields included, as a real server's PartialObjectMetadata", async () => {
		const table = await api(sandbox, '/api/v1/namespaces/bench/pods', {accept: tableV1});
		const list = (await api(sandbox, '/api/v1/namespaces/bench/pods')).body.items;
		assert.equal(table.body.rows.length, 4);
		for (const [index, row] of table.body.rows.entries()) {
			assert.deepEqual(row.object, {kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: list[index].metadata});
			assert.deepEqual(
				row.object.metadata.managedFields.map((entry: {manager: string}) => entry.manager),
				['kubectl-run', 'kubelet'],
			);
		}

		// Same keys in the same order as the reference Table's row object.
		const real = reference('table-pods.txt').body.rows[0].object.metadata;
		assert.deepEqual(
			Object.keys(table.body.rows[0].object.metadata).filter(key => key in real),
			Object.keys(real),
		);
	});

	test('running: false seeds are what the kubelet first writes: ContainerCreating, no pod IP, phase not yet its own', async () => {
		sandbox.seedPods('creating', 2, {running: false});
		const pods = (await api(sandbox, '/api/v1/namespaces/creating/pods')).body.items;
		assert.deepEqual(
			pods.map((pod: any) => podRow(pod).status),
			['ContainerCreating', 'ContainerCreating'],
		);
		const kubelet = pods[0].metadata.managedFields[1];
		assert.equal(kubelet.manager, 'kubelet');
		assert.deepEqual(Object.keys(kubelet.fieldsV1['f:status']), [
			'f:conditions',
			'f:containerStatuses',
			'f:hostIP',
			'f:hostIPs',
			'f:startTime',
		]);
		assert.equal(pods[0].status.podIP, undefined);
	});

	test("kube-system's pods were created through the API too: each has its creator's entry and the kubelet's", async () => {
		const pods = (await api(sandbox, '/api/v1/namespaces/kube-system/pods')).body.items;
		assert.deepEqual(
			pods.map((pod: any) => [
				pod.metadata.name.replace(/-[a-z\d]{5}$|-[a-z\d]{10}-[a-z\d]{5}$/, ''),
				...pod.metadata.managedFields.map((entry: any) => entry.manager),
			]),
			[
				['coredns', 'kube-controller-manager', 'kubelet'],
				['etcd-minikube', 'kubelet', 'kubelet'],
				['kube-apiserver-minikube', 'kubelet', 'kubelet'],
				['kube-controller-manager-minikube', 'kubelet', 'kubelet'],
				['kube-proxy', 'kube-controller-manager', 'kubelet'],
				['kube-scheduler-minikube', 'kubelet', 'kubelet'],
				['storage-provisioner', 'kubectl-client-side-apply', 'kubelet'],
			],
		);
		for (const pod of pods) {
			assert.equal(pod.metadata.managedFields[1].subresource, 'status');
			assert.equal(pod.metadata.managedFields[0].time, pod.metadata.creationTimestamp);
		}
	});
});
