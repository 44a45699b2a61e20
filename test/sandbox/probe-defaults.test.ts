// A probe, a fieldRef env and a downwardAPI item left short are stored as a real server stores
// them (SetDefaults_Probe, SetDefaults_HTTPGetAction, SetDefaults_ObjectFieldSelector). The
// expected values were read from the lab's v1.20.2 server with `kubectl get pod -o json`;
// the defaults are the same in v1.32. kubectl describe prints them (`timeout=1s period=10s …`).
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import type {Sandbox} from '../../source/sandbox/index.js';
import {api, fastSandbox} from './helpers.js';

let sandbox: Sandbox;
before(async () => {
	sandbox = await fastSandbox();
});
after(async () => sandbox.close());

const pod = {
	apiVersion: 'v1',
	kind: 'Pod',
	metadata: {name: 'probed'},
	spec: {
		containers: [
			{
				name: 'web',
				image: 'nginx',
				env: [{name: 'POD_NAME', valueFrom: {fieldRef: {fieldPath: 'metadata.name'}}}],
				livenessProbe: {httpGet: {port: 80}},
				readinessProbe: {tcpSocket: {port: 80}, periodSeconds: 5},
			},
		],
		volumes: [{name: 'info', downwardAPI: {items: [{path: 'labels', fieldRef: {fieldPath: 'metadata.labels'}}]}}],
	},
};

test('probes, fieldRef env and downwardAPI items get the real server defaults', async () => {
	const created = await api(sandbox, '/api/v1/namespaces/default/pods', {method: 'POST', body: pod});
	assert.equal(created.code, 201, created.text);
	const container = created.body.spec.containers[0];
	assert.deepEqual(container.env, [{name: 'POD_NAME', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.name'}}}]);
	assert.deepEqual(container.livenessProbe, {
		httpGet: {path: '/', port: 80, scheme: 'HTTP'},
		timeoutSeconds: 1,
		periodSeconds: 10,
		successThreshold: 1,
		failureThreshold: 3,
	});
	assert.deepEqual(container.readinessProbe, {
		tcpSocket: {port: 80},
		timeoutSeconds: 1,
		periodSeconds: 5,
		successThreshold: 1,
		failureThreshold: 3,
	});
	const volume = created.body.spec.volumes.find((entry: {name: string}) => entry.name === 'info');
	assert.deepEqual(volume, {
		name: 'info',
		downwardAPI: {items: [{path: 'labels', fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.labels'}}], defaultMode: 420},
	});
	// Go's struct order, as the real server writes the JSON.
	assert.deepEqual(Object.keys(container.livenessProbe), [
		'httpGet',
		'timeoutSeconds',
		'periodSeconds',
		'successThreshold',
		'failureThreshold',
	]);
	assert.deepEqual(Object.keys(container.livenessProbe.httpGet), ['path', 'port', 'scheme']);
});
