// Port-forward and exec end to end over the real wire format: kpods' WebSocket client
// (source/cluster/channel-socket.ts) against the sandbox's upgrade handling
// (source/sandbox/websocket-upgrade.ts), through 127.0.0.1 listeners and plain HTTP clients.
import assert from 'node:assert/strict';
import {execFile, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createServer} from 'node:net';
import {after, before, describe, test} from 'node:test';
import type {Authenticate} from '../../source/cluster/api-client.js';
import {openChannels} from '../../source/cluster/channel-socket.js';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import type {ForwardPlan} from '../../source/derive/forward-plan.js';
import {startSandbox, type Sandbox} from '../../source/sandbox/index.js';
import {api, podManifest, serviceManifest} from '../sandbox/helpers.js';
import {waitFor as waitUntil} from '../ui/harness.js';
import {freePort, getLocal} from './local-http.js';

const waitFor = async (predicate: () => boolean, what: string) => waitUntil(predicate, what, 15_000);

function connect(sandbox: Sandbox): Connection {
	const selected = connectionFromText(sandbox.kubeconfig({}), {sandbox: true});
	assert.equal(selected.kind, 'ok');
	return (selected as {connection: Connection}).connection;
}

/** The sandbox admin's token on a request, as the project's credentials put it there. */
const bearer =
	(token: string): Authenticate =>
	async options => {
		options.headers = {Authorization: `Bearer ${token}`};
	};

describe('port-forward and exec on the sandbox, over WebSocket', () => {
	let sandbox: Sandbox;
	let cluster: KubeCluster;
	before(async () => {
		sandbox = await startSandbox({timing: {scheduleMs: 5, pullMs: 10, startMs: 5, killMs: 20}});
		cluster = new KubeCluster(connect(sandbox), {namespace: 'default'});
		assert.equal(
			(
				await api(sandbox, '/api/v1/namespaces/default/pods', {
					method: 'POST',
					body: podManifest('pod-1', {labels: {app: 'pod-label'}, ports: [{containerPort: 80}]}),
				})
			).code,
			201,
		);
		assert.equal(
			(
				await api(sandbox, '/api/v1/namespaces/default/services', {
					method: 'POST',
					body: serviceManifest('svc-pod', {selector: {app: 'pod-label'}, ports: [{port: 4050, targetPort: 80}]}),
				})
			).code,
			201,
		);
		assert.equal(
			(
				await api(sandbox, '/api/v1/namespaces/default/services', {
					method: 'POST',
					body: serviceManifest('svc-named', {selector: {app: 'pod-label'}, ports: [{port: 4051, targetPort: 'web'}]}),
				})
			).code,
			201,
		);
		let phase: string | undefined;
		const poll = setInterval(
			() =>
				void cluster.getObject('Pod', 'default', 'pod-1').then(pod => {
					phase = (pod as {status?: {phase?: string}}).status?.phase;
				}),
			20,
		);
		await waitFor(() => phase === 'Running', 'pod-1 Running').finally(() => clearInterval(poll));
	});
	after(async () => {
		cluster.forwards.stopAll();
		cluster.close();
		await sandbox.close();
	});

	test("svc/svc-pod: pod-1 behind it, targetPort 80, local port 4050 when free; curl gets the sandbox's labelled answer", async () => {
		const plan = (await cluster.planForward('Service', 'default', 'svc-pod')) as ForwardPlan;
		assert.deepEqual(plan, {namespace: 'default', pod: 'pod-1', target: 'svc/svc-pod', ports: [{local: 4050, port: 4050, remote: 80}]});
		const local = await freePort();
		const row = await cluster.startForward(plan, {...plan.ports[0]!, local});
		assert.equal(row.local, local);
		assert.equal(row.spec.kubectl, `kubectl port-forward svc/svc-pod ${local}:4050`);
		const answer = await getLocal(local);
		assert.equal(answer.status, 200);
		assert.match(
			answer.body,
			/^kpods sandbox: no container runs here; this is pod default\/pod-1's forwarded port 80 \(container main, image nginx\)/,
		);
		await waitFor(() => (cluster.forwards.getSnapshot()[0]?.received ?? 0) > answer.body.length, 'bytes counted (headers and body)');
		const [listed] = cluster.forwards.getSnapshot();
		assert.equal(listed!.connections, 1);
		assert.ok(listed!.sent > 0, 'the request was counted');
		assert.equal(cluster.forwards.stop(row.id), true);
		await assert.rejects(getLocal(local), /ECONNREFUSED/);
	});

	test("a named targetPort resolves to the container port of that name; a missing name is kubectl's error", async () => {
		const pod = {
			metadata: {name: 'p', namespace: 'default'},
			spec: {nodeName: 'n', containers: [{name: 'c', ports: [{name: 'web', containerPort: 8080}]}]},
			status: {phase: 'Running'},
		};
		const {servicePlan} = await import('../../source/derive/forward-plan.js');
		const service = {metadata: {name: 'svc-named'}, spec: {selector: {app: 'x'}, ports: [{port: 4051, targetPort: 'web'}]}};
		assert.deepEqual((servicePlan(service, [pod]) as ForwardPlan).ports, [{local: 4051, port: 4051, remote: 8080}]);
		assert.deepEqual(await cluster.planForward('Service', 'default', 'svc-named'), {error: "Pod 'pod-1' does not have a named port 'web'"});
	});

	test('a port no container declares: the error channel says so and the connection ends', async () => {
		const plan = (await cluster.planForward('Pod', 'default', 'pod-1')) as ForwardPlan;
		assert.deepEqual(plan.ports, [{local: 80, port: 80, remote: 80}]);
		const row = await cluster.startForward(plan, {local: 0, port: 81, remote: 81});
		await assert.rejects(getLocal(row.local), /socket hang up|ECONNRESET/);
		await waitFor(() => cluster.forwards.getSnapshot().find(each => each.id === row.id)?.lastError !== undefined, 'the error recorded');
		assert.match(
			cluster.forwards.getSnapshot().find(each => each.id === row.id)!.lastError!,
			/^kpods sandbox: nothing listens on port 81 of pod default\/pod-1/,
		);
		cluster.forwards.stop(row.id);
	});

	test('a local port in use is refused with the bind error, nothing started', async () => {
		const busy = createServer();
		await new Promise<void>(resolve => busy.listen(0, '127.0.0.1', resolve));
		const {port} = busy.address() as {port: number};
		const plan = (await cluster.planForward('Pod', 'default', 'pod-1')) as ForwardPlan;
		await assert.rejects(cluster.startForward(plan, {local: port, port: 80, remote: 80}), /EADDRINUSE/);
		assert.equal(cluster.forwards.getSnapshot().length, 0);
		await new Promise(resolve => busy.close(resolve));
	});

	test('exec: the upgrade succeeds on v4.channel.k8s.io, then channel 3 carries a Failure Status saying nothing runs here', async () => {
		const socket = await openChannels(
			bearer(sandbox.token),
			sandbox.url,
			'/api/v1/namespaces/default/pods/pod-1/exec?command=sh&stdin=true&stdout=true&tty=true',
			['v4.channel.k8s.io'],
		);
		assert.equal(socket.protocol, 'v4.channel.k8s.io');
		const frames: Array<[number, string]> = [];
		let closed = false;
		socket.onFrame((channel, data) => frames.push([channel, data.toString('utf8')]));
		socket.onClose(() => (closed = true));
		await waitFor(() => closed, 'the server closes');
		const status = JSON.parse(frames.find(([channel]) => channel === 3)![1]) as {status: string; message: string};
		assert.equal(status.status, 'Failure');
		assert.match(status.message, /^kpods sandbox: no container runs here, so container "main" of pod default\/pod-1 cannot run "sh"/);
	});

	test("refusals before the upgrade are HTTP errors with the server's message", async () => {
		const server = sandbox.url;
		await assert.rejects(
			openChannels(bearer(sandbox.token), server, '/api/v1/namespaces/default/pods/nope/exec?command=sh&stdout=true', [
				'v4.channel.k8s.io',
			]),
			{code: 404, message: 'pods "nope" not found'},
		);
		await assert.rejects(
			openChannels(bearer(sandbox.token), server, '/api/v1/namespaces/default/pods/pod-1/exec?command=sh&stdout=true&container=other', [
				'v4.channel.k8s.io',
			]),
			{code: 400, message: 'container other is not valid for pod pod-1'},
		);
		await assert.rejects(
			openChannels(bearer(sandbox.token), server, '/api/v1/namespaces/default/pods/pod-1/portforward', ['v4.channel.k8s.io']),
			{code: 400, message: 'query parameter "port" is required'},
		);
		await assert.rejects(
			openChannels(async () => undefined, server, '/api/v1/namespaces/default/pods/pod-1/exec?command=sh&stdout=true', [
				'v4.channel.k8s.io',
			]),
			{code: 401},
		);
	});

	test("the shell (s) through KubeCluster.openShell: the size goes on channel 4, the sandbox's Status is the result", async () => {
		const session = await cluster.openShell({namespace: 'default', pod: 'pod-1', container: 'main', command: ['sh']});
		assert.ok(!('error' in session));
		const written: Buffer[] = [];
		const result = await session.run({
			onInput: () => () => undefined,
			write: data => written.push(data),
			size: () => ({columns: 101, rows: 33}),
			onResize: () => () => undefined,
		});
		assert.equal(result.ok, false);
		assert.match((result as {message: string}).message, /^kpods sandbox: no container runs here/);
		assert.deepEqual(await cluster.openShell({namespace: 'default', pod: 'nope', container: 'main', command: ['sh']}), {
			error: 'pods "nope" not found',
		});
	});

	test("the real kubectl (v1.32) as the oracle: exec over its WebSocket client prints the sandbox's message; port-forward (SPDY) is refused, saying why", {
		skip: spawnSync('kubectl', ['version', '--client'], {stdio: 'ignore'}).error ? 'kubectl is not installed: skipping' : false,
	}, async () => {
		const home = mkdtempSync(join(tmpdir(), 'kpods-term-'));
		writeFileSync(join(home, 'config'), sandbox.kubeconfig({}));
		const env = {...process.env, KUBECONFIG: join(home, 'config'), HOME: home};
		const kubectl = async (...args: string[]) =>
			new Promise<{code: number; stderr: string}>(resolve => {
				execFile('kubectl', args, {env, timeout: 30_000}, (error, _stdout, stderr) =>
					resolve({code: error ? Number((error as {code?: number}).code ?? -1) : 0, stderr}),
				);
			});
		try {
			assert.deepEqual(await kubectl('exec', 'pod-1', '--', 'sh', '-c', 'echo hi'), {
				code: 1,
				stderr:
					'error: kpods sandbox: no container runs here, so container "main" of pod default/pod-1 cannot run "sh -c echo hi"; on a real cluster it would\n',
			});
			assert.deepEqual(await kubectl('port-forward', 'pod/pod-1', '0:80'), {
				code: 1,
				stderr:
					'error: error upgrading connection: kpods sandbox: only WebSocket upgrades are served (SPDY is not); use a client that speaks v4.channel.k8s.io\n',
			});
		} finally {
			rmSync(home, {recursive: true, force: true});
		}
	});
});
