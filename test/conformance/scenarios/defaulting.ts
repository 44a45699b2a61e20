// What a server fills in on create.
import type {Scenario} from '../types.js';
import {core, pod, service} from '../manifests.js';

export const scenarios: Scenario[] = [
	{
		id: 'defaulting-pod',
		title: 'a minimal pod gets the real defaults',
		steps: [{method: 'POST', path: core('pods'), body: pod('web'), expect: 201, compare: ['metadata.name', 'metadata.namespace', 'spec']}],
	},
	{
		id: 'defaulting-service-clusterip',
		title: 'a ClusterIP service gets the real defaults',
		steps: [
			{
				method: 'POST',
				path: core('services'),
				body: service('web', {selector: {app: 'web'}, ports: [{port: 80}]}),
				expect: 201,
				compare: ['metadata.name', 'spec', 'status'],
			},
		],
	},
	{
		id: 'defaulting-service-nodeport',
		title: 'a NodePort service gets a nodePort and the real defaults',
		steps: [
			{
				method: 'POST',
				path: core('services'),
				body: service('web', {type: 'NodePort', selector: {app: 'web'}, ports: [{port: 80, targetPort: 8080}]}),
				expect: 201,
				compare: ['spec', 'status'],
			},
		],
	},
	{
		id: 'defaulting-generate-name',
		title: 'generateName makes a name with the prefix',
		steps: [
			{
				method: 'POST',
				path: core('services'),
				body: {apiVersion: 'v1', kind: 'Service', metadata: {generateName: 'gen-'}, spec: {ports: [{port: 80}]}},
				expect: 201,
				compare: ['metadata'],
			},
		],
	},
];
