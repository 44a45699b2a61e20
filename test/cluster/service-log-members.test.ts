import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import type {LogFeed} from '../../source/cluster/log-session.js';
import {logLineText} from '../../source/derive/log-lines.js';
import {startSandbox, type Sandbox} from '../../source/sandbox/index.js';
import {podLogTiming} from '../../source/sandbox/pod-log.js';
import {openLogs} from '../../source/ui/hooks/open-logs.js';
import {followServiceMembers} from '../../source/ui/hooks/service-log-members.js';
import {logSources} from '../../source/ui/hooks/use-logs.js';
import {waitFor as waitUntil} from '../wait-for.js';

/** Polls with a generous timeout: the machine's cores are busy. */
const waitFor = async (predicate: () => boolean, what: string, timeoutMs = 20_000) => waitUntil(predicate, what, timeoutMs);

function connect(sandbox: Sandbox): Connection {
	const selected = connectionFromText(sandbox.kubeconfig({}), {sandbox: true});
	assert.equal(selected.kind, 'ok');
	return (selected as {connection: Connection}).connection;
}

const shown = (feed: LogFeed) => feed.getSnapshot().lines.map(line => logLineText(line, false));
const linesOf = (feed: LogFeed, pod: string) => shown(feed).filter(line => line.startsWith(`[pod/${pod}/app] `));

describe("l on a service follows the pods that join or leave its endpoints (k9s's way), on the sandbox over HTTP", () => {
	let sandbox: Sandbox;
	let cluster: KubeCluster;
	const request = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${sandbox.url}/api/v1/namespaces/default/${path}`, {
			method,
			headers: {authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json'},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.text()}`);
	};
	const createPod = (name: string) =>
		request('POST', 'pods', {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name, labels: {app: 'cart'}},
			spec: {containers: [{name: 'app', image: 'nginx'}]},
		});
	const readyPods = () =>
		cluster.endpoints
			.getSnapshot()
			.items.filter(group => group.service === 'cart')
			.flatMap(group => group.endpoints)
			.filter(entry => entry.ready)
			.map(entry => entry.pod);

	before(async () => {
		podLogTiming.tickMs = 50;
		sandbox = await startSandbox({timing: {scheduleMs: 5, pullMs: 10, startMs: 5, killMs: 20}});
		cluster = new KubeCluster(connect(sandbox), {namespace: 'default'});
		await request('POST', 'services', {
			apiVersion: 'v1',
			kind: 'Service',
			metadata: {name: 'cart'},
			spec: {selector: {app: 'cart'}, ports: [{port: 80}]},
		});
		await createPod('cart-1');
		await waitFor(() => readyPods().length === 1, 'cart-1 a ready endpoint');
	});
	after(async () => {
		podLogTiming.tickMs = 5000;
		cluster.close();
		await sandbox.close();
	});

	test('a second pod with the service labels is followed from now, prefixed, with a status line; a deleted one stops', async () => {
		const opened = await openLogs(cluster, {kind: 'Service', namespace: 'default', name: 'cart'});
		assert.ok('mode' in opened, JSON.stringify(opened));
		const mode = opened.mode;
		const feed = cluster.openLogs({sources: logSources(mode), previous: false, follow: true, tailLines: 100, capacity: 1000});
		const members = followServiceMembers(
			cluster,
			feed,
			mode.target,
			mode.pods!.map(entry => entry.pod),
		);
		// Every status line the view shows, in order (each replaces the last one on screen).
		const said: string[] = [];
		feed.subscribe(() => {
			const text = feed.getSnapshot().note?.text;
			if (text && said.at(-1) !== text) {
				said.push(text);
			}
		});
		try {
			await waitFor(() => linesOf(feed, 'cart-1').length > 0, "cart-1's lines");
			await createPod('cart-2');
			await waitFor(() => linesOf(feed, 'cart-2').some(line => line.includes('is still running')), "cart-2's lines, prefixed");
			assert.equal(feed.getSnapshot().ended, false);
			assert.ok(said.includes('cart-2 joined service cart: following its log from now'), said.join('\n'));
			// Joined from now (tailLines=0): its record before it joined (scheduled, pulled, started) is not replayed.
			assert.ok(
				linesOf(feed, 'cart-2').every(line => line.includes('is still running')),
				`only new lines of cart-2:\n${linesOf(feed, 'cart-2').join('\n')}`,
			);
			// The first pod's record, read with --tail=100 when the view opened, is there.
			assert.ok(linesOf(feed, 'cart-1').some(line => !line.includes('is still running')));

			await request('DELETE', 'pods/cart-1');
			await waitFor(() => said.includes('cart-1 left service cart: no longer following its log'), 'the leave line', 30_000);
			const cart1 = linesOf(feed, 'cart-1').length;
			const cart2 = linesOf(feed, 'cart-2').length;
			await waitFor(() => linesOf(feed, 'cart-2').length >= cart2 + 5, 'more of cart-2');
			assert.equal(linesOf(feed, 'cart-1').length, cart1, 'cart-1 is no longer followed');
			assert.equal(feed.getSnapshot().ended, false);
		} finally {
			members();
			feed.stop();
		}
	});
});
