// Port-forward and exec on the real cluster (the lab: v1.20.2, whose fake kubelet serves exec
// of a real process and port-forward to an HTTP responder over v4.channel.k8s.io): kpods'
// channel client and ForwardList end to end. The forwards and the exec go to the cluster's own
// CoreDNS pod behind kube-system/kube-dns (read-only uses: nothing there is changed), so the
// tier does not depend on the node having room for a new pod; the 404 case runs in a namespace
// of its own.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, before, describe, test} from 'node:test';
import {openChannels} from '../../source/cluster/channel-socket.js';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {applyCredentials} from '../../source/cluster/credentials.js';
import type {ForwardPlan} from '../../source/derive/forward-plan.js';
import {waitFor} from '../wait-for.js';
import {shellCommand} from '../../source/ui/hooks/shell-effect.js';
import {realNamespace, type RealNamespace} from './real-cluster.js';
import {freePort, getLocal} from '../cluster/local-http.js';

describe('port-forward and exec on the real cluster', () => {
	let ns: RealNamespace;
	let connection: Connection;
	let cluster: KubeCluster;
	before(async () => {
		ns = await realNamespace('forward');
		connection = (connectionFromText(readFileSync(process.env['KUBECONFIG']!, 'utf8')) as {connection: Connection}).connection;
		cluster = new KubeCluster(connection, {namespace: ns.name});
	});
	after(async () => {
		cluster?.forwards.stopAll();
		cluster?.close();
		await ns?.remove();
	});

	test("svc/kube-dns: its CoreDNS pod, the TCP ports (53, 9153; UDP left out as kubectl does); curl reaches the pod's port, twice (one WebSocket per connection)", async () => {
		const plan = (await cluster.planForward('Service', 'kube-system', 'kube-dns')) as ForwardPlan;
		assert.match(plan.pod, /^coredns-/);
		assert.deepEqual(plan.ports, [
			{local: 53, port: 53, remote: 53},
			{local: 9153, port: 9153, remote: 9153},
		]);
		const row = await cluster.startForward(plan, {...plan.ports[1]!, local: await freePort()});
		assert.equal(row.spec.kubectl, `kubectl port-forward svc/kube-dns -n kube-system ${row.local}:9153`);
		for (const _ of [1, 2]) {
			const answer = await getLocal(row.local);
			assert.equal(answer.status, 200);
			assert.equal(answer.body, `Hello from ${plan.pod} (k8s.gcr.io/coredns:1.7.0) on port 9153\n`);
		}

		await waitFor(
			() => cluster.forwards.getSnapshot()[0]?.connections === 2 && cluster.forwards.getSnapshot()[0]!.received > 100,
			'two connections counted',
		);
		cluster.forwards.stop(row.id);
		await assert.rejects(getLocal(row.local), /ECONNREFUSED/);
	});

	test("a pod that does not exist: the server's 404 message from the upgrade", async () => {
		const plan = {namespace: ns.name, pod: 'nope', target: 'pod/nope', ports: [{local: 0, port: 80, remote: 80}]};
		const row = await cluster.startForward(plan, plan.ports[0]!);
		await assert.rejects(getLocal(row.local));
		await waitFor(() => cluster.forwards.getSnapshot().find(each => each.id === row.id)?.lastError !== undefined, 'the error recorded');
		assert.equal(cluster.forwards.getSnapshot().find(each => each.id === row.id)!.lastError, 'pods "nope" not found');
		cluster.forwards.stop(row.id);
	});

	test("exec over v4.channel.k8s.io: a real process's output on channel 1, its exit Status on channel 3", async () => {
		const credentials = connection.credentials!;
		const plan = (await cluster.planForward('Service', 'kube-system', 'kube-dns')) as ForwardPlan;
		const socket = await openChannels(
			async options => applyCredentials(credentials, options),
			connection.server,
			`/api/v1/namespaces/kube-system/pods/${plan.pod}/exec?container=coredns&command=sh&command=-c&command=${encodeURIComponent('echo hello; exit 3')}&stdout=true&stderr=true`,
			['v4.channel.k8s.io'],
		);
		assert.equal(socket.protocol, 'v4.channel.k8s.io');
		let stdout = '';
		let status = '';
		let closed = false;
		socket.onFrame((channel, data) => {
			if (channel === 1) {
				stdout += data.toString('utf8');
			}
			if (channel === 3) {
				status += data.toString('utf8');
			}
		});
		socket.onClose(() => (closed = true));
		await waitFor(() => closed, 'the exec ends', 30_000);
		assert.equal(stdout, 'hello\n');
		const parsed = JSON.parse(status) as {status: string; reason: string; details: {causes: Array<{reason: string; message: string}>}};
		assert.equal(parsed.status, 'Failure');
		assert.equal(parsed.reason, 'NonZeroExitCode');
		assert.deepEqual(parsed.details.causes, [{reason: 'ExitCode', message: '3'}]);
	});

	test('the shell (s): bash else sh with a tty; keys on channel 0, the size on channel 4 (stty sees it), the exit status back', async () => {
		const plan = (await cluster.planForward('Service', 'kube-system', 'kube-dns')) as ForwardPlan;
		const session = await cluster.openShell({namespace: 'kube-system', pod: plan.pod, container: 'coredns', command: shellCommand});
		assert.ok(!('error' in session));
		let output = '';
		let send: ((data: Buffer) => void) | undefined;
		const running = session.run({
			onInput(listener) {
				send = listener;
				return () => undefined;
			},
			write: data => (output += data.toString('utf8')),
			size: () => ({columns: 101, rows: 33}),
			onResize: () => () => undefined,
		});
		await waitFor(() => send !== undefined, 'input wired');
		// The kubelet sizes the pty once it has the shell's tty; ask until stty reports it.
		await waitFor(
			() => {
				send!(Buffer.from('stty size\r'));
				return output.includes('33 101');
			},
			'stty reports the size sent on channel 4',
			30_000,
		);
		send!(Buffer.from('exit 4\r'));
		assert.deepEqual(await running, {ok: true, exitCode: 4});
	});
});
