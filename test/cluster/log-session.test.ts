import assert from 'node:assert/strict';
import {createServer, type Server, type ServerResponse} from 'node:http';
import {after, before, describe, test} from 'node:test';
import {ApiClient} from '../../source/cluster/api-client.js';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {LogSession, type LogFeed} from '../../source/cluster/log-session.js';
import {startSandbox, type Sandbox} from '../../source/sandbox/index.js';
import {podLogTiming} from '../../source/sandbox/pod-log.js';
import {waitFor as waitUntil} from '../ui/harness.js';
import {logLineText} from '../../source/derive/log-lines.js';
import {openLogs} from '../../source/ui/hooks/open-logs.js';
import {logSources} from '../../source/ui/hooks/use-logs.js';

/** Polls with a generous timeout: the machine's cores are busy. */
const waitFor = async (predicate: () => boolean, what: string, timeoutMs = 15_000) => waitUntil(predicate, what, timeoutMs);

function connect(sandbox: Sandbox): Connection {
	const selected = connectionFromText(sandbox.kubeconfig({}), {sandbox: true});
	assert.equal(selected.kind, 'ok');
	return (selected as {connection: Connection}).connection;
}

const texts = (feed: LogFeed) => feed.getSnapshot().lines.map(line => line.text);

describe('LogSession on the sandbox, over HTTP', () => {
	let sandbox: Sandbox;
	let cluster: KubeCluster;
	before(async () => {
		podLogTiming.tickMs = 50;
		sandbox = await startSandbox({timing: {scheduleMs: 5, pullMs: 10, startMs: 5, killMs: 20}});
		cluster = new KubeCluster(connect(sandbox), {namespace: 'default'});
		const created = await fetch(`${sandbox.url}/api/v1/namespaces/default/pods`, {
			method: 'POST',
			headers: {authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json'},
			body: JSON.stringify({
				apiVersion: 'v1',
				kind: 'Pod',
				metadata: {name: 'logged'},
				spec: {containers: [{name: 'web', image: 'nginx'}]},
			}),
		});
		assert.equal(created.status, 201);
		let phase: string | undefined;
		const poll = setInterval(
			() =>
				void cluster.getObject('Pod', 'default', 'logged').then(pod => {
					phase = (pod as {status?: {phase?: string}}).status?.phase;
				}),
			20,
		);
		await waitFor(() => phase === 'Running', 'logged Running').finally(() => clearInterval(poll));
	});
	after(async () => {
		podLogTiming.tickMs = 5000;
		cluster.close();
		await sandbox.close();
	});

	test('follows: the record first, then new lines; timestamps kept apart from the text', async () => {
		const feed = cluster.openLogs({
			sources: [{namespace: 'default', pod: 'logged', container: 'web', prefix: ''}],
			previous: false,
			follow: true,
			tailLines: 100,
			capacity: 100,
		});
		await waitFor(() => texts(feed).filter(text => text.includes('still running')).length >= 3, 'three followed lines');
		const [first] = feed.getSnapshot().lines;
		assert.match(first!.text, /^\[kpods sandbox\] no container runs here/);
		assert.match(first!.time, /^\d{4}-\d\d-\d\dT/);
		feed.stop();
	});

	test('a dropped stream resumes after the last line seen: nothing repeated', async () => {
		const feed = cluster.openLogs({
			sources: [{namespace: 'default', pod: 'logged', container: 'web', prefix: ''}],
			previous: false,
			follow: true,
			tailLines: 100,
			capacity: 1000,
		});
		await waitFor(() => texts(feed).filter(text => text.includes('still running')).length >= 3, 'lines before the drop');
		sandbox.dropConnections();
		await waitFor(() => feed.getSnapshot().note?.text.includes('reconnected') === true, 'reconnected note', 15_000);
		const before = feed.getSnapshot().lines.length;
		await waitFor(() => feed.getSnapshot().lines.length >= before + 3, 'lines after the drop');
		const lines = feed.getSnapshot().lines;
		const keys = lines.map(line => `${line.time} ${line.text}`);
		assert.equal(new Set(keys).size, keys.length, 'no line twice');
		assert.equal(lines.filter(line => line.text.includes('no container runs here')).length, 1);
		assert.match(feed.getSnapshot().note!.text, /resumed after the last line seen \(sinceTime\), none repeated/);
		feed.stop();
	});

	test('l on a service: each pod behind its endpoints, its lines prefixed as kubectl logs -l … --prefix', async () => {
		const post = async (path: string, body: unknown) =>
			fetch(`${sandbox.url}/api/v1/namespaces/default/${path}`, {
				method: 'POST',
				headers: {authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json'},
				body: JSON.stringify(body),
			});
		await post('services', {
			apiVersion: 'v1',
			kind: 'Service',
			metadata: {name: 'shop'},
			spec: {selector: {app: 'shop'}, ports: [{port: 80}]},
		});
		for (const name of ['shop-1', 'shop-2']) {
			await post('pods', {
				apiVersion: 'v1',
				kind: 'Pod',
				metadata: {name, labels: {app: 'shop'}},
				spec: {
					containers: [
						{name: 'app', image: 'nginx'},
						{name: 'side', image: 'envoy'},
					],
				},
			});
		}

		const ready = () =>
			cluster.endpoints
				.getSnapshot()
				.items.filter(group => group.service === 'shop')
				.flatMap(group => group.endpoints)
				.filter(entry => entry.ready).length;
		await waitFor(() => ready() === 2, 'two ready endpoints');
		const opened = await openLogs(cluster, {kind: 'Service', namespace: 'default', name: 'shop'});
		assert.ok('mode' in opened, JSON.stringify(opened));
		assert.equal(opened.kubectl, 'kubectl logs -f --tail=100 -l app=shop --prefix');
		assert.deepEqual(opened.mode.pods, [
			{namespace: 'default', pod: 'shop-1', container: 'app'},
			{namespace: 'default', pod: 'shop-2', container: 'app'},
		]);
		const feed = cluster.openLogs({sources: logSources(opened.mode), previous: false, follow: true, tailLines: 100, capacity: 100});
		await waitFor(
			() =>
				['shop-1', 'shop-2'].every(pod =>
					feed.getSnapshot().lines.some(line => logLineText(line, false).startsWith(`[pod/${pod}/app] [kpods sandbox] `)),
				),
			'both pods, prefixed',
		);
		feed.stop();
		const picked = await openLogs(cluster, {kind: 'Pod', namespace: 'default', name: 'shop-1'});
		assert.ok('pick' in picked && picked.pick.kind === 'picker' && picked.pick.purpose === 'container');
		assert.deepEqual((picked.pick as {names: string[]}).names, ['app', 'side']);
	});

	test("the server's own message when there is no previous instance", async () => {
		const feed = cluster.openLogs({
			sources: [{namespace: 'default', pod: 'logged', container: 'web', prefix: ''}],
			previous: true,
			follow: false,
			tailLines: 100,
			capacity: 100,
		});
		await waitFor(() => feed.getSnapshot().ended, 'ended');
		assert.deepEqual(feed.getSnapshot().note, {text: 'previous terminated container "web" in pod "logged" not found', tone: 'error'});
		feed.stop();
	});
});

/**
 * A log endpoint that writes numbered, timestamped lines (several per millisecond, so many
 * share a timestamp) and honours sinceTime at whole seconds, as kubelets do; `cut()` drops
 * every open stream mid-way.
 */
function numberedLogServer(perTick: number): {server: Server; cut: () => void; listen: () => Promise<number>} {
	const lines: Array<{ms: number; n: number}> = [];
	const open = new Set<ServerResponse>();
	let next = 0;
	const timer = setInterval(() => {
		const ms = Date.now();
		for (let index = 0; index < perTick; index++) {
			const line = {ms, n: next++};
			lines.push(line);
			for (const response of open) {
				response.write(`${new Date(ms).toISOString()} line ${line.n}\n`);
			}
		}
	}, 5);
	const server = createServer((request, response) => {
		const url = new URL(request.url!, 'http://x');
		const since = url.searchParams.get('sinceTime');
		const from = since ? Date.parse(since) : 0;
		response.writeHead(200, {'content-type': 'text/plain'});
		const tail = Number(url.searchParams.get('tailLines') ?? lines.length);
		const old = since ? lines.filter(line => line.ms >= from) : lines.slice(-tail);
		for (const line of old) {
			response.write(`${new Date(line.ms).toISOString()} line ${line.n}\n`);
		}
		open.add(response);
		response.on('close', () => open.delete(response));
	});
	server.on('close', () => clearInterval(timer));
	return {
		server,
		cut: () => {
			for (const response of open) {
				response.socket?.destroy();
			}
		},
		listen: async () => new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve((server.address() as {port: number}).port))),
	};
}

describe('LogSession reconnects without losing or repeating a line', () => {
	let fake: ReturnType<typeof numberedLogServer>;
	let api: ApiClient;
	before(async () => {
		fake = numberedLogServer(3);
		const port = await fake.listen();
		api = new ApiClient(async () => undefined, `http://127.0.0.1:${port}`);
	});
	after(() => {
		fake.server.closeAllConnections();
		fake.server.close();
	});

	test('three drops; every number once, in order', async () => {
		const session = new LogSession(
			api,
			{sources: [{namespace: 'n', pod: 'p', container: 'c', prefix: ''}], previous: false, follow: true, tailLines: 10, capacity: 100_000},
			10,
			20,
		);
		const numbers = () => session.getSnapshot().lines.map(line => Number(line.text.split(' ')[1]));
		for (let drop = 0; drop < 3; drop++) {
			const count = numbers().length;
			await waitFor(() => numbers().length > count + 30, `lines before drop ${drop}`);
			fake.cut();
		}

		const count = numbers().length;
		await waitFor(() => numbers().length > count + 30, 'lines after the last drop');
		session.stop();
		const seen = numbers();
		for (let index = 1; index < seen.length; index++) {
			assert.equal(seen[index], seen[index - 1]! + 1, `line ${index}: ${seen[index - 1]} then ${seen[index]}`);
		}
	});
});
