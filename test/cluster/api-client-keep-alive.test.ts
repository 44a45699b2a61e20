// The health probe asks GET /version every 10 s while a watch is quiet: the client keeps its
// connection between requests for longer than Node's default 5 s, so a probe is not a new
// connection (a TLS handshake on a real cluster) every time.
import assert from 'node:assert/strict';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {test} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {ApiClient} from '../../source/cluster/api-client.js';

test('two requests 6 s apart go over one connection, and close() lets it go', async () => {
	let connections = 0;
	const server = http.createServer((_request, response) => response.end('{"major":"1"}'));
	// A real API server keeps an idle connection well past 10 s; Node's server would close it after 5.
	server.keepAliveTimeout = 60_000;
	server.on('connection', () => connections++);
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const api = new ApiClient(async () => {}, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
	try {
		await api.getJson('/version');
		await sleep(6000);
		await api.getJson('/version');
		assert.equal(connections, 1, 'the second probe reused the first connection');
		api.close();
		await api.getJson('/version');
		assert.equal(connections, 2, 'after close() a request opens a new one');
	} finally {
		api.close();
		await new Promise(resolve => server.close(resolve));
	}
});
