// Requests a real server refuses on create, with its status, reason and message.
import type {Scenario} from '../types.js';
import {core, pod} from '../manifests.js';

export const scenarios: Scenario[] = [
	{
		id: 'validation-pod-no-image',
		title: 'a container without an image is 422',
		steps: [{method: 'POST', path: core('pods'), body: pod('noimage', {containers: [{name: 'main'}]}), expect: 422}],
	},
	{
		id: 'validation-invalid-name',
		title: 'an invalid name is 422 with the DNS-1123 message',
		steps: [{method: 'POST', path: core('pods'), body: pod('Bad_Name'), expect: 422}],
	},
	{
		id: 'validation-already-exists',
		title: 'creating a name twice is 409 AlreadyExists',
		steps: [
			{method: 'POST', path: core('pods'), body: pod('twice'), expect: 201, compare: 'code'},
			{method: 'POST', path: core('pods'), body: pod('twice'), expect: 409},
		],
	},
];
