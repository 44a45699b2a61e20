// `l` on a service follows the service on the real API server KUBECONFIG points at (the lab:
// a v1.20 apiserver whose fake kubelet writes an access-log line every 2 s while followed):
// a pod that joins the endpoints while the view is open is followed from then on, one that
// leaves stops. In a namespace of its own, so its pods' events do not mix with other tests'.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, before, describe, test} from 'node:test';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import type {LogFeed} from '../../source/cluster/log-session.js';
import {openLogs} from '../../source/ui/hooks/open-logs.js';
import {followServiceMembers} from '../../source/ui/hooks/service-log-members.js';
import {logSources} from '../../source/ui/hooks/use-logs.js';
import {waitFor} from '../wait-for.js';
import {realNamespace, type RealNamespace} from './real-cluster.js';

const webPod = (name: string) => ({metadata: {name, labels: {app: 'web'}}, spec: {containers: [{name: 'nginx', image: 'nginx'}]}});

describe('l on a service follows the service on the real cluster', () => {
	let ns: RealNamespace;
	let cluster: KubeCluster;
	let feed: LogFeed | undefined;

	before(async () => {
		ns = await realNamespace('svclogs');
		const text = readFileSync(process.env['KUBECONFIG']!, 'utf8');
		cluster = new KubeCluster((connectionFromText(text) as {connection: Connection}).connection, {namespace: ns.name});
		await ns.core.createNamespacedService({
			namespace: ns.name,
			body: {metadata: {name: 'web'}, spec: {selector: {app: 'web'}, ports: [{port: 80}]}},
		});
		await ns.core.createNamespacedPod({namespace: ns.name, body: webPod('web-1')});
		await waitFor(
			() => cluster.endpoints.getSnapshot().items.some(group => group.service === 'web' && group.endpoints.some(entry => entry.ready)),
			'web-1 a ready endpoint',
			60_000,
		);
	});
	after(async () => {
		feed?.stop();
		cluster?.close();
		await ns?.remove();
	});

	test('a pod that joins its endpoints is followed from then on, prefixed; one that leaves stops', async () => {
		const opened = await openLogs(cluster, {kind: 'Service', namespace: ns.name, name: 'web'});
		assert.ok('mode' in opened, JSON.stringify(opened));
		assert.deepEqual(
			opened.mode.pods?.map(entry => entry.pod),
			['web-1'],
		);
		const session = cluster.openLogs({sources: logSources(opened.mode), previous: false, follow: true, tailLines: 100, capacity: 5000});
		feed = session;
		const members = followServiceMembers(cluster, session, opened.mode.target, ['web-1']);
		const said: string[] = [];
		session.subscribe(() => {
			const text = session.getSnapshot().note?.text;
			if (text && said.at(-1) !== text) {
				said.push(text);
			}
		});
		const linesOf = (pod: string) => session.getSnapshot().lines.filter(line => line.prefix === `[pod/${pod}/nginx] `).length;
		try {
			await ns.core.createNamespacedPod({namespace: ns.name, body: webPod('web-2')});
			await waitFor(() => linesOf('web-2') > 0, "web-2's lines, prefixed", 60_000);
			assert.ok(said.includes('web-2 joined service web: following its log from now'), said.join('\n'));
			await ns.core.deleteNamespacedPod({namespace: ns.name, name: 'web-1', gracePeriodSeconds: 0});
			await waitFor(() => said.includes('web-1 left service web: no longer following its log'), 'web-1 left', 60_000);
			const web1 = linesOf('web-1');
			const web2 = linesOf('web-2');
			await waitFor(() => linesOf('web-2') >= web2 + 2, 'more of web-2', 30_000);
			assert.equal(linesOf('web-1'), web1, 'web-1 is no longer followed');
			assert.equal(session.getSnapshot().ended, false, 'web-2 is still followed');
		} finally {
			members();
		}
	});
});
