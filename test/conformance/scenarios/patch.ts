// Patches and updates of existing objects.
import type {Scenario} from '../types.js';
import {core, pod, service} from '../manifests.js';

export const scenarios: Scenario[] = [
	{
		id: 'patch-merge-labels',
		title: 'a merge patch adds a label',
		steps: [
			{method: 'POST', path: core('services'), body: service('web', {ports: [{port: 80}]}), expect: 201, compare: 'code'},
			{
				method: 'PATCH',
				path: core('services', 'web'),
				contentType: 'application/merge-patch+json',
				body: {metadata: {labels: {tier: 'front'}}},
				expect: 200,
				compare: ['metadata.labels', 'spec.ports'],
			},
		],
	},
	{
		id: 'patch-stale-update',
		title: 'a PUT with an old resourceVersion is 409 Conflict',
		steps: [
			{method: 'POST', path: core('pods'), body: pod('stale'), expect: 201, compare: 'code', save: {rv: 'metadata.resourceVersion'}},
			{
				method: 'PATCH',
				path: core('pods', 'stale'),
				contentType: 'application/merge-patch+json',
				body: {metadata: {labels: {a: 'b'}}},
				expect: 200,
				compare: 'code',
			},
			{
				method: 'PUT',
				path: core('pods', 'stale'),
				body: {...pod('stale'), metadata: {name: 'stale', resourceVersion: '{rv}'}},
				expect: 409,
			},
		],
	},
	{
		id: 'patch-json-patch-missing-path',
		title: 'a JSON patch removing a missing path is refused',
		steps: [
			{method: 'POST', path: core('services'), body: service('web', {ports: [{port: 80}]}), expect: 201, compare: 'code'},
			{
				method: 'PATCH',
				path: core('services', 'web'),
				contentType: 'application/json-patch+json',
				body: [{op: 'remove', path: '/metadata/labels/nothere'}],
			},
		],
	},
];
