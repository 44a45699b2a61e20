import assert from 'node:assert/strict';
import {createServer, type Server, type ServerResponse} from 'node:http';
import {after, before, describe, test} from 'node:test';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {waitFor} from '../wait-for.js';

/**
 * A server that logs every request's path and answers each list empty (or every request with
 * `status`), holding watches open: what kpods asks before and after its first frame.
 */
async function recordingServer(status = 200): Promise<{server: Server; url: string; paths: string[]}> {
	const paths: string[] = [];
	const open = new Set<ServerResponse>();
	const server = createServer((request, response) => {
		const url = request.url ?? '';
		paths.push(url);
		if (status !== 200) {
			response.writeHead(status, {'content-type': 'application/json'});
			response.end(JSON.stringify({kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'refused here', code: status}));
			return;
		}
		response.writeHead(200, {'content-type': 'application/json'});
		if (url.includes('watch=1')) {
			open.add(response);
			response.on('close', () => open.delete(response));
			response.flushHeaders();
			return;
		}
		response.end(JSON.stringify({kind: 'List', apiVersion: 'v1', metadata: {resourceVersion: '1'}, items: []}));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	server.on('close', () => {
		for (const response of open) {
			response.destroy();
		}
	});
	const {port} = server.address() as {port: number};
	return {server, url: `http://127.0.0.1:${port}`, paths};
}

function connect(url: string): Connection {
	const kubeconfig = JSON.stringify({
		apiVersion: 'v1',
		kind: 'Config',
		clusters: [{name: 'here', cluster: {server: url, 'insecure-skip-tls-verify': true}}],
		users: [{name: 'me', user: {token: 'secret'}}],
		contexts: [{name: 'here', context: {cluster: 'here', user: 'me', namespace: 'web'}}],
		'current-context': 'here',
	});
	const selected = connectionFromText(kubeconfig);
	assert.equal(selected.kind, 'ok');
	return (selected as {connection: Connection}).connection;
}

const fast = {baseBackoffMs: 20, maxBackoffMs: 200, coalesceMs: 5, watchTimeoutSeconds: 30};
const kindOf = (path: string) => /\/(pods|services|endpointslices|endpoints|nodes|version)\b/.exec(path)?.[1] ?? path;

describe('what a cluster asks the server before its first frame', () => {
	let recorded: Awaited<ReturnType<typeof recordingServer>>;
	before(async () => {
		recorded = await recordingServer();
	});
	after(async () => {
		recorded.server.closeAllConnections();
		await new Promise(resolve => recorded.server.close(resolve));
	});

	test('only the pods until the first frame is drawn; then services, endpoints and nodes, which count no rows before', async () => {
		recorded.paths.length = 0;
		let drawn = () => {};
		const firstFrame = new Promise<void>(resolve => {
			drawn = resolve;
		});
		const cluster = new KubeCluster(connect(recorded.url), {namespace: 'web', tuning: fast, firstFrame});
		// The probe is answered by the pods' lists: no request of its own.
		assert.deepEqual(await cluster.probe(2000), {ok: true});
		await waitFor(() => cluster.pods.getSnapshot().synced, 'the pods listed');
		// The first render reads every store (the nodes too) before the frame is written.
		for (const store of [cluster.services, cluster.endpoints, cluster.nodes]) {
			assert.equal(store.getSnapshot().synced, false);
			assert.equal(store.getSnapshot().state.kind, 'connecting');
		}
		await waitFor(() => recorded.paths.some(path => path.includes('watch=1')), 'the pods watched');
		assert.deepEqual([...new Set(recorded.paths.map(kindOf))], ['pods']);

		drawn();
		await waitFor(
			() => [cluster.services, cluster.endpoints, cluster.nodes].every(store => store.getSnapshot().synced),
			'services, endpoints and nodes listed after the frame',
		);
		assert.deepEqual([...new Set(recorded.paths.map(kindOf))].sort(), ['endpointslices', 'nodes', 'pods', 'services']);
		assert.ok(!recorded.paths.some(path => path.startsWith('/version')), 'no probe request');
		cluster.close();
	});

	test('without a first frame to wait for (a namespace switched to), every store lists at once', async () => {
		recorded.paths.length = 0;
		const cluster = new KubeCluster(connect(recorded.url), {namespace: 'web', tuning: fast});
		await waitFor(
			() => [cluster.pods, cluster.services, cluster.endpoints].every(store => store.getSnapshot().synced),
			'pods, services and endpoints listed',
		);
		cluster.close();
	});

	test('any HTTP answer to the pods tells the probe the server is there: a refusal shows in the panes', async () => {
		const refusing = await recordingServer(403);
		const cluster = new KubeCluster(connect(refusing.url), {namespace: 'web', tuning: fast, firstFrame: new Promise(() => {})});
		assert.deepEqual(await cluster.probe(2000), {ok: true});
		assert.ok(
			refusing.paths.every(path => path.includes('/pods')),
			`only the pods were asked: ${refusing.paths.join(', ')}`,
		);
		cluster.close();
		refusing.server.closeAllConnections();
		await new Promise(resolve => refusing.server.close(resolve));
	});
});
