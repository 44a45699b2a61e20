import assert from 'node:assert/strict';
import {getEventListeners} from 'node:events';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {test} from 'node:test';
import {ApiClient} from '../../source/cluster/api-client.js';
import {pathSource} from '../../source/cluster/kube-cluster.js';
import {ListWatchStore} from '../../source/cluster/resource-store.js';
import {waitFor} from '../ui/harness.js';

const count = (kind: string) => process.getActiveResourcesInfo().filter(name => name === kind).length;

test('1,000 retries of an outage (1 ms backoff) leave no listener, timer or socket behind', async () => {
	let lists = 0;
	const server = http.createServer((_request, response) => {
		lists++;
		response.writeHead(503, {'content-type': 'application/json'}).end(JSON.stringify({kind: 'Status', message: 'etcd is down', code: 503}));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const warnings: string[] = [];
	const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
	process.on('warning', onWarning);
	const api = new ApiClient(async () => {}, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
	const store = new ListWatchStore(pathSource(api, '/api/v1/pods'), raw => raw, {baseBackoffMs: 1, maxBackoffMs: 1});
	// The store's own abort signal, which every request and every backoff listens to.
	const signal = (store as unknown as {abort: AbortController}).abort.signal;
	try {
		await waitFor(() => lists >= 100, '100 retries', 60_000);
		const early = {listeners: getEventListeners(signal, 'abort').length, timers: count('Timeout'), sockets: count('TCPSocketWrap')};
		await waitFor(() => lists >= 1000, '1,000 retries', 120_000);
		const late = {listeners: getEventListeners(signal, 'abort').length, timers: count('Timeout'), sockets: count('TCPSocketWrap')};
		assert.equal(store.getSnapshot().state.kind, 'reconnecting');
		// At most what is in flight at the moment of looking: a request whose socket has not closed
		// yet and the backoff after it (seen on a loaded machine); a leak would be about 1,000.
		assert.ok(late.listeners <= 2, `abort listeners: ${late.listeners}`);
		assert.ok(late.timers <= early.timers + 2, `timers grew: ${JSON.stringify({early, late})}`);
		assert.ok(late.sockets <= early.sockets + 2, `sockets grew: ${JSON.stringify({early, late})}`);
		assert.deepEqual(
			warnings.filter(warning => warning.includes('MaxListeners')),
			[],
		);
	} finally {
		store.stop();
		process.off('warning', onWarning);
		server.closeAllConnections();
		server.close();
	}

	assert.equal(getEventListeners(signal, 'abort').length, 0);
});
