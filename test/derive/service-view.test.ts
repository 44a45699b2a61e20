import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {EndpointGroup} from '../../source/cluster/types.js';
import {groupFromEndpoints, groupFromSlice} from '../../source/cluster/endpoints.js';
import {parseFilter} from '../../source/derive/pod-view.js';
import {
	endpointLines,
	endpointReport,
	filterServices,
	nodePortUrls,
	servicesSelecting,
	undeclaredTargetPorts,
	whyNoEndpoints,
} from '../../source/derive/service-view.js';
import {podRow} from '../../source/format/pod.js';
import {serviceRow} from '../../source/format/service.js';
import type {Pod, Service} from '../../source/k8s/types.js';
import {fixturePod} from '../ui/fake-cluster.js';
// The tutorial's objects as a server returns them (defaults filled in).
import {minikube, svcPod, svcPod2} from '../ui/tutorial-objects.js';

function pod1(fixture = 'running', ports = [{containerPort: 80, protocol: 'TCP'}]): Pod {
	const pod = fixturePod(fixture, {name: 'pod-1', namespace: 'default', labels: {app: 'pod-label'}});
	return {...pod, spec: {...pod.spec!, containers: pod.spec!.containers.map(container => ({...container, ports}))}};
}

const sliceFor = (ready: boolean, terminating = false): EndpointGroup =>
	groupFromSlice({
		metadata: {name: 'svc-pod-x7k2p', namespace: 'default', labels: {'kubernetes.io/service-name': 'svc-pod'}},
		addressType: 'IPv4',
		endpoints: [
			{
				addresses: ['172.17.0.4'],
				conditions: {ready, serving: ready, terminating},
				nodeName: 'minikube',
				targetRef: {kind: 'Pod', name: 'pod-1', namespace: 'default'},
			},
		],
		ports: [{name: '', port: 80, protocol: 'TCP'}],
	});

describe('endpoints of a service', () => {
	test('from an EndpointSlice: address:port, state, the pod and its node', () => {
		assert.deepEqual(endpointLines(svcPod, [sliceFor(true)]), [
			{address: '172.17.0.4:80', state: 'ready', pod: 'pod-1', node: 'minikube', portName: undefined},
		]);
		assert.equal(endpointLines(svcPod, [sliceFor(false)])[0]!.state, 'not ready');
		assert.equal(endpointLines(svcPod, [sliceFor(false, true)])[0]!.state, 'terminating');
	});

	test('from core/v1 Endpoints, ready and not ready addresses', () => {
		const group = groupFromEndpoints({
			metadata: {name: 'svc-pod', namespace: 'default'},
			subsets: [
				{
					addresses: [{ip: '172.17.0.4', nodeName: 'minikube', targetRef: {kind: 'Pod', name: 'pod-1'}}],
					notReadyAddresses: [{ip: '172.17.0.5', targetRef: {kind: 'Pod', name: 'pod-3'}}],
					ports: [{port: 80, protocol: 'TCP'}],
				},
			],
		});
		assert.deepEqual(
			endpointLines(svcPod, [group]).map(line => `${line.address} ${line.state} ${line.pod}`),
			['172.17.0.4:80 ready pod-1', '172.17.0.5:80 not ready pod-3'],
		);
	});

	test('only the slices of this service, in this namespace', () => {
		const other = {...sliceFor(true), service: 'other'};
		const elsewhere = {...sliceFor(true), namespace: 'demo'};
		assert.deepEqual(endpointLines(svcPod, [other, elsewhere]), []);
	});

	test('IPv6 addresses are bracketed, as net.JoinHostPort does', () => {
		const group: EndpointGroup = {
			namespace: 'default',
			name: 's',
			service: 'svc-pod',
			endpoints: [{ip: 'fd00::4', port: 80, protocol: 'TCP', ready: true, serving: true, terminating: false}],
		};
		assert.equal(endpointLines(svcPod, [group])[0]!.address, '[fd00::4]:80');
	});
});

describe('why a service has no ready endpoint', () => {
	const rows = (...pods: Pod[]) => pods.map(pod => podRow(pod));
	const cases: Array<[string, Service, Pod[], EndpointGroup[], string | undefined]> = [
		['a ready endpoint: nothing to explain', svcPod, [pod1()], [sliceFor(true)], undefined],
		[
			'no selector',
			{...svcPod, spec: {...svcPod.spec, selector: undefined}},
			[pod1()],
			[],
			'no selector: this service picks no pods by itself; its endpoints are whatever was written by hand',
		],
		['the selector matches no pod (pod-1 deleted)', svcPod, [], [], 'selector app=pod-label matches no pod in namespace default'],
		[
			'labels differ',
			svcPod,
			[{...pod1(), metadata: {...pod1().metadata, labels: {app: 'pod-labe'}}}],
			[],
			'selector app=pod-label matches no pod in namespace default',
		],
		[
			'a matching pod in another namespace does not count',
			svcPod,
			[{...pod1(), metadata: {...pod1().metadata, namespace: 'demo'}}],
			[],
			'selector app=pod-label matches no pod in namespace default',
		],
		[
			'the pod is starting',
			svcPod,
			[pod1('container-creating')],
			[sliceFor(false)],
			'1 pod matches app=pod-label but none is ready (pod-1: ContainerCreating)',
		],
		['the pod crashes', svcPod, [pod1('crashloop')], [], '1 pod matches app=pod-label but none is ready (pod-1: CrashLoopBackOff)'],
		[
			'a named targetPort no pod declares',
			{...svcPod, spec: {...svcPod.spec, ports: [{port: 4050, targetPort: 'http', protocol: 'TCP'}]}},
			[pod1()],
			[],
			'targetPort http matches no port of the 1 matching pod (they have 80/TCP)',
		],
		[
			'ready pods, endpoints not yet published',
			svcPod,
			[pod1()],
			[],
			'1 ready pod matches app=pod-label; the endpoints are not published yet',
		],
		[
			'ExternalName',
			{metadata: {name: 'ext', namespace: 'default'}, spec: {type: 'ExternalName', externalName: 'foo.bar.example.com'}},
			[],
			[],
			'an ExternalName service has no endpoints: DNS answers with foo.bar.example.com',
		],
	];
	for (const [name, service, pods, groups, expected] of cases) {
		test(name, () => assert.equal(whyNoEndpoints(service, rows(...pods), endpointLines(service, groups)), expected));
	}

	test('a numeric targetPort the pods do not declare is flagged even with endpoints', () => {
		const wrong = {...svcPod, spec: {...svcPod.spec, ports: [{port: 4050, targetPort: 8080, protocol: 'TCP'}]}};
		assert.equal(undeclaredTargetPorts(wrong, rows(pod1())), 'targetPort 8080 is not a port the selected pods declare (they have 80/TCP)');
		assert.equal(undeclaredTargetPorts(svcPod, rows(pod1())), undefined);
		assert.equal(undeclaredTargetPorts(wrong, rows(pod1('running', []))), undefined, 'pods that declare no ports may listen anywhere');
	});
});

describe('the endpoint report the pane and the detail share', () => {
	test('lines, every problem and the NodePort URLs, in one call', () => {
		const wrong = {...svcPod2, spec: {...svcPod2.spec, ports: [{port: 5000, targetPort: 8080, nodePort: 30000, protocol: 'TCP'}]}};
		const pod = {...pod1(), metadata: {...pod1().metadata, labels: {app: 'pod-label2'}}};
		assert.deepEqual(endpointReport(wrong, [], [podRow(pod)], [minikube]), {
			lines: [],
			problems: [
				'1 ready pod matches app=pod-label2; the endpoints are not published yet',
				'targetPort 8080 is not a port the selected pods declare (they have 80/TCP)',
			],
			urls: ['192.168.49.2:30000'],
		});
		assert.deepEqual(endpointReport(svcPod, [sliceFor(true)], [podRow(pod1())], []).problems, []);
	});
});

describe('filtering services', () => {
	const rows = [svcPod, svcPod2].map(serviceRow);
	const names = (text: string) => filterServices(rows, parseFilter(text)).map(row => row.name);
	test("by the text a user reads, or by the service's own labels", () => {
		assert.deepEqual(names('nodeport'), ['svc-pod2']);
		assert.deepEqual(names('10.105'), ['svc-pod']);
		assert.deepEqual(names('app=pod-label2'), ['svc-pod2'], 'the selector cell is searched as text');
		assert.deepEqual(names('-l app=pod-label'), [], "a label selector matches the service's labels, not its selector");
	});
});

describe('the label link, both ways', () => {
	test('services selecting a pod', () => {
		const pod = podRow(pod1());
		assert.deepEqual(
			servicesSelecting(pod, [svcPod, svcPod2]).map(service => service.metadata.name),
			['svc-pod'],
		);
	});

	test('a NodePort service opens at nodeIP:nodePort', () => {
		assert.deepEqual(nodePortUrls(svcPod2, [minikube]), ['192.168.49.2:30000']);
		assert.deepEqual(nodePortUrls(svcPod, [minikube]), []);
		assert.deepEqual(nodePortUrls(svcPod2, [{metadata: {name: 'bare-node'}}]), ['bare-node:30000'], 'a node without addresses: its name');
	});
});
