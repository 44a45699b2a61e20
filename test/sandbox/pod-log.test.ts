import assert from 'node:assert/strict';
import {execFile, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import type {Sandbox} from '../../source/sandbox/index.js';
import {podLogTiming} from '../../source/sandbox/pod-log.js';
import {api, fastSandbox, podManifest, waitFor} from './helpers.js';

const base = '/api/v1/namespaces/default/pods';

describe('sandbox pods/log: the simulated kubelet’s lines, labelled, with a real server’s options and 400s', () => {
	let sandbox: Sandbox;
	before(async () => {
		podLogTiming.tickMs = 100;
		sandbox = await fastSandbox();
		await api(sandbox, base, {method: 'POST', body: podManifest('web')});
		await api(sandbox, base, {
			method: 'POST',
			body: {
				apiVersion: 'v1',
				kind: 'Pod',
				metadata: {name: 'two'},
				spec: {
					initContainers: [{name: 'setup', image: 'busybox'}],
					containers: [
						{name: 'a', image: 'nginx'},
						{name: 'b', image: 'redis'},
					],
				},
			},
		});
		await waitFor(async () => assert.equal((await api(sandbox, `${base}/web`)).body.status.phase, 'Running'));
		await waitFor(async () => assert.equal((await api(sandbox, `${base}/two`)).body.status.phase, 'Running'));
	});
	after(async () => {
		podLogTiming.tickMs = 5000;
		await sandbox.close();
	});

	test('every line says it is the sandbox’s; the kubelet’s events of the container follow the label line', async () => {
		const log = await api(sandbox, `${base}/web/log`);
		assert.equal(log.code, 200);
		const lines = log.text.trimEnd().split('\n');
		assert.match(
			lines[0]!,
			/^\[kpods sandbox\] no container runs here: these lines are the simulated kubelet's record of container "main" \(image "nginx"\), not its output$/,
		);
		assert.ok(lines.every(line => line.startsWith('[kpods sandbox] ')));
		assert.ok(
			lines.some(line => line === '[kpods sandbox] kubelet: Started: Started container main'),
			log.text,
		);
	});

	test('tailLines, timestamps and sinceTime', async () => {
		const all = (await api(sandbox, `${base}/web/log?timestamps=true`)).text.trimEnd().split('\n');
		assert.match(all[0]!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z \[kpods sandbox\] /);
		const tail = (await api(sandbox, `${base}/web/log?tailLines=2`)).text.trimEnd().split('\n');
		assert.equal(tail.length, 2);
		assert.equal((await api(sandbox, `${base}/web/log?tailLines=0`)).text, '');
		const last = all.at(-1)!.split(' ')[0]!;
		const since = (await api(sandbox, `${base}/web/log?timestamps=true&sinceTime=${encodeURIComponent(last)}`)).text.trimEnd().split('\n');
		assert.ok(since.length >= 1 && since.length < all.length + 1);
		assert.ok(since.every(line => line.split(' ')[0]! >= last.slice(0, 19)));
	});

	test('the 400s of a real server: no previous instance, no container named, a container that is not there', async () => {
		const previous = await api(sandbox, `${base}/web/log?previous=true`);
		assert.equal(previous.code, 400);
		assert.equal(previous.body.message, 'previous terminated container "main" in pod "web" not found');
		const unnamed = await api(sandbox, `${base}/two/log`);
		assert.equal(unnamed.code, 400);
		assert.equal(
			unnamed.body.message,
			'a container name must be specified for pod two, choose one of: [a b] or one of the init containers: [setup]',
		);
		const wrong = await api(sandbox, `${base}/two/log?container=c`);
		assert.equal(wrong.body.message, 'container c is not valid for pod two');
		const init = await api(sandbox, `${base}/two/log?container=setup`);
		assert.equal(init.code, 200);
		assert.match(init.text, /container "setup" terminated: Completed, exit code 0/);
		assert.equal((await api(sandbox, `${base}/nope/log`)).code, 404);
		assert.equal((await api(sandbox, `${base}/web/log?tailLines=-1`)).code, 422);
	});

	test('follow streams "still running" lines until the pod goes, then ends', async () => {
		await api(sandbox, base, {method: 'POST', body: podManifest('followed')});
		await waitFor(async () => assert.equal((await api(sandbox, `${base}/followed`)).body.status.phase, 'Running'));
		const response = await fetch(`${sandbox.url}${base}/followed/log?follow=true&timestamps=true`, {
			headers: {authorization: `Bearer ${sandbox.token}`},
		});
		const reader = response.body!.getReader();
		let text = '';
		await waitFor(async () => {
			const {value} = await reader.read();
			text += Buffer.from(value!).toString();
			assert.match(text, /container "main" is still running/);
		}, 10_000);
		await api(sandbox, `${base}/followed`, {method: 'DELETE'});
		for (;;) {
			const {value, done} = await reader.read();
			if (done) {
				break;
			}
			text += Buffer.from(value).toString();
		}

		assert.match(text, /kubelet: Killing: Stopping container main/);
	});

	test("the machine's kubectl reads it: kubectl logs prints the lines, kubectl logs -p the server's 400", {
		skip: spawnSync('kubectl', ['version', '--client'], {stdio: 'ignore'}).error ? 'kubectl is not installed' : false,
	}, async () => {
		const work = mkdtempSync(join(tmpdir(), 'kpods-log-kubectl-'));
		writeFileSync(join(work, 'config'), sandbox.kubeconfig({}));
		const kubectl = async (...args: string[]) =>
			new Promise<{stdout: string; stderr: string; code: number}>(resolve => {
				execFile('kubectl', ['--kubeconfig', join(work, 'config'), ...args], {timeout: 30_000}, (error, stdout, stderr) =>
					resolve({stdout, stderr, code: error ? 1 : 0}),
				);
			});
		try {
			assert.equal((await kubectl('logs', 'web')).stdout, (await api(sandbox, `${base}/web/log`)).text);
			const previous = await kubectl('logs', 'web', '-p');
			assert.equal(previous.stderr, 'Error from server (BadRequest): previous terminated container "main" in pod "web" not found\n');
			const tail = await kubectl('logs', 'web', '--tail=1', '--timestamps');
			assert.match(tail.stdout, /^\d{4}-\d\d-\d\dT\S+Z \[kpods sandbox\] /);
		} finally {
			rmSync(work, {recursive: true, force: true});
		}
	});
});
