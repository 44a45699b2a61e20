// The simulated control plane: scheduling, the kubelet's timeline and events, graceful
// deletion, and endpoints / EndpointSlices following pods through their life.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Sandbox} from '../../source/sandbox/index.js';
import {podRow} from '../../source/format/pod.js';
import {api, fastSandbox, openWatch, podManifest, serviceManifest, waitFor, type WatchLine} from './helpers.js';

const statusOf = (event: WatchLine): string => `${event.type} ${podRow(event.object).status} ${podRow(event.object).ready}`;

describe('control plane', () => {
	let sandbox: Sandbox;
	before(async () => {
		sandbox = await fastSandbox();
		await api(sandbox, '/api/v1/namespaces', {method: 'POST', body: {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'life'}}});
	});
	after(async () => sandbox.close());

	const pod = async (path: string): Promise<any> => (await api(sandbox, `/api/v1/namespaces/life/pods/${path}`)).body;

	test('a pod goes Pending → ContainerCreating → Running, with the events a kubelet records', async () => {
		const list = await api(sandbox, '/api/v1/namespaces/life/pods');
		const watch = await openWatch(sandbox, `/api/v1/namespaces/life/pods?watch=1&resourceVersion=${list.body.metadata.resourceVersion}`);
		await api(sandbox, '/api/v1/namespaces/life/pods', {method: 'POST', body: podManifest('testando')});
		const events = await watch.until(seen => seen.some(event => podRow(event.object).status === 'Running'));
		watch.close();
		// What `kubectl get pods -w` shows for `kubectl run` on a real cluster.
		assert.deepEqual(
			events.map(event => statusOf(event)),
			['ADDED Pending 0/1', 'MODIFIED Pending 0/1', 'MODIFIED ContainerCreating 0/1', 'MODIFIED Running 1/1'],
		);
		const running = await pod('testando');
		assert.equal(running.spec.nodeName, 'minikube');
		assert.match(running.status.podIP, /^172\.17\.\d+\.\d+$/);
		assert.deepEqual(running.status.podIPs, [{ip: running.status.podIP}]);
		assert.equal(running.status.hostIP, '192.168.49.2');
		assert.deepEqual(
			running.status.conditions.map((condition: {type: string; status: string}) => `${condition.type}=${condition.status}`),
			['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True'],
		);
		const [container] = running.status.containerStatuses;
		assert.equal(container.image, 'docker.io/library/nginx:latest');
		assert.match(container.imageID, /^docker-pullable:\/\/nginx@sha256:[\da-f]{64}$/);
		assert.match(container.containerID, /^docker:\/\/[\da-f]{64}$/);
		assert.equal(container.started, true);
		assert.ok(container.state.running.startedAt);
		const recorded = await api(
			sandbox,
			`/api/v1/namespaces/life/events?fieldSelector=involvedObject.name%3Dtestando%2CinvolvedObject.uid%3D${running.metadata.uid}`,
		);
		assert.deepEqual(
			recorded.body.items.map((event: {reason: string; message: string}) => `${event.reason}: ${event.message}`),
			[
				'Scheduled: Successfully assigned life/testando to minikube',
				'Pulling: Pulling image "nginx"',
				`Pulled: Successfully pulled image "nginx" in 10ms (10ms including waiting). Image size: ${/Image size: (\d+)/.exec(recorded.body.items[2].message)![1]} bytes.`,
				'Created: Created container: main',
				'Started: Started container main',
			],
		);
		const pulling = recorded.body.items[1];
		assert.match(pulling.metadata.name, /^testando\.[\da-f]+$/);
		assert.deepEqual(pulling.involvedObject, {
			kind: 'Pod',
			namespace: 'life',
			name: 'testando',
			uid: running.metadata.uid,
			apiVersion: 'v1',
			resourceVersion: pulling.involvedObject.resourceVersion,
			fieldPath: 'spec.containers{main}',
		});
		assert.deepEqual(pulling.source, {component: 'kubelet', host: 'minikube'});
		assert.equal(pulling.count, 1);
		assert.equal(pulling.reportingComponent, 'kubelet');
		assert.equal(pulling.reportingInstance, 'minikube');
		assert.equal(pulling.firstTimestamp, pulling.lastTimestamp);
		const scheduled = recorded.body.items[0];
		assert.equal(scheduled.reportingComponent, 'default-scheduler');
		assert.equal(scheduled.firstTimestamp, null);
		assert.match(scheduled.eventTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
		const byReason = await api(sandbox, '/api/v1/namespaces/life/events?fieldSelector=reason%3DStarted%2Ctype%3DNormal');
		assert.ok(byReason.body.items.every((event: {reason: string}) => event.reason === 'Started'));
	});

	test('graceful deletion: Terminating with deletionTimestamp, Killing, containers stopped, then gone', async () => {
		const current = await pod('testando');
		const watch = await openWatch(sandbox, `/api/v1/namespaces/life/pods?watch=1&resourceVersion=${current.metadata.resourceVersion}`);
		const deleted = await api(sandbox, '/api/v1/namespaces/life/pods/testando', {
			method: 'DELETE',
			body: {kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background'},
		});
		assert.equal(deleted.code, 200);
		assert.ok(deleted.body.metadata.deletionTimestamp);
		assert.equal(deleted.body.metadata.deletionGracePeriodSeconds, 30);
		assert.equal(podRow(deleted.body).status, 'Terminating');
		const events = await watch.until(seen => seen.some(event => event.type === 'DELETED'));
		watch.close();
		// The kubelet's final delete (grace 0) is written before the pod goes, as on a real server.
		assert.deepEqual(
			events.map(event => statusOf(event)),
			['MODIFIED Terminating 1/1', 'MODIFIED Completed 0/1', 'MODIFIED Completed 0/1', 'DELETED Completed 0/1'],
		);
		assert.equal(events.at(-2)!.object.metadata.deletionGracePeriodSeconds, 0);
		const killing = await api(
			sandbox,
			`/api/v1/namespaces/life/events?fieldSelector=involvedObject.uid%3D${current.metadata.uid}%2Creason%3DKilling`,
		);
		assert.equal(killing.body.items[0].message, 'Stopping container main');
		assert.equal((await api(sandbox, '/api/v1/namespaces/life/pods/testando')).code, 404);
	});

	test('gracePeriodSeconds=0 and pods never scheduled are removed at once', async () => {
		await api(sandbox, '/api/v1/namespaces/life/pods', {method: 'POST', body: podManifest('quick')});
		await waitFor(async () => assert.equal((await pod('quick')).status.phase, 'Running'));
		const now = await api(sandbox, '/api/v1/namespaces/life/pods/quick?gracePeriodSeconds=0', {method: 'DELETE'});
		assert.equal(now.code, 200);
		assert.equal((await api(sandbox, '/api/v1/namespaces/life/pods/quick')).code, 404);
		const unscheduled = podManifest('nowhere') as any;
		unscheduled.spec.schedulerName = 'nobody';
		await api(sandbox, '/api/v1/namespaces/life/pods', {method: 'POST', body: unscheduled});
		assert.equal((await api(sandbox, '/api/v1/namespaces/life/pods/nowhere', {method: 'DELETE'})).code, 200);
		assert.equal((await api(sandbox, '/api/v1/namespaces/life/pods/nowhere')).code, 404);
	});

	test('init containers run in order before the app containers', async () => {
		const withInit = podManifest('init-demo') as any;
		withInit.spec.initContainers = [
			{name: 'first', image: 'busybox:1.36'},
			{name: 'second', image: 'busybox:1.36'},
		];
		const list = await api(sandbox, '/api/v1/namespaces/life/pods');
		const watch = await openWatch(
			sandbox,
			`/api/v1/namespaces/life/pods?watch=1&fieldSelector=metadata.name%3Dinit-demo&resourceVersion=${list.body.metadata.resourceVersion}`,
		);
		await api(sandbox, '/api/v1/namespaces/life/pods', {method: 'POST', body: withInit});
		const events = await watch.until(seen => seen.some(event => podRow(event.object).status === 'Running'));
		watch.close();
		const statuses = events.map(event => podRow(event.object).status);
		assert.deepEqual([...new Set(statuses)], ['Pending', 'Init:0/2', 'Init:1/2', 'PodInitializing', 'Running']);
		const done = await pod('init-demo');
		assert.deepEqual(
			done.status.initContainerStatuses.map((status: any) => status.state.terminated.reason),
			['Completed', 'Completed'],
		);
		const recorded = await api(sandbox, `/api/v1/namespaces/life/events?fieldSelector=involvedObject.uid%3D${done.metadata.uid}`);
		assert.deepEqual(
			recorded.body.items.filter((event: {reason: string}) => event.reason === 'Started').map((event: {message: string}) => event.message),
			['Started container first', 'Started container second', 'Started container main'],
		);
		// busybox:1.36 pulls once; the second init container finds it on the node.
		assert.ok(
			recorded.body.items.some((event: {message: string}) => event.message === 'Container image "busybox:1.36" already present on machine'),
		);
	});

	test('a nodeSelector the node does not satisfy leaves the pod Pending and Unschedulable', async () => {
		const picky = podManifest('picky') as any;
		picky.spec.nodeSelector = {disktype: 'ssd'};
		await api(sandbox, '/api/v1/namespaces/life/pods', {method: 'POST', body: picky});
		const pending = await waitFor(async () => {
			const current = await pod('picky');
			assert.equal(current.status.conditions?.[0]?.reason, 'Unschedulable');
			return current;
		});
		assert.equal(podRow(pending).status, 'Pending');
		const failed = await api(
			sandbox,
			'/api/v1/namespaces/life/events?fieldSelector=involvedObject.name%3Dpicky%2Creason%3DFailedScheduling',
		);
		assert.equal(failed.body.items[0].type, 'Warning');
	});

	test('endpoints and slices follow a pod: not ready, ready, terminating, gone; named targetPort resolved', async () => {
		await api(sandbox, '/api/v1/namespaces/life/services', {
			method: 'POST',
			body: serviceManifest('web', {selector: {app: 'web'}, ports: [{name: 'http', port: 80, targetPort: 'web-port'}]}),
		});
		const empty = await waitFor(async () => {
			const endpoints = await api(sandbox, '/api/v1/namespaces/life/endpoints/web');
			assert.equal(endpoints.code, 200);
			return endpoints.body;
		});
		assert.equal(empty.subsets, undefined);
		const slices = await api(
			sandbox,
			'/apis/discovery.k8s.io/v1/namespaces/life/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dweb',
		);
		assert.equal(slices.body.items.length, 1);
		const slice = slices.body.items[0];
		assert.match(slice.metadata.name, /^web-[b-z2-9]{5}$/);
		assert.equal(slice.metadata.labels['endpointslice.kubernetes.io/managed-by'], 'endpointslice-controller.k8s.io');
		assert.equal(slice.metadata.ownerReferences[0].kind, 'Service');
		assert.equal(slice.endpoints, null);

		const list = await api(sandbox, '/api/v1/namespaces/life/endpoints');
		const watch = await openWatch(
			sandbox,
			`/api/v1/namespaces/life/endpoints?watch=1&fieldSelector=metadata.name%3Dweb&resourceVersion=${list.body.metadata.resourceVersion}`,
		);
		await api(sandbox, '/api/v1/namespaces/life/pods', {
			method: 'POST',
			body: podManifest('web-1', {labels: {app: 'web'}, ports: [{name: 'web-port', containerPort: 8080}]}),
		});
		await watch.until(seen => seen.some(event => event.object.subsets?.[0]?.addresses));
		const ready = await pod('web-1');
		const endpoints = (await api(sandbox, '/api/v1/namespaces/life/endpoints/web')).body;
		assert.deepEqual(endpoints.subsets, [
			{
				addresses: [
					{
						ip: ready.status.podIP,
						nodeName: 'minikube',
						targetRef: {kind: 'Pod', namespace: 'life', name: 'web-1', uid: ready.metadata.uid},
					},
				],
				ports: [{name: 'http', port: 8080, protocol: 'TCP'}],
			},
		]);
		const readySlice = (await api(sandbox, `/apis/discovery.k8s.io/v1/namespaces/life/endpointslices/${slice.metadata.name}`)).body;
		assert.deepEqual(readySlice.endpoints, [
			{
				addresses: [ready.status.podIP],
				conditions: {ready: true, serving: true, terminating: false},
				targetRef: {kind: 'Pod', namespace: 'life', name: 'web-1', uid: ready.metadata.uid},
				nodeName: 'minikube',
			},
		]);
		assert.deepEqual(readySlice.ports, [{name: 'http', protocol: 'TCP', port: 8080}]);
		// Before Running, the pod had no IP yet or was listed under notReadyAddresses, never as ready.
		const seenBeforeReady = watch.events.filter(event => event.object.subsets?.[0]?.notReadyAddresses);
		for (const event of seenBeforeReady) {
			assert.equal(event.object.subsets[0].addresses, undefined);
		}

		await api(sandbox, '/api/v1/namespaces/life/pods/web-1', {method: 'DELETE'});
		const terminatingSlice = await waitFor(async () => {
			const current = (await api(sandbox, `/apis/discovery.k8s.io/v1/namespaces/life/endpointslices/${slice.metadata.name}`)).body;
			assert.equal(current.endpoints?.[0]?.conditions.terminating, true);
			return current;
		});
		assert.deepEqual(terminatingSlice.endpoints[0].conditions, {ready: false, serving: true, terminating: true});
		await watch.until(seen => seen.at(-1)!.object.subsets === undefined);
		watch.close();
		await waitFor(async () =>
			assert.equal(
				(await api(sandbox, `/apis/discovery.k8s.io/v1/namespaces/life/endpointslices/${slice.metadata.name}`)).body.endpoints,
				null,
			),
		);
	});

	test('services without a selector are left alone; deleting a service removes its endpoints and slices', async () => {
		await api(sandbox, '/api/v1/namespaces/life/services', {method: 'POST', body: serviceManifest('manual', {ports: [{port: 80}]})});
		await api(sandbox, '/api/v1/namespaces/life/services', {
			method: 'POST',
			body: serviceManifest('gone-soon', {selector: {app: 'x'}, ports: [{port: 80}]}),
		});
		await waitFor(async () => assert.equal((await api(sandbox, '/api/v1/namespaces/life/endpoints/gone-soon')).code, 200));
		assert.equal((await api(sandbox, '/api/v1/namespaces/life/endpoints/manual')).code, 404);
		await api(sandbox, '/api/v1/namespaces/life/services/gone-soon', {method: 'DELETE'});
		await waitFor(async () => assert.equal((await api(sandbox, '/api/v1/namespaces/life/endpoints/gone-soon')).code, 404));
		const slices = await api(
			sandbox,
			'/apis/discovery.k8s.io/v1/namespaces/life/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dgone-soon',
		);
		assert.deepEqual(slices.body.items, []);
	});

	test('pod IPs come from the lowest free address; seedPods makes Running pods fast', async () => {
		sandbox.seedPods('bulk', 50);
		const pods = (await api(sandbox, '/api/v1/namespaces/bulk/pods')).body.items;
		assert.equal(pods.length, 50);
		assert.ok(pods.every((item: any) => podRow(item).status === 'Running'));
		assert.equal(new Set(pods.map((item: any) => item.status.podIP)).size, 50);
		sandbox.seedPods('bulk-pending', 3, {running: false});
		const creating = (await api(sandbox, '/api/v1/namespaces/bulk-pending/pods')).body.items;
		assert.deepEqual(
			creating.map((item: any) => podRow(item).status),
			['ContainerCreating', 'ContainerCreating', 'ContainerCreating'],
		);
	});
});
