// The tutorial's checks, table-driven on store snapshots built from real object fixtures:
// each row is what the stores hold (and what kpods has seen), and the state every step is in.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {EndpointGroup} from '../../source/cluster/types.js';
import {podRow} from '../../source/format/pod.js';
import {serviceRow} from '../../source/format/service.js';
import type {Pod, Service} from '../../source/k8s/types.js';
import {
	checkSteps,
	emptyMemory,
	type Note,
	observe,
	progress,
	type StepState,
	type TutorialMemory,
	type TutorialSnapshot,
	tutorialPodsOf,
} from '../../source/tutorial/checks.js';
import {steps} from '../../source/tutorial/steps.js';
import {minikube, slice, svcPod, svcPod2, tutorialPod} from '../ui/tutorial-objects.js';

const testandoRunning = tutorialPod('running', 'testando', {run: 'testando'}, [], '172.17.0.6');
const testandoCreating = tutorialPod('container-creating', 'testando', {run: 'testando'});
const testandoTerminating = tutorialPod('terminating', 'testando', {run: 'testando'});
const firstPod = tutorialPod('running', 'o-primeiro-pod', {}, [], '172.17.0.3');
const pod1 = tutorialPod('running', 'pod-1', {app: 'pod-label'}, [80], '172.17.0.4');
const pod2 = tutorialPod('running', 'pod-2', {app: 'pod-label2'}, [5000], '172.17.0.5');
const svcPodReady = slice('svc-pod', [{ip: '172.17.0.4', pod: 'pod-1', ready: true}], 80);
const svcPodNotReady = slice('svc-pod', [{ip: '172.17.0.4', pod: 'pod-1', ready: false}], 80);
const svcPod2Ready = slice('svc-pod2', [{ip: '172.17.0.5', pod: 'pod-2', ready: true}], 5000);

function snapshot(pods: Pod[], services: Service[] = [], endpoints: EndpointGroup[] = [], sandbox = false): TutorialSnapshot {
	return {
		namespace: 'default',
		pods: pods.map(pod => podRow(pod)),
		services: services.map(service => serviceRow(service)),
		endpoints,
		nodes: [minikube],
		sandbox,
		context: 'lab',
	};
}

const all = snapshot([firstPod, pod1, pod2], [svcPod, svcPod2], [svcPodReady, svcPod2Ready]);
const read: TutorialMemory = {...emptyMemory, read: true};
const afterTestando: TutorialMemory = {read: true, testandoSeen: true, testandoRan: true, described: true};

// ✓ done, ○ pending, – unchecked; one character per step, in order.
const glyph: Record<StepState, string> = {done: '✓', pending: '○', unchecked: '–'};
const cases: Array<{name: string; snapshot: TutorialSnapshot; memory: TutorialMemory; states: string; notes?: Record<number, string>}> = [
	{name: 'nothing yet', snapshot: snapshot([]), memory: emptyMemory, states: '○○○○○○○○○○○', notes: {2: 'noPod', 5: 'notSeen'}},
	{
		name: 'testando created, not running yet',
		snapshot: snapshot([testandoCreating]),
		memory: read,
		states: '✓✓○○○○○○○○○',
		notes: {3: 'testando: ContainerCreating', 5: 'stillThere'},
	},
	{name: 'testando running', snapshot: snapshot([testandoRunning]), memory: read, states: '✓✓✓○○○○○○○○', notes: {4: 'describeHere'}},
	{
		name: 'testando terminating',
		snapshot: snapshot([testandoTerminating]),
		memory: afterTestando,
		states: '✓✓✓✓○○○○○○○',
		notes: {5: 'terminating'},
	},
	{
		name: 'testando gone after it ran (kubectl delete elsewhere)',
		snapshot: snapshot([]),
		memory: afterTestando,
		states: '✓✓✓✓✓○○○○○○',
		notes: {5: 'gone'},
	},
	{
		name: 'pod-1 before its service',
		snapshot: snapshot([firstPod, pod1]),
		memory: afterTestando,
		states: '✓✓✓✓✓✓○○○○○',
		notes: {7: 'noService', 8: 'noService', 11: 'after'},
	},
	{
		name: 'svc-pod with pod-1 not ready',
		snapshot: snapshot([firstPod, pod1], [svcPod], [svcPodNotReady]),
		memory: afterTestando,
		states: '✓✓✓✓✓✓○✓○○○',
		notes: {7: 'noEndpoint', 8: 'pod-1 172.17.0.4 · svc-pod 10.105.54.122', 9: 'noService', 10: 'after'},
	},
	{
		name: 'everything, on a real cluster',
		snapshot: all,
		memory: afterTestando,
		states: '✓✓✓✓✓✓✓✓✓––',
		notes: {7: 'endpoint', 9: 'endpoint', 10: 'open', 11: 'shellUnseen'},
	},
	{
		name: 'everything, on the sandbox',
		snapshot: {...all, sandbox: true},
		memory: afterTestando,
		states: '✓✓✓✓✓✓✓✓✓––',
		notes: {10: 'sandboxNoTraffic', 11: 'sandboxNoShell'},
	},
	{
		name: 'everything, on minikube',
		snapshot: {...all, context: 'minikube'},
		memory: afterTestando,
		states: '✓✓✓✓✓✓✓✓✓––',
		notes: {10: 'openMinikube'},
	},
	{
		name: 'svc-pod2 as a ClusterIP is not the tutorial’s',
		snapshot: snapshot(
			[firstPod, pod1, pod2],
			[svcPod, {...svcPod2, spec: {...svcPod2.spec, type: 'ClusterIP'}}],
			[svcPodReady, svcPod2Ready],
		),
		memory: afterTestando,
		states: '✓✓✓✓✓✓✓✓○○–',
		notes: {9: 'serviceDiffers'},
	},
	{
		name: 'another namespace’s pods do not count',
		snapshot: {...all, namespace: 'other'},
		memory: afterTestando,
		states: '✓✓✓✓✓○○○○○○',
	},
];

/** A note as the table spells it: the catalog key's last part, or the language-free text itself. */
function noteName(note: Note | undefined): string | undefined {
	return note && ('text' in note ? note.text : note.key.replace('tutorial.check.', ''));
}

for (const row of cases) {
	test(`tutorial checks: ${row.name}`, () => {
		const checked = checkSteps(row.snapshot, row.memory);
		assert.equal(checked.length, steps.length);
		assert.equal(checked.map(check => glyph[check.state]).join(''), row.states);
		for (const [number, note] of Object.entries(row.notes ?? {})) {
			assert.equal(noteName(checked[Number(number) - 1]!.note), note, `step ${number}`);
		}
	});
}

test('tutorial checks: the notes carry what was seen', () => {
	const checked = checkSteps(all, afterTestando);
	assert.deepEqual(checked[6]!.note, {
		key: 'tutorial.check.endpoint',
		params: {service: 'svc-pod', address: '172.17.0.4:80', pod: 'pod-1'},
	});
	assert.deepEqual(checked[9]!.note, {key: 'tutorial.check.open', params: {address: '192.168.49.2:30000'}});
	assert.deepEqual(progress(checked), {done: 9, total: 11});
});

test('tutorial memory: grows from what is seen, and stays the same object when nothing is new', () => {
	const seen = {selectedStep: 0};
	const start = observe(emptyMemory, snapshot([]), seen);
	assert.equal(start, emptyMemory);
	const created = observe(start, snapshot([testandoCreating]), seen);
	assert.deepEqual(created, {read: false, testandoSeen: true, testandoRan: false, described: false});
	const ran = observe(created, snapshot([testandoRunning]), {selectedStep: 3, detailPod: {namespace: 'default', name: 'testando'}});
	assert.deepEqual(ran, {read: true, testandoSeen: true, testandoRan: true, described: true});
	assert.equal(observe(ran, snapshot([]), seen), ran, 'a pod gone takes nothing back');
	const otherDetail = observe(emptyMemory, snapshot([]), {selectedStep: 0, detailPod: {namespace: 'other', name: 'testando'}});
	assert.equal(otherDetail.described, false);
});

test('tutorial pods are found by binary search in the list order, in their namespace only', () => {
	const rename = (pod: Pod, namespace: string) => ({...pod, metadata: {...pod.metadata, namespace}});
	// The API server's order: `namespace/name` bytewise ('a-b/…' before 'a/…'), as the store keeps it.
	const filler = Array.from({length: 500}, (_, index) => tutorialPod('running', `web-${String(index).padStart(3, '0')}`, {}));
	const pods = [
		...filler.map(pod => rename(pod, 'a')),
		rename(pod1, 'a'),
		rename(testandoRunning, 'a'),
		rename(pod1, 'a-b'),
		rename(firstPod, 'default'),
		...filler.map(pod => rename(pod, 'default')),
	]
		.map(pod => podRow(pod))
		.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
	assert.deepEqual(
		tutorialPodsOf(pods, 'a').map(row => row.key),
		['a/testando', 'a/pod-1'],
	);
	assert.deepEqual(
		tutorialPodsOf(pods, 'default').map(row => row.key),
		['default/o-primeiro-pod'],
	);
	assert.deepEqual(
		tutorialPodsOf(pods, 'a-b').map(row => row.key),
		['a-b/pod-1'],
	);
	assert.deepEqual(tutorialPodsOf([], 'a'), []);
});
