// Server-side apply: create, conflicts, unknown fields, managed-field migration.
import type {Scenario} from '../types.js';
import {core, pod, service} from '../manifests.js';

const yaml = 'application/apply-patch+yaml';

function labelled(object: Record<string, unknown>, app: string): Record<string, unknown> {
	return {...object, metadata: {...(object['metadata'] as object), labels: {app}}};
}

// kubectl sends the object with its namespace set; the server's messages name it from the body.
function inNamespace(object: Record<string, unknown>): Record<string, unknown> {
	return {...object, metadata: {...(object['metadata'] as object), namespace: '{ns}'}};
}

export const scenarios: Scenario[] = [
	{
		id: 'apply-create',
		title: 'server-side apply creates an object with its manager',
		steps: [
			{
				method: 'PATCH',
				path: core('pods', 'web'),
				query: {fieldManager: 'tester'},
				contentType: yaml,
				body: pod('web'),
				expect: 201,
				compare: ['metadata.name', 'metadata.managedFields', 'spec.containers'],
			},
		],
	},
	{
		id: 'apply-conflicts-two-managers',
		title: 'conflicts with two managers: the message lists each, sorted, with "using v1" for an Update manager',
		steps: [
			{
				method: 'POST',
				path: core('pods'),
				query: {fieldManager: 'creator'},
				body: pod('web', {labels: {a: '1'}}),
				expect: 201,
				compare: 'code',
			},
			{
				method: 'PATCH',
				path: core('pods', 'web'),
				query: {fieldManager: 'applier'},
				contentType: yaml,
				body: pod('web', {labels: {b: '1', c: '1'}}),
				expect: 200,
				compare: 'code',
			},
			{
				method: 'PATCH',
				path: core('pods', 'web'),
				query: {fieldManager: 'second'},
				contentType: yaml,
				body: pod('web', {labels: {a: '2', b: '2', c: '2'}}),
				expect: 409,
				// The message is sorted; v1.20 lists the causes in map order, different from run to run.
				compare: 'status',
				unorderedErrors: true,
			},
		],
	},
	{
		id: 'apply-conflict',
		title: 'applying a field another manager owns is 409 naming the manager',
		steps: [
			{
				method: 'PATCH',
				path: core('pods', 'web'),
				query: {fieldManager: 'first'},
				contentType: yaml,
				body: pod('web', {labels: {app: 'one'}}),
				expect: 201,
				compare: 'code',
			},
			{
				method: 'PATCH',
				path: core('pods', 'web'),
				query: {fieldManager: 'second'},
				contentType: yaml,
				body: pod('web', {labels: {app: 'two'}}),
				expect: 409,
			},
		],
	},
	{
		id: 'apply-unknown-fields',
		title: 'server-side apply with unknown fields is 500 naming the field, even with fieldValidation=Ignore',
		steps: [
			// Unknown fields at two levels: v1.20 reports one or both, as its map iteration goes; only the code is compared.
			{
				method: 'PATCH',
				path: core('pods', 'web'),
				query: {fieldManager: 'tester'},
				contentType: yaml,
				body: {...inNamespace(pod('web')), spec: {bogus: 1, containers: [{name: 'main', image: 'nginx', wrong: true}]}},
				compare: 'code',
			},
			// Two at one level: v1.20 names either, as its map iteration goes (both seen); only the code is compared.
			{
				method: 'PATCH',
				path: core('pods', 'web'),
				query: {fieldManager: 'tester'},
				contentType: yaml,
				body: {...inNamespace(pod('web')), spec: {bogus: 1, other: 2, containers: [{name: 'main', image: 'nginx'}]}},
				compare: 'code',
			},
			{
				method: 'PATCH',
				path: core('pods', 'web'),
				query: {fieldManager: 'tester'},
				contentType: yaml,
				body: {...inNamespace(pod('web')), spec: {containers: [{name: 'main', image: 'nginx', wrong: true}]}},
			},
			{
				method: 'PATCH',
				path: core('pods', 'web'),
				query: {fieldManager: 'tester', fieldValidation: 'Ignore'},
				contentType: yaml,
				body: {...inNamespace(pod('web')), spec: {bogus: 1, containers: [{name: 'main', image: 'nginx'}]}},
			},
			{path: core('pods', 'web'), expect: 404},
		],
	},
	{
		id: 'apply-managed-fields-migration',
		title: "managedFields written by a patch are kept: kubectl's client-side → server-side migration",
		steps: [
			{
				method: 'POST',
				path: core('services'),
				query: {fieldManager: 'kubectl-client-side-apply'},
				body: labelled(service('web', {ports: [{port: 80, protocol: 'TCP'}]}), 'one'),
				expect: 201,
				compare: 'code',
				save: {rv: 'metadata.resourceVersion'},
			},
			{
				// What kubectl apply --server-side sends first (csaupgrade): the client-side entry moved to its Apply entry.
				method: 'PATCH',
				path: core('services', 'web'),
				contentType: 'application/json-patch+json',
				body: [
					{
						op: 'replace',
						path: '/metadata/managedFields',
						value: [
							{
								manager: 'kubectl',
								operation: 'Apply',
								apiVersion: 'v1',
								time: '2024-01-01T00:00:00Z',
								fieldsType: 'FieldsV1',
								fieldsV1: {
									'f:metadata': {'f:labels': {'.': {}, 'f:app': {}}},
									'f:spec': {'f:ports': {'.': {}, 'k:{"port":80,"protocol":"TCP"}': {'.': {}, 'f:port': {}, 'f:protocol': {}}}},
								},
							},
						],
					},
					{op: 'replace', path: '/metadata/resourceVersion', value: '{rv}'},
				],
				expect: 200,
				compare: ['metadata.managedFields'],
			},
			{
				method: 'PATCH',
				path: core('services', 'web'),
				query: {fieldManager: 'kubectl'},
				contentType: yaml,
				body: labelled(service('web', {ports: [{port: 80, protocol: 'TCP'}]}), 'two'),
				expect: 200,
				compare: ['metadata.labels', 'metadata.managedFields'],
			},
		],
	},
	{
		id: 'apply-csa-to-ssa-upgrade',
		title: "kubectl's server-side apply after a client-side apply takes the fields named in last-applied and updates the annotation",
		steps: [
			{
				method: 'POST',
				path: core('services'),
				query: {fieldManager: 'kubectl-client-side-apply'},
				body: {
					...labelled(service('web', {ports: [{port: 80, protocol: 'TCP'}]}), 'one'),
					metadata: {
						name: 'web',
						labels: {app: 'one'},
						annotations: {
							'kubectl.kubernetes.io/last-applied-configuration':
								'{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"labels":{"app":"one"},"name":"web","namespace":"{ns}"},"spec":{"ports":[{"port":80,"protocol":"TCP"}]}}\n',
						},
					},
				},
				expect: 201,
				compare: 'code',
			},
			{
				method: 'PATCH',
				path: core('services', 'web'),
				query: {fieldManager: 'kubectl'},
				contentType: yaml,
				body: inNamespace(labelled(service('web', {ports: [{port: 80, protocol: 'TCP'}]}), 'two')),
				expect: 200,
				compare: ['metadata.labels', 'metadata.annotations', 'metadata.managedFields'],
			},
			// v1.20 also names the client-side manager, which still owns the labels map (not the label):
			// the sandbox reports the conflict with kubectl only, so only the code is compared.
			{
				method: 'PATCH',
				path: core('services', 'web'),
				query: {fieldManager: 'other'},
				contentType: yaml,
				body: inNamespace(labelled(service('web', {ports: [{port: 80, protocol: 'TCP'}]}), 'three')),
				expect: 409,
				compare: 'code',
			},
		],
	},
];
