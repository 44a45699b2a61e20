// A real API server that stops answering while its connections stay open (a hung apiserver, a
// network that drops packets): kpods' one health check for the cluster (SharedProbe) notices it
// within 12 + 5 s with the default timings, and the stores come back live when it answers again.
// The connections go through a TCP proxy that can hold every byte both ways.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, before, test} from 'node:test';
import yaml from 'js-yaml';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {waitFor} from '../wait-for.js';
import {realNamespace, type RealNamespace} from './real-cluster.js';
import {tcpProxy, type TcpProxy} from './tcp-proxy.js';

let ns: RealNamespace;
let proxy: TcpProxy;
let cluster: KubeCluster | undefined;

before(async () => {
	ns = await realNamespace('hung');
	const text = readFileSync(process.env['KUBECONFIG']!, 'utf8');
	const direct = (connectionFromText(text) as {connection: Connection}).connection;
	proxy = await tcpProxy(new URL(direct.server));
	const config = yaml.load(text) as {clusters: Array<{cluster: {server: string}}>};
	for (const entry of config.clusters) {
		entry.cluster.server = entry.cluster.server.replace(/:\d+$/, `:${proxy.port}`);
	}
	// The default tuning: the health check's real 12 s and 5 s.
	cluster = new KubeCluster((connectionFromText(yaml.dump(config)) as {connection: Connection}).connection, {namespace: ns.name});
});

after(async () => {
	cluster?.close();
	proxy?.release();
	proxy?.close();
	await ns?.remove();
});

test('a server that stops answering shows as reconnecting within 17 s (and a little slack for a busy machine), then live again', async t => {
	const stores = [cluster!.pods, cluster!.services, cluster!.endpoints, cluster!.nodes];
	await waitFor(() => stores.every(store => store.getSnapshot().state.kind === 'live'), 'every store live', 60_000);
	const held = Date.now();
	proxy.hold();
	await waitFor(() => cluster!.pods.getSnapshot().state.kind === 'reconnecting', 'pods reconnecting', 40_000);
	const noticed = (Date.now() - held) / 1000;
	t.diagnostic(`noticed after ${noticed.toFixed(1)} s`);
	assert.ok(noticed >= 5 && noticed <= 25, `noticed after ${noticed.toFixed(1)} s`);
	assert.match(JSON.stringify(cluster!.pods.getSnapshot().state), /the server stopped answering \(no answer in 5s\)/);
	await waitFor(() => stores.every(store => store.getSnapshot().state.kind !== 'live'), 'every store not live', 10_000);
	proxy.release();
	await waitFor(() => stores.every(store => store.getSnapshot().state.kind === 'live'), 'every store live again', 90_000);
});
