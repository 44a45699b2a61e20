// Discovery and what the sandbox does not serve: answered as a real server answers for a
// resource it does not serve.
import type {Scenario} from '../types.js';

export const scenarios: Scenario[] = [
	{
		id: 'discovery-unserved-group',
		title: 'a group the server does not serve is a 404, its resources too',
		steps: [
			{path: '/apis/example.kpods.dev/v1', expect: 404},
			{path: '/apis/example.kpods.dev/v1/namespaces/{ns}/widgets', expect: 404},
			{path: '/api/v1/namespaces/{ns}/widgets', expect: 404},
		],
	},
	{
		id: 'discovery-core-kinds',
		todo: 'configmaps, secrets, serviceaccounts and events.k8s.io are not served',
		title: 'configmaps, secrets, serviceaccounts are served in a namespace',
		steps: [
			{path: '/api/v1/namespaces/{ns}/configmaps', expect: 200, compare: ['kind', 'apiVersion']},
			{path: '/api/v1/namespaces/{ns}/secrets', expect: 200, compare: ['kind', 'apiVersion']},
			{path: '/api/v1/namespaces/{ns}/serviceaccounts/default', expect: 200, compare: ['kind', 'metadata.name']},
			{path: '/apis/events.k8s.io/v1/namespaces/{ns}/events', expect: 200, compare: ['kind', 'apiVersion']},
		],
	},
	{
		id: 'discovery-self-subject-access-review',
		todo: 'SelfSubjectAccessReview is not served',
		title: 'kubectl auth can-i: a SelfSubjectAccessReview is answered',
		steps: [
			{
				method: 'POST',
				path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
				body: {apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: {resourceAttributes: {namespace: '{ns}', verb: 'create', resource: 'pods'}}},
				expect: 201,
				compare: ['kind', 'apiVersion', 'spec', 'status.allowed'],
			},
		],
	},
];
