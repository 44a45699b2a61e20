// The machine's kubectl (an independent Go client, client-go's protobuf decoders) reads the
// sandbox's protobuf answers: its typed clients ask for protobuf first, and kubectl's -v=8
// log shows which answers came as protobuf. Skipped, saying so, without kubectl.
import assert from 'node:assert/strict';
import {execFile, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import type {Sandbox} from '../../source/sandbox/index.js';
import {api, fastSandbox, waitFor} from './helpers.js';

const kubectlInstalled = !spawnSync('kubectl', ['version', '--client'], {stdio: 'ignore'}).error;

describe('kubectl reads the sandbox protobuf', {skip: kubectlInstalled ? false : 'kubectl is not installed: skipping'}, () => {
	let sandbox: Sandbox;
	let work: string;
	let env: NodeJS.ProcessEnv;
	const kubectl = async (...args: string[]): Promise<{stdout: string; stderr: string}> =>
		new Promise((resolve, reject) => {
			execFile('kubectl', args, {env, cwd: work, timeout: 30_000, maxBuffer: 1 << 26}, (error, stdout, stderr) =>
				error ? reject(new Error(`kubectl ${args.join(' ')}: ${stderr}`)) : resolve({stdout, stderr}),
			);
		});
	/** The paths kubectl's -v=8 log shows answered with the protobuf content type. */
	const protobufAnswers = (log: string): string[] => {
		const answers: string[] = [];
		let path = '';
		for (const line of log.split('\n')) {
			const request = /\] GET https:\/\/[^/]+(\S+)/.exec(line);
			if (request) {
				path = request[1]!;
			} else if (/Content-Type: application\/vnd\.kubernetes\.protobuf/.test(line)) {
				answers.push(path);
			}
		}
		return answers;
	};

	before(async () => {
		sandbox = await fastSandbox();
		work = mkdtempSync(join(tmpdir(), 'kpods-kubectl-pb-'));
		writeFileSync(join(work, 'kubeconfig'), sandbox.kubeconfig());
		env = {PATH: process.env['PATH'], HOME: work, KUBECONFIG: join(work, 'kubeconfig')};
		await kubectl('run', 'web', '--image=nginx', '--labels=app=web', '--port=80');
		await kubectl('expose', 'pod', 'web', '--port=8080', '--target-port=80', '--name=web');
		await waitFor(
			async () => (await api(sandbox, '/api/v1/namespaces/default/pods/web')).body?.status?.phase === 'Running',
			'web Running',
			20_000,
		);
	});
	after(async () => {
		await sandbox.close();
		rmSync(work, {recursive: true, force: true});
	});

	test('describe pod: the pod got as protobuf, described whole', async () => {
		const {stdout, stderr} = await kubectl('describe', 'pod', 'web', '-v=8');
		assert.ok(protobufAnswers(stderr).includes('/api/v1/namespaces/default/pods/web'), stderr.slice(0, 2000));
		assert.match(stdout, /^Name: +web$/m);
		assert.match(stdout, /^Status: +Running$/m);
		assert.match(stdout, /^ {4}Port: +80\/TCP$/m);
		assert.match(stdout, /kube-api-access-\w+:\n {4}Type: +Projected/);
		assert.match(stdout, /node\.kubernetes\.io\/not-ready:NoExecute op=Exists for 300s/);
	});

	test('describe service: the endpoint slices listed as protobuf', async () => {
		const {stdout, stderr} = await kubectl('describe', 'service', 'web', '-v=8');
		assert.ok(
			protobufAnswers(stderr).some(path => path.startsWith('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices?')),
			stderr.slice(0, 2000),
		);
		assert.match(stdout, /^Endpoints: +172\.17\.\d+\.\d+:80$/m);
	});

	test("describe node: the node's pods listed as protobuf, their requests read from quantities", async () => {
		const {stdout, stderr} = await kubectl('describe', 'node', 'minikube', '-v=8');
		assert.ok(
			protobufAnswers(stderr).some(path => path.startsWith('/api/v1/pods?fieldSelector=spec.nodeName')),
			stderr.slice(0, 2000),
		);
		assert.match(stdout, /^ {2}default +web +0 \(0%\)/m);
		assert.match(stdout, /^ {2}kube-system +coredns-\S+ +100m \(5%\) +0 \(0%\) +70Mi \(0%\) +170Mi \(2%\)/m);
	});
});
