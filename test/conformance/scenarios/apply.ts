// Server-side apply: create, conflicts, unknown fields, managed-field migration.
import type {Scenario} from '../types.js';
import {core, pod} from '../manifests.js';

const yaml = 'application/apply-patch+yaml';

export const scenarios: Scenario[] = [
	{
		id: 'apply-create',
		title: 'server-side apply creates an object with its manager',
		steps: [
			{method: 'PATCH', path: core('pods', 'web'), query: {fieldManager: 'tester'}, contentType: yaml, body: pod('web'), expect: 201, compare: ['metadata.name', 'metadata.managedFields', 'spec.containers']},
		],
	},
	{
		id: 'apply-conflict',
		todo: 'conflict messages add "using v1" for an Apply manager and name the object in details',
		title: 'applying a field another manager owns is 409 naming the manager',
		steps: [
			{method: 'PATCH', path: core('pods', 'web'), query: {fieldManager: 'first'}, contentType: yaml, body: pod('web', {labels: {app: 'one'}}), expect: 201, compare: 'code'},
			{method: 'PATCH', path: core('pods', 'web'), query: {fieldManager: 'second'}, contentType: yaml, body: pod('web', {labels: {app: 'two'}}), expect: 409},
		],
	},
	{
		id: 'apply-unknown-fields',
		todo: 'unknown fields in server-side apply: 400 with the first field, and accepted with fieldValidation=Ignore (real: 500, refused)',
		title: 'server-side apply with unknown fields lists every one and refuses even with Ignore',
		steps: [
			{method: 'PATCH', path: core('pods', 'web'), query: {fieldManager: 'tester'}, contentType: yaml, body: {...pod('web'), spec: {bogus: 1, containers: [{name: 'main', image: 'nginx', wrong: true}]}}},
			{method: 'PATCH', path: core('pods', 'web'), query: {fieldManager: 'tester', fieldValidation: 'Ignore'}, contentType: yaml, body: {...pod('web'), spec: {bogus: 1, containers: [{name: 'main', image: 'nginx'}]}}},
		],
	},
];
