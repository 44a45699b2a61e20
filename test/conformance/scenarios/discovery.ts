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
		title: 'configmaps, secrets, serviceaccounts are served in a namespace, with its default account and root CA',
		steps: [
			{path: '/api/v1/namespaces/{ns}/configmaps', expect: 200, compare: ['kind', 'apiVersion']},
			{path: '/api/v1/namespaces/{ns}/secrets', expect: 200, compare: ['kind', 'apiVersion']},
			{path: '/api/v1/namespaces/{ns}/serviceaccounts/default', expect: 200, compare: ['kind', 'metadata.name']},
			{
				path: '/api/v1/namespaces/{ns}/configmaps/kube-root-ca.crt',
				expect: 200,
				compare: ['kind', 'metadata.name', 'metadata.managedFields.*.manager'],
			},
		],
	},
	{
		id: 'discovery-events-k8s-io',
		title: 'events.k8s.io/v1 events are served',
		steps: [
			{path: '/apis/events.k8s.io/v1/namespaces/{ns}/events', expect: 200, compare: ['kind', 'apiVersion']},
			{
				method: 'POST',
				path: '/api/v1/namespaces/{ns}/events',
				body: {
					apiVersion: 'v1',
					kind: 'Event',
					metadata: {name: 'note'},
					involvedObject: {kind: 'Pod', name: 'web', namespace: '{ns}'},
					reason: 'Tested',
					message: 'a note',
					type: 'Normal',
					source: {component: 'tester'},
					count: 1,
				},
				expect: 201,
				compare: 'code',
			},
			{
				path: '/apis/events.k8s.io/v1/namespaces/{ns}/events/note',
				expect: 200,
				compare: [
					'kind',
					'apiVersion',
					'regarding',
					'note',
					'reason',
					'type',
					'deprecatedSource',
					'deprecatedCount',
					'reportingController',
					'eventTime',
				],
			},
		],
	},
	{
		id: 'discovery-self-subject-access-review',
		title: 'kubectl auth can-i: a SelfSubjectAccessReview is answered',
		steps: [
			{
				method: 'POST',
				path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
				body: {
					apiVersion: 'authorization.k8s.io/v1',
					kind: 'SelfSubjectAccessReview',
					spec: {resourceAttributes: {namespace: '{ns}', verb: 'create', resource: 'pods'}},
				},
				expect: 201,
				compare: ['kind', 'apiVersion', 'spec', 'status.allowed'],
			},
		],
	},
];
