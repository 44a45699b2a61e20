import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {serviceRow} from '../../source/format/service.js';
import {FakeCluster} from './fake-cluster.js';
import {assertGolden} from './golden.js';
import {keys, renderApp, waitFor} from './harness.js';
import {kubernetesService, minikube, slice, svcPod, svcPod2, tutorialPods} from './tutorial-objects.js';

afterEach(() => cleanup());

function tutorialCluster(): FakeCluster {
	const cluster = new FakeCluster({}, tutorialPods());
	cluster.services.set([kubernetesService, svcPod, svcPod2].map(serviceRow));
	cluster.setNodes([minikube]);
	cluster.endpoints.set([
		{
			namespace: 'default',
			name: 'kubernetes',
			service: 'kubernetes',
			endpoints: [{ip: '192.168.49.2', port: 8443, portName: 'https', protocol: 'TCP', ready: true, serving: true, terminating: false}],
		},
		slice('svc-pod', [{ip: '172.17.0.4', pod: 'pod-1', ready: true}], 80),
		slice('svc-pod2', [{ip: '172.17.0.5', pod: 'pod-2', ready: true}], 5000),
	]);
	return cluster;
}

describe('the services pane', () => {
	test("kubectl get svc -o wide, and the selected service's endpoints with the pod behind each", async () => {
		const app = await renderApp({cluster: tutorialCluster(), columns: 110, rows: 22});
		await app.press('2', 'j');
		assertGolden('services-svc-pod', app.lastFrame()!);
	});

	test('l on a service: a pod that becomes a ready endpoint joins the open log view, one that leaves the endpoints stops', async () => {
		const cluster = tutorialCluster();
		cluster.objects.set('Service/default/svc-pod', svcPod as unknown as Record<string, unknown>);
		const app = await renderApp({cluster, columns: 110, rows: 22});
		await app.press('2', 'j', 'l');
		await waitFor(() => cluster.logSpecs.length === 1, 'the log view opened');
		assert.deepEqual(
			cluster.logSpecs[0]!.sources.map(source => source.prefix),
			['[pod/pod-1/testando] '],
		);
		const behind = (endpoints: Array<{ip: string; pod: string; ready: boolean}>) =>
			cluster.endpoints.set([
				...cluster.endpoints.getSnapshot().items.filter(group => group.service !== 'svc-pod'),
				slice('svc-pod', endpoints, 80),
			]);
		const pod1 = {ip: '172.17.0.4', pod: 'pod-1', ready: true};
		// Not ready yet: its container may not run, so it is not followed yet.
		behind([pod1, {ip: '172.17.0.5', pod: 'pod-2', ready: false}]);
		behind([pod1, {ip: '172.17.0.5', pod: 'pod-2', ready: true}]);
		await waitFor(() => cluster.logFeed.members.length === 1, 'pod-2 joined');
		assert.deepEqual(cluster.logFeed.members[0], {
			change: 'join',
			pod: 'pod-2',
			note: 'pod-2 joined service svc-pod: following its log from now',
		});
		behind([{ip: '172.17.0.5', pod: 'pod-2', ready: true}]);
		await waitFor(() => cluster.logFeed.members.length === 2, 'pod-1 left');
		assert.deepEqual(cluster.logFeed.members[1], {
			change: 'leave',
			pod: 'pod-1',
			note: 'pod-1 left service svc-pod: no longer following its log',
		});
		// One feed throughout: members join and leave it, the view is not reopened.
		assert.equal(cluster.logSpecs.length, 1);
		assert.equal(cluster.logFeed.stopped, 0);
	});

	test('a NodePort service shows where to open it', async () => {
		const app = await renderApp({cluster: tutorialCluster(), columns: 110, rows: 22});
		await app.press('2', 'G');
		assert.match(app.frame(), /^ {2}172\.17\.0\.5:5000 +ready +pod pod-2 on minikube$/m);
		assert.match(app.frame(), /^ {2}open from outside the cluster: 192\.168\.49\.2:30000$/m);
		assert.match(app.frame(), /^⟦svc-pod2 +NodePort +10\.101\.193\.202 +<none> +5000:30000\/TCP +\S+ +app=pod-label2⟧$/m);
	});

	test('pod-1 deleted: svc-pod has no endpoint and says why', async () => {
		const cluster = tutorialCluster();
		const app = await renderApp({cluster, columns: 110, rows: 22});
		await app.press('2', 'j');
		cluster.setPods(tutorialPods().filter(pod => pod.metadata.name !== 'pod-1'));
		cluster.endpoints.set(
			cluster.endpoints.getSnapshot().items.map(group => (group.service === 'svc-pod' ? {...group, endpoints: []} : group)),
		);
		await waitFor(() => app.frame().includes('matches no pod'), 'reason');
		assertGolden('services-no-endpoints', app.lastFrame()!);
	});

	test('Enter describes the service: ports, endpoints, the reason', async () => {
		const cluster = tutorialCluster();
		const app = await renderApp({cluster, columns: 110, rows: 30});
		await app.press('2', 'G', keys.enter);
		await waitFor(() => app.frame().includes('Endpoints:'), 'detail');
		assertGolden('detail-service', app.lastFrame()!);
	});

	test('ctrl-d deletes a service after y', async () => {
		const cluster = tutorialCluster();
		cluster.answer = {ok: true, lines: ['service "svc-pod" deleted'], kubectl: 'kubectl delete service svc-pod'};
		const app = await renderApp({cluster, columns: 110, rows: 22});
		await app.press('2', 'j', keys.ctrlD);
		assert.match(app.frame(), /Delete service "svc-pod" in namespace default\? \[y\/N\]/);
		await app.press('y');
		await waitFor(() => app.frame().includes('service "svc-pod" deleted'), 'deleted');
		assert.deepEqual(
			cluster.calls.filter(call => call.method === 'deleteObject').map(call => call.args),
			[['Service', 'default', 'svc-pod']],
		);
	});

	test('a forbidden services list says so in its pane while pods keep working', async () => {
		const cluster = tutorialCluster();
		cluster.services.set(
			[],
			{
				kind: 'forbidden',
				reason: 'services is forbidden: User "dev" cannot list resource "services" in API group "" in the namespace "default"',
			},
			false,
		);
		const app = await renderApp({cluster, columns: 110, rows: 22});
		assert.match(app.frame(), /● live · services forbidden/);
		await app.press('2');
		assert.match(app.frame(), /^forbidden: services is forbidden: User "dev" cannot list resource "services"/m);
		await app.press('1');
		assert.match(app.frame(), /^pod-1 /m);
	});
});
