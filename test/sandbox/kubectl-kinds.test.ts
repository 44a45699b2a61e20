// The machine's kubectl (v1.32) as an oracle for what the sandbox serves beyond the tutorial:
// explain from the served OpenAPI schemas, auth can-i, configmaps, secrets and service
// accounts created and listed as on a real cluster (skipped, saying so, without kubectl).
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Sandbox} from '../../source/sandbox/index.js';
import {Kubectl, kubectlInstalled, skipWithoutKubectl as skipped} from '../kubectl.js';
import {fastSandbox} from './helpers.js';

describe('kubectl: explain, auth can-i, configmaps, secrets, service accounts', () => {
	let sandbox: Sandbox;
	let client: Kubectl;
	const kubectl = async (...args: string[]) => client.run(...args);

	before(async () => {
		if (kubectlInstalled) {
			sandbox = await fastSandbox();
			client = new Kubectl(sandbox.kubeconfig());
		}
	});
	after(async () => {
		if (kubectlInstalled) {
			await sandbox.close();
			client.remove();
		}
	});

	test('kubectl explain reads the served schemas, nested fields included', async t => {
		if (skipped(t)) {
			return;
		}

		const pods = await kubectl('explain', 'pods');
		assert.equal(pods.code, 0, pods.stderr);
		assert.match(pods.stdout, /^KIND:\s+Pod\nVERSION:\s+v1\n\nDESCRIPTION:\n\s+Pod is a collection of containers/);
		const image = await kubectl('explain', 'pods.spec.containers.image');
		assert.equal(image.code, 0, image.stderr);
		assert.match(image.stdout, /FIELD: image <string>/);
		for (const kind of ['services', 'configmaps', 'secrets', 'serviceaccounts', 'namespaces', 'nodes', 'events', 'leases']) {
			const explained = await kubectl('explain', kind);
			assert.equal(explained.code, 0, `${kind}: ${explained.stderr}`);
		}
	});

	test('kubectl auth can-i answers from a SelfSubjectAccessReview', async t => {
		if (skipped(t)) {
			return;
		}

		const can = await kubectl('auth', 'can-i', 'create', 'pods');
		assert.deepEqual([can.code, can.stdout], [0, 'yes\n']);
	});

	test('configmaps, secrets and service accounts are created and listed as on a real cluster', async t => {
		if (skipped(t)) {
			return;
		}

		assert.equal((await kubectl('create', 'secret', 'generic', 's1', '--from-literal=a=b')).stdout, 'secret/s1 created\n');
		assert.equal((await kubectl('create', 'configmap', 'c1', '--from-literal=x=y')).stdout, 'configmap/c1 created\n');
		assert.equal((await kubectl('create', 'serviceaccount', 'robot')).stdout, 'serviceaccount/robot created\n');
		const secret = await kubectl('get', 'secret', 's1', '-o', 'jsonpath={.type} {.data.a}');
		assert.equal(secret.stdout, 'Opaque Yg==');
		const listed = await kubectl('get', 'secrets,configmaps,serviceaccounts', '--no-headers');
		assert.equal(listed.code, 0, listed.stderr);
		const rows = listed.stdout
			.split('\n')
			.filter(Boolean)
			.map(row => row.split(/\s+/).slice(0, -1).join(' '));
		assert.deepEqual(rows, [
			'secret/s1 Opaque 1',
			'configmap/c1 1',
			'configmap/kube-root-ca.crt 1',
			'serviceaccount/default 0',
			'serviceaccount/robot 0',
		]);
	});
});
