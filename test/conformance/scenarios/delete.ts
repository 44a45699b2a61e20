// Deletion: answers, preconditions, what is gone.
import type {Scenario} from '../types.js';
import {core, pod, service} from '../manifests.js';

export const scenarios: Scenario[] = [
	{
		id: 'delete-missing',
		title: 'deleting a missing pod is 404 NotFound',
		steps: [{method: 'DELETE', path: core('pods', 'nothere'), expect: 404}],
	},
	{
		id: 'delete-service',
		title: 'a deleted service answers with its final state and is gone',
		steps: [
			{method: 'POST', path: core('services'), body: service('web', {ports: [{port: 80}]}), expect: 201, compare: 'code'},
			{method: 'DELETE', path: core('services', 'web'), expect: 200, compare: ['kind', 'status', 'details']},
			{path: core('services', 'web'), expect: 404},
		],
	},
	{
		id: 'delete-precondition-uid',
		title: 'a delete with a wrong uid precondition is 409',
		steps: [
			{method: 'POST', path: core('services'), body: service('web', {ports: [{port: 80}]}), expect: 201, compare: 'code'},
			{
				method: 'DELETE',
				path: core('services', 'web'),
				body: {kind: 'DeleteOptions', apiVersion: 'v1', preconditions: {uid: '00000000-0000-0000-0000-000000000000'}},
				expect: 409,
			},
		],
	},
	{
		id: 'delete-pod-graceful',
		title: 'deleting a pod marks it with the grace period',
		steps: [
			{method: 'POST', path: core('pods'), body: pod('web'), expect: 201, compare: 'code'},
			{path: core('pods', 'web'), until: {path: 'status.phase', equals: 'Running'}, compare: ['status.phase']},
			{method: 'DELETE', path: core('pods', 'web'), expect: 200, compare: ['metadata.deletionGracePeriodSeconds', 'status.phase']},
		],
	},
];
