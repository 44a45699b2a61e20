// The sandbox survives stalled, aborted and slow clients: watches with bookmarks and a short
// timeout, whose clients stop reading past the timeout (as a stopped or suspended process
// does) or go away mid-stream. Before the fix the timeout ended the response while the
// bookmark timer still wrote to it: `write after end`, an unhandled 'error', the process died.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {connect, type Socket} from 'node:net';
import type {Sandbox} from '../../source/sandbox/index.js';
import {api, fastSandbox, waitFor} from './helpers.js';

function rawWatch(sandbox: Sandbox, path: string): Promise<Socket> {
	return new Promise((resolve, reject) => {
		const socket = connect(sandbox.port, '127.0.0.1', () => {
			socket.write(
				`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${sandbox.token}\r\nAccept: application/json\r\nConnection: close\r\n\r\n`,
			);
			resolve(socket);
		});
		socket.on('error', reject);
	});
}

describe('sandbox under stalled and aborted watch clients', () => {
	let sandbox: Sandbox;
	before(async () => {
		sandbox = await fastSandbox({timing: {bookmarkMs: 5}});
		// Enough pods that the initial events (~10 MB) cannot all sit in the socket buffers.
		sandbox.seedPods('load', 2500);
	});
	after(async () => sandbox.close());

	test('stalled clients past the timeout: the watches end, the sandbox keeps serving', async () => {
		const path = '/api/v1/pods?watch=1&allowWatchBookmarks=true&timeoutSeconds=1';
		const stalled = await Promise.all([1, 2, 3].map(async () => rawWatch(sandbox, path)));
		for (const socket of stalled) {
			socket.pause();
		}

		await waitFor(() => assert.equal(sandbox.watchCount('pods'), 3), 10_000);
		// Past the timeout, with bookmarks due every 5 ms, none of the watches may still be open.
		await waitFor(() => assert.equal(sandbox.watchCount('pods'), 0), 15_000);
		// A client that resumes reading gets what was sent, then the end of the stream.
		const resumed = stalled[0]!;
		let received = 0;
		const ended = new Promise<void>(resolve => {
			resumed.on('end', resolve);
			resumed.on('close', () => resolve());
		});
		resumed.on('data', (chunk: Buffer) => {
			received += chunk.length;
		});
		resumed.resume();
		await ended;
		assert.ok(received > 0);
		for (const socket of stalled) {
			socket.destroy();
		}

		const health = await api(sandbox, '/api/v1/namespaces/default/pods?limit=1');
		assert.equal(health.code, 200);
	});

	test('clients that abort mid-stream leave no watch behind', async () => {
		const path = '/api/v1/pods?watch=1&allowWatchBookmarks=true&timeoutSeconds=2';
		const sockets = await Promise.all([1, 2, 3, 4].map(async () => rawWatch(sandbox, path)));
		await waitFor(() => assert.equal(sandbox.watchCount('pods'), 4), 10_000);
		for (const socket of sockets) {
			socket.destroy();
		}

		await waitFor(() => assert.equal(sandbox.watchCount('pods'), 0), 10_000);
		assert.equal((await api(sandbox, '/api/v1/namespaces/default/pods')).code, 200);
	});

	test('a slow client reading bit by bit gets the whole stream and its end', async () => {
		const socket = await rawWatch(sandbox, '/api/v1/namespaces/load/pods?watch=1&allowWatchBookmarks=true&timeoutSeconds=1');
		let received = 0;
		const ended = new Promise<void>(resolve => socket.on('end', resolve));
		socket.on('data', (chunk: Buffer) => {
			received += chunk.length;
			socket.pause();
			setTimeout(() => socket.resume(), 1);
		});
		await ended;
		socket.destroy();
		assert.ok(received > 1_000_000, `received ${received} bytes`);
		await waitFor(() => assert.equal(sandbox.watchCount('pods'), 0), 10_000);
	});
});
