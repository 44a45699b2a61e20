// Logs, YAML, edit and events against the real API server KUBECONFIG points at (the lab: a
// v1.20 apiserver whose fake kubelet writes an access-log line every 2 s while followed).
// The lab's followed lines are made up per stream, so a resumed stream is checked for order and
// repeats; lines lost while cut are checked against a numbered fake server in test/cluster.
// The log stream runs through a TCP proxy the test can cut, to see a dropped stream resume.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import yaml from 'js-yaml';
import {editObject, type RunEditor} from '../../source/actions/edit.js';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import type {LogFeed} from '../../source/cluster/log-session.js';
import {eventCells} from '../../source/format/event.js';
import {objectYaml} from '../../source/format/yaml.js';
import {sortEvents} from '../../source/derive/event-view.js';
import {compareLogTime, parseLogTime} from '../../source/derive/log-lines.js';
import {openLogs} from '../../source/ui/hooks/open-logs.js';
import {logSources} from '../../source/ui/hooks/use-logs.js';
import {waitFor} from '../wait-for.js';
import {kubectlOutput, realNamespace, type RealNamespace} from './real-cluster.js';
import {tcpProxy, type TcpProxy} from './tcp-proxy.js';

const kubectl = kubectlOutput;

/** The cells of a kubectl table, cut at its header's column starts (a cell may be empty). */
function tableCells(printed: string): string[][] {
	const [header = '', ...lines] = printed.trimEnd().split('\n');
	const starts = [...header.matchAll(/(?:^|\s{2,})(\S)/g)].map(match => match.index + match[0].length - 1);
	return lines.map(line => starts.map((start, column) => line.slice(start, starts[column + 1]).trim()));
}

const sameNames = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

describe('logs, YAML, edit and events on the real cluster', () => {
	let ns: RealNamespace;
	let connection: Connection;
	let cluster: KubeCluster;
	let proxied: KubeCluster;
	let proxy: TcpProxy;
	const feeds: LogFeed[] = [];

	before(async () => {
		ns = await realNamespace('views');
		const text = readFileSync(process.env['KUBECONFIG']!, 'utf8');
		connection = (connectionFromText(text) as {connection: Connection}).connection;
		cluster = new KubeCluster(connection, {namespace: ns.name, tuning: {coalesceMs: 5}});
		proxy = await tcpProxy(new URL(connection.server));
		const config = yaml.load(text) as {clusters: Array<{cluster: {server: string}}>};
		for (const entry of config.clusters) {
			entry.cluster.server = entry.cluster.server.replace(/:\d+$/, `:${proxy.port}`);
		}
		proxied = new KubeCluster((connectionFromText(yaml.dump(config)) as {connection: Connection}).connection, {namespace: ns.name});
		for (const [name, labels] of [
			['web-1', {app: 'web'}],
			['web-2', {app: 'web'}],
		] as const) {
			await ns.core.createNamespacedPod({
				namespace: ns.name,
				body: {metadata: {name, labels}, spec: {containers: [{name: 'nginx', image: 'nginx'}]}},
			});
		}

		await ns.core.createNamespacedService({
			namespace: ns.name,
			body: {metadata: {name: 'web'}, spec: {selector: {app: 'web'}, ports: [{port: 80}]}},
		});
		await waitFor(
			async () => {
				const pods = await ns.core.listNamespacedPod({namespace: ns.name});
				return pods.items.every(pod => pod.status?.phase === 'Running');
			},
			'pods Running',
			60_000,
		);
	});
	after(async () => {
		for (const feed of feeds) {
			feed.stop();
		}
		cluster?.close();
		proxied?.close();
		proxy?.close();
		await ns?.remove();
	});

	test('l follows like kubectl logs -f --tail=100: the same lines kubectl prints, then new ones', async () => {
		const printed = (await kubectl('logs', '-n', ns.name, 'web-1', '--tail=100')).trimEnd().split('\n');
		const feed = cluster.openLogs({
			sources: [{namespace: ns.name, pod: 'web-1', container: 'nginx', prefix: ''}],
			previous: false,
			follow: true,
			tailLines: 100,
			capacity: 5000,
		});
		feeds.push(feed);
		await waitFor(() => feed.getSnapshot().lines.length > printed.length, 'a followed line after the first ones', 20_000);
		assert.deepEqual(
			feed
				.getSnapshot()
				.lines.slice(0, printed.length)
				.map(line => line.text),
			printed,
		);
	});

	test('a dropped stream resumes with sinceTime: no line twice, none lost', async () => {
		const feed = proxied.openLogs({
			sources: [{namespace: ns.name, pod: 'web-2', container: 'nginx', prefix: ''}],
			previous: false,
			follow: true,
			tailLines: 100,
			capacity: 5000,
		});
		feeds.push(feed);
		const count = async (more: number) => {
			const start = feed.getSnapshot().lines.length;
			await waitFor(() => feed.getSnapshot().lines.length >= start + more, `${more} more lines`, 30_000);
		};

		await count(12);
		proxy.cut();
		await waitFor(() => feed.getSnapshot().note?.text.includes('reconnected') === true, 'reconnected', 30_000);
		await count(2);
		const lines = feed.getSnapshot().lines.map(line => `${line.time} ${line.text}`);
		assert.equal(new Set(lines).size, lines.length, 'no line twice');
		// The lab's kubelet makes up its followed lines per stream (they are in no later log), so
		// "none lost" is checked as far as it can be: the times only go forward, nothing repeats.
		const times = feed.getSnapshot().lines.map(line => line.time);
		for (let index = 1; index < times.length; index++) {
			assert.ok(
				compareLogTime(parseLogTime(times[index]!)!, parseLogTime(times[index - 1]!)!) > 0,
				`${times[index - 1]} then ${times[index]}`,
			);
		}
		const canned = (await kubectl('logs', '-n', ns.name, 'web-2', '--timestamps')).trimEnd().split('\n');
		assert.deepEqual(lines.slice(0, canned.length), canned, "the lines before the drop are the server's");
	});

	test("the server's own message when there is no previous instance", async () => {
		const feed = cluster.openLogs({
			sources: [{namespace: ns.name, pod: 'web-1', container: 'nginx', prefix: ''}],
			previous: true,
			follow: false,
			tailLines: 100,
			capacity: 100,
		});
		feeds.push(feed);
		await waitFor(() => feed.getSnapshot().ended, 'ended', 20_000);
		assert.equal(feed.getSnapshot().note?.text, 'previous terminated container "nginx" in pod "web-1" not found');
	});

	test('l on a service: every pod behind it, prefixed as kubectl logs -l … --prefix', async () => {
		await waitFor(
			() => cluster.endpoints.getSnapshot().items.some(group => group.service === 'web' && group.endpoints.length === 2),
			'endpoints',
			30_000,
		);
		const opened = await openLogs(cluster, {kind: 'Service', namespace: ns.name, name: 'web'});
		assert.ok('mode' in opened, JSON.stringify(opened));
		assert.equal(opened.kubectl, `kubectl logs -f --tail=100 -l app=web --prefix -n ${ns.name}`);
		const feed = cluster.openLogs({sources: logSources(opened.mode), previous: false, follow: true, tailLines: 100, capacity: 5000});
		feeds.push(feed);
		await waitFor(
			() => ['web-1', 'web-2'].every(pod => feed.getSnapshot().lines.some(line => line.prefix === `[pod/${pod}/nginx] `)),
			'both pods',
			20_000,
		);
		const printed = (await kubectl('logs', '-n', ns.name, '-l', 'app=web', '--prefix', '--tail=3')).trimEnd().split('\n');
		assert.ok(
			printed.every(line => /^\[pod\/web-[12]\/nginx\] /.test(line)),
			printed.join('\n'),
		);
	});

	test('y: the YAML kubectl get -o yaml prints, byte for byte', async () => {
		for (const [kind, name] of [
			['Pod', 'web-1'],
			['Service', 'web'],
		] as const) {
			for (let attempt = 0; ; attempt++) {
				const object = await cluster.getObject(kind, ns.name, name);
				const printed = await kubectl('get', kind.toLowerCase(), name, '-n', ns.name, '-o', 'yaml');
				const made = objectYaml({apiVersion: 'v1', kind, ...object});
				if (made !== printed && attempt < 5) {
					continue; // the pod changed between the two reads
				}
				assert.equal(made, printed);
				break;
			}
		}
	});

	test('e: kubectl edit through a fake EDITOR script; no change sends nothing', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'kpods-real-editor-'));
		const script = join(directory, 'editor.sh');
		writeFileSync(script, '#!/bin/sh\nsed -i "s/app: web/app: web\\n    edited: by-script/" "$1"\n');
		chmodSync(script, 0o755);
		const runScript =
			(path: string): RunEditor =>
			async file => {
				const result = spawnSync(path, [file], {stdio: 'ignore'});
				return result.status === 0 ? {ok: true} : {ok: false, message: `exit ${result.status}`};
			};

		try {
			const kc = await connection.kubeConfig();
			const target = {kind: 'Pod' as const, namespace: ns.name, name: 'web-1'};
			const edited = await editObject(kc, target, runScript(script), {contextNamespace: connection.contextNamespace});
			assert.deepEqual(edited.lines, ['pod/web-1 edited']);
			assert.equal((await ns.core.readNamespacedPod({namespace: ns.name, name: 'web-1'})).metadata?.labels?.['edited'], 'by-script');
			const before = (await ns.core.readNamespacedPod({namespace: ns.name, name: 'web-1'})).metadata?.resourceVersion;
			const unchanged = await editObject(kc, target, runScript('true'), {contextNamespace: connection.contextNamespace});
			assert.deepEqual(unchanged.lines, ['Edit cancelled, no changes made.']);
			assert.equal((await ns.core.readNamespacedPod({namespace: ns.name, name: 'web-1'})).metadata?.resourceVersion, before);
		} finally {
			rmSync(directory, {recursive: true, force: true});
		}
	});

	test('4: the events kubectl get events --sort-by=.lastTimestamp lists, in its order, cell for cell', async () => {
		const store = cluster.allEvents;
		// One kubectl list (-o wide ends with NAME) holding exactly the events the store holds: a
		// new or repeated event between the two reads is read again, not compared.
		const rows = await waitFor(
			async () => {
				const snapshot = store.getSnapshot();
				if (!snapshot.synced || snapshot.items.length === 0) {
					return false;
				}
				const table = tableCells(await kubectl('get', 'events', '-n', ns.name, '--sort-by=.lastTimestamp', '-o', 'wide'));
				const held = store.getSnapshot();
				const same =
					held === snapshot &&
					sameNames(
						table.map(row => row.at(-1)!),
						held.items.map(event => event.metadata.name ?? ''),
					);
				return same && table;
			},
			'kubectl and the store holding the same events',
			30_000,
		);
		const now = Date.now();
		// LAST SEEN and FIRST SEEN move with the clock: every other cell, row by row, in kubectl's order (ties included).
		const withoutTimes = (cells: readonly string[]) => cells.filter((_, column) => column !== 0 && column !== 7);
		const mine = sortEvents(store.getSnapshot().items).map(event => withoutTimes(eventCells(event, now)));
		assert.deepEqual(
			mine,
			rows.map(row => withoutTimes(row)),
		);
	});
});
