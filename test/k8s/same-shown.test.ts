import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {nodeCells, nodeRow} from '../../source/format/node.js';
import {podRow} from '../../source/format/pod.js';
import {sameShown} from '../../source/k8s/same-shown.js';
import type {Node, Pod} from '../../source/k8s/types.js';
import {loadFixtures} from '../fixtures/fixtures.js';

const labNode = loadFixtures<Node>('nodes').find(fixture => fixture.file === 'lab-minikube.json')!;
const running = loadFixtures<Pod>('pods').find(fixture => fixture.file === 'running.json')!;

/** The lab's node as its kubelet rewrites it every 10 s: a new resourceVersion and heartbeat, nothing else. */
function heartbeat(node: Node, at: string, resourceVersion: string): Node {
	const next = structuredClone(node);
	next.metadata.resourceVersion = resourceVersion;
	for (const condition of next.status?.conditions ?? []) {
		condition.lastHeartbeatTime = at;
	}
	return next;
}

function changed(node: Node, change: (node: Node) => void): Node {
	const next = heartbeat(node, '2026-11-30T13:06:04Z', '99');
	change(next);
	return next;
}

describe('sameShown: a change only the detail shows', () => {
	const node = labNode.object;
	const cases: Array<[string, Node, boolean]> = [
		['the status heartbeat (lastHeartbeatTime, resourceVersion)', heartbeat(node, '2026-11-30T13:06:04Z', '99'), true],
		['cordoned (STATUS Ready,SchedulingDisabled)', changed(node, next => Object.assign(next.spec ?? {}, {unschedulable: true})), false],
		['not ready', changed(node, next => Object.assign(next.status!.conditions!.find(c => c.type === 'Ready')!, {status: 'False'})), false],
		['a new label (ROLES, -l)', changed(node, next => Object.assign(next.metadata.labels!, {'node-role.kubernetes.io/edge': ''})), false],
		[
			'a new address (NodePort URLs)',
			changed(node, next => next.status!.addresses!.push({type: 'ExternalIP', address: '10.0.0.9'})),
			false,
		],
		[
			'a condition that moved (lastTransitionTime)',
			changed(node, next => Object.assign(next.status!.conditions![0]!, {lastTransitionTime: '2026-11-30T13:06:04Z'})),
			false,
		],
	];
	for (const [what, after, same] of cases) {
		test(`${what}: ${same ? 'same' : 'shows'}`, () => {
			assert.equal(sameShown(nodeRow(node), nodeRow(after)), same);
		});
	}

	test('a heartbeat leaves every cell of the row as it was', () => {
		const now = Date.parse(labNode.now);
		assert.deepEqual(nodeCells(heartbeat(node, '2026-11-30T13:06:04Z', '99'), now), labNode.cells);
	});

	test('a pod rewritten with nothing its row holds changed is the same; a restart is not', () => {
		const pod = running.object;
		const rewritten = structuredClone(pod);
		rewritten.metadata.resourceVersion = '123456';
		assert.equal(sameShown(podRow(pod), podRow(rewritten)), true);
		const restarted = structuredClone(pod);
		restarted.status!.containerStatuses![0]!.restartCount = 1;
		assert.equal(sameShown(podRow(pod), podRow(restarted)), false);
	});

	test('shapes: a field added or removed shows; undefined equals absent; only plain objects are compared by fields', () => {
		assert.equal(sameShown({a: 1}, {a: 1, b: 2}), false);
		assert.equal(sameShown({a: 1, b: undefined}, {a: 1}), true);
		assert.equal(sameShown([1, 2], [1, 2, 3]), false);
		assert.equal(sameShown([1], {0: 1}), false);
		assert.equal(sameShown(new Date(1), new Date(2)), false);
		assert.equal(sameShown({resourceVersion: '1', managedFields: [1]}, {resourceVersion: '2', managedFields: [2]}), true);
		// The first watch event after a list: the same object, now with apiVersion and kind.
		assert.equal(sameShown({metadata: {name: 'a'}}, {apiVersion: 'v1', kind: 'Node', metadata: {name: 'a'}}), true);
		assert.equal(sameShown({apiVersion: 'v1', kind: 'Node'}, {apiVersion: 'v1', kind: 'Namespace'}), false);
	});
});
