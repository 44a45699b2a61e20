import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ApiError} from '../../source/cluster/api-client.js';
import {groupFromEndpoints} from '../../source/cluster/endpoints.js';
import {firstServed} from '../../source/cluster/kube-cluster.js';
import type {ListWatchSource} from '../../source/cluster/store-tuning.js';
import type {Endpoints, EndpointSlice} from '../../source/k8s/types.js';

type Raw = EndpointSlice | Endpoints;

function source(name: string, calls: string[], items: Raw[] | ApiError): ListWatchSource<Raw> {
	return {
		async list(_options, onItem) {
			calls.push(`list ${name}`);
			if (items instanceof ApiError) {
				throw items;
			}
			for (const item of items) {
				onItem(item);
			}
			return {metadata: {resourceVersion: '1'}};
		},
		async watch() {
			calls.push(`watch ${name}`);
		},
	};
}

const endpoints: Endpoints = {
	metadata: {name: 'svc-pod', namespace: 'default'},
	subsets: [{addresses: [{ip: '172.17.0.4'}], ports: [{port: 80, protocol: 'TCP'}]}],
};
const signal = new AbortController().signal;

test('a server without discovery.k8s.io/v1 (404) is read from core/v1 Endpoints, and stays there', async () => {
	const calls: string[] = [];
	const notServed = new ApiError(404, 'the server could not find the requested resource', 'NotFound');
	const combined = firstServed([source('slices', calls, notServed), source('endpoints', calls, [endpoints])]);
	const seen: Raw[] = [];
	await combined.list({signal}, raw => seen.push(raw));
	await combined.watch({resourceVersion: '1', timeoutSeconds: 1, signal}, () => undefined);
	await combined.list({signal}, () => undefined);
	assert.deepEqual(calls, ['list slices', 'list endpoints', 'watch endpoints', 'list endpoints']);
	assert.deepEqual(
		seen.map(raw => groupFromEndpoints(raw as Endpoints).endpoints.map(entry => `${entry.ip}:${entry.port}`)),
		[['172.17.0.4:80']],
	);
});

test('other errors are not a reason to fall back', async () => {
	const calls: string[] = [];
	const forbidden = new ApiError(403, 'endpointslices.discovery.k8s.io is forbidden', 'Forbidden');
	const combined = firstServed([source('slices', calls, forbidden), source('endpoints', calls, [endpoints])]);
	await assert.rejects(
		combined.list({signal}, () => undefined),
		forbidden,
	);
	assert.deepEqual(calls, ['list slices']);
});

test('two lists in flight that both get a 404 (the first page beside the whole list) both move on to Endpoints, not past it', async () => {
	const calls: string[] = [];
	const notServed = new ApiError(404, 'the server could not find the requested resource', 'NotFound');
	let refuse: () => void = () => undefined;
	const refused = new Promise<void>(resolve => {
		refuse = resolve;
	});
	const slices: ListWatchSource<Raw> = {
		async list() {
			calls.push('list slices');
			await refused; // both requests are out before either answer comes
			throw notServed;
		},
		async watch() {},
	};
	const combined = firstServed([slices, source('endpoints', calls, [endpoints])]);
	const page = combined.list({limit: 500, signal}, () => undefined);
	const whole = combined.list({signal}, () => undefined);
	refuse();
	const answers = await Promise.allSettled([page, whole]);
	assert.deepEqual(
		answers.map(answer => answer.status),
		['fulfilled', 'fulfilled'],
	);
	assert.deepEqual(calls, ['list slices', 'list slices', 'list endpoints', 'list endpoints']);
});
