// The three-way patches kubectl apply computes, table-driven: last-applied (original), the file
// (modified) and the live object (current) in, the patch out, as apimachinery's strategicpatch
// and jsonmergepatch make them.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {JsonMap} from '../../source/actions/go-json.js';
import {threeWayMergePatch} from '../../source/actions/merge-patch.js';
import {patchSchemaFor} from '../../source/actions/patch-meta.js';
import {threeWayStrategicPatch} from '../../source/actions/strategic-patch.js';

const pod = (spec: JsonMap, metadata: JsonMap = {}): JsonMap => ({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p', ...metadata}, spec});
const container = (extra: JsonMap = {}): JsonMap => ({name: 'c', image: 'nginx', ...extra});
// What a server adds to a pod it stores: defaults and status the file never names.
const live = (object: JsonMap): JsonMap => ({
	...object,
	metadata: {...(object['metadata'] as JsonMap), uid: 'u-1', resourceVersion: '7'},
	spec: {...(object['spec'] as JsonMap), restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', nodeName: 'minikube'},
	status: {phase: 'Running'},
});

interface Case {
	name: string;
	original?: JsonMap;
	modified: JsonMap;
	current: JsonMap;
	schema?: 'Pod' | 'Service' | 'Deployment';
	patch: JsonMap;
}

const cases: Case[] = [
	{
		name: "the file as applied, the server's defaults and status around it: nothing to do",
		original: pod({containers: [container()]}),
		modified: pod({containers: [container()]}),
		current: live(pod({containers: [container({terminationMessagePath: '/dev/termination-log'})]})),
		patch: {},
	},
	{
		name: 'an image changed in the file: that container, by name, and the order of the list',
		original: pod({containers: [container()]}),
		modified: pod({containers: [container({image: 'nginx:1.27'})]}),
		current: live(pod({containers: [container()]})),
		patch: {spec: {'$setElementOrder/containers': [{name: 'c'}], containers: [{image: 'nginx:1.27', name: 'c'}]}},
	},
	{
		name: 'a label the file dropped: deleted (null); a label someone else added: kept',
		original: pod({containers: [container()]}, {labels: {app: 'a', tier: 't'}}),
		modified: pod({containers: [container()]}, {labels: {app: 'a'}}),
		current: live(pod({containers: [container()]}, {labels: {app: 'a', tier: 't', team: 'other'}})),
		patch: {metadata: {labels: {tier: null}}},
	},
	{
		name: 'no last-applied (made by kubectl run): only changes and additions, nothing deleted',
		modified: pod({containers: [container()]}, {labels: {app: 'b'}}),
		current: live(pod({containers: [container()]}, {labels: {app: 'a', run: 'p'}})),
		patch: {metadata: {labels: {app: 'b'}}},
	},
	{
		name: 'an env var the file dropped: a $patch: delete item inside its container, and the new order',
		original: pod({
			containers: [
				container({
					env: [
						{name: 'X', value: '1'},
						{name: 'Y', value: '2'},
					],
				}),
			],
		}),
		modified: pod({containers: [container({env: [{name: 'Y', value: '2'}]})]}),
		current: live(
			pod({
				containers: [
					container({
						env: [
							{name: 'X', value: '1'},
							{name: 'Y', value: '2'},
						],
					}),
				],
			}),
		),
		patch: {
			spec: {
				'$setElementOrder/containers': [{name: 'c'}],
				containers: [{name: 'c', '$setElementOrder/env': [{name: 'Y'}], env: [{$patch: 'delete', name: 'X'}]}],
			},
		},
	},
	{
		name: 'a container port added: the new item whole, merged by containerPort',
		original: pod({containers: [container({ports: [{containerPort: 80}]})]}),
		modified: pod({containers: [container({ports: [{containerPort: 80}, {containerPort: 443}]})]}),
		current: live(pod({containers: [container({ports: [{containerPort: 80, protocol: 'TCP'}]})]})),
		patch: {
			spec: {
				'$setElementOrder/containers': [{name: 'c'}],
				containers: [{name: 'c', '$setElementOrder/ports': [{containerPort: 80}, {containerPort: 443}], ports: [{containerPort: 443}]}],
			},
		},
	},
	{
		name: 'a list with no merge strategy (args): replaced whole',
		original: pod({containers: [container({args: ['-a', '-b']})]}),
		modified: pod({containers: [container({args: ['-a']})]}),
		current: live(pod({containers: [container({args: ['-a', '-b']})]})),
		patch: {spec: {'$setElementOrder/containers': [{name: 'c'}], containers: [{args: ['-a'], name: 'c'}]}},
	},
	{
		name: "a finalizer dropped (a merging list of strings): $deleteFromPrimitiveList, others' kept",
		original: pod({containers: [container()]}, {finalizers: ['a', 'b']}),
		modified: pod({containers: [container()]}, {finalizers: ['a']}),
		current: live(pod({containers: [container()]}, {finalizers: ['a', 'b', 'c']})),
		patch: {metadata: {'$deleteFromPrimitiveList/finalizers': ['b'], '$setElementOrder/finalizers': ['a']}},
	},
	{
		name: "a service's targetPort changed: merged by port, the defaulted protocol left alone",
		schema: 'Service',
		original: {apiVersion: 'v1', kind: 'Service', metadata: {name: 's'}, spec: {ports: [{port: 4050, targetPort: 80}]}},
		modified: {apiVersion: 'v1', kind: 'Service', metadata: {name: 's'}, spec: {ports: [{port: 4050, targetPort: 8080}]}},
		current: {
			apiVersion: 'v1',
			kind: 'Service',
			metadata: {name: 's'},
			spec: {clusterIP: '10.96.0.10', ports: [{port: 4050, protocol: 'TCP', targetPort: 80}]},
		},
		patch: {spec: {'$setElementOrder/ports': [{port: 4050}], ports: [{port: 4050, targetPort: 8080}]}},
	},
	{
		name: 'a value that changes type (targetPort 80 → "http"): replaced',
		schema: 'Service',
		original: {apiVersion: 'v1', kind: 'Service', metadata: {name: 's'}, spec: {ports: [{port: 80, targetPort: 80}]}},
		modified: {apiVersion: 'v1', kind: 'Service', metadata: {name: 's'}, spec: {ports: [{port: 80, targetPort: 'http'}]}},
		current: {apiVersion: 'v1', kind: 'Service', metadata: {name: 's'}, spec: {ports: [{port: 80, protocol: 'TCP', targetPort: 80}]}},
		patch: {spec: {'$setElementOrder/ports': [{port: 80}], ports: [{port: 80, targetPort: 'http'}]}},
	},
	{
		name: "a deployment's strategy switched to Recreate (retainKeys): the old rollingUpdate cleared",
		schema: 'Deployment',
		original: {
			apiVersion: 'apps/v1',
			kind: 'Deployment',
			metadata: {name: 'd'},
			spec: {strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1}}},
		},
		modified: {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'd'}, spec: {strategy: {type: 'Recreate'}}},
		current: {
			apiVersion: 'apps/v1',
			kind: 'Deployment',
			metadata: {name: 'd'},
			spec: {strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1, maxUnavailable: '25%'}}},
		},
		patch: {spec: {strategy: {$retainKeys: ['type'], rollingUpdate: null, type: 'Recreate'}}},
	},
	{
		name: 'containers reordered while one loses an env var and the other changes: the items in the new order (the server checks it)',
		original: pod({
			containers: [
				container({
					env: [
						{name: 'A', value: '1'},
						{name: 'B', value: '2'},
					],
				}),
				container({name: 'side', args: ['1d']}),
			],
		}),
		modified: pod({
			containers: [container({name: 'side', args: ['2d']}), container({image: 'nginx:1.27', env: [{name: 'B', value: '2'}]})],
		}),
		current: live(
			pod({
				containers: [
					container({
						env: [
							{name: 'A', value: '1'},
							{name: 'B', value: '2'},
						],
					}),
					container({name: 'side', args: ['1d']}),
				],
			}),
		),
		patch: {
			spec: {
				'$setElementOrder/containers': [{name: 'side'}, {name: 'c'}],
				containers: [
					{args: ['2d'], name: 'side'},
					{name: 'c', image: 'nginx:1.27', '$setElementOrder/env': [{name: 'B'}], env: [{$patch: 'delete', name: 'A'}]},
				],
			},
		},
	},
	{
		name: 'containers reordered in the file: only the order',
		original: pod({containers: [container(), container({name: 'd'})]}),
		modified: pod({containers: [container({name: 'd'}), container()]}),
		current: live(pod({containers: [container(), container({name: 'd'})]})),
		patch: {spec: {'$setElementOrder/containers': [{name: 'd'}, {name: 'c'}]}},
	},
];

describe('threeWayStrategicPatch', () => {
	for (const entry of cases) {
		test(entry.name, () => {
			const kind = entry.schema ?? 'Pod';
			const schema = patchSchemaFor(kind === 'Deployment' ? 'apps/v1' : 'v1', kind);
			assert.deepEqual(threeWayStrategicPatch(entry.original, entry.modified, entry.current, schema), entry.patch);
		});
	}
});

const widget = (spec: JsonMap): JsonMap => ({apiVersion: 'example.com/v1', kind: 'Widget', metadata: {name: 'w'}, spec});

describe('threeWayMergePatch (custom resources)', () => {
	const mergeCases: Array<Omit<Case, 'schema'>> = [
		{
			name: 'unchanged',
			original: widget({a: 1}),
			modified: widget({a: 1}),
			current: {...widget({a: 1, b: 2}), status: {ok: true}},
			patch: {},
		},
		{
			name: 'a value changed, a key dropped, a key others set kept',
			original: widget({a: 1, b: 2}),
			modified: widget({a: 3}),
			current: widget({a: 1, b: 2, c: 4}),
			patch: {spec: {a: 3, b: null}},
		},
		{
			name: 'lists are replaced whole',
			original: widget({list: [1, 2]}),
			modified: widget({list: [2]}),
			current: widget({list: [1, 2]}),
			patch: {spec: {list: [2]}},
		},
		{name: 'an empty object is a value', modified: widget({config: {}}), current: widget({}), patch: {spec: {config: {}}}},
	];
	for (const entry of mergeCases) {
		test(entry.name, () => {
			assert.deepEqual(threeWayMergePatch(entry.original, entry.modified, entry.current), entry.patch);
		});
	}
});
