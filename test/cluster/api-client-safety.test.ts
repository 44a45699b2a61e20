import assert from 'node:assert/strict';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, test} from 'node:test';
import {ApiClient, type ApiError} from '../../source/cluster/api-client.js';
import type {WatchEvent} from '../../source/k8s/types.js';

const hostile = '\u001B]0;pwned\u0007\u009B2J\u202E';
const shown = '^[]0;pwned^G\\u009b2J\\u202e';
const pod = (image: string) => ({metadata: {name: 'p', resourceVersion: '1'}, spec: {containers: [{name: 'c', image}]}});

// Every string the server sends is made safe where it enters kpods, on every read path.
describe('the API client makes server strings safe for the terminal', () => {
	let server: http.Server;
	let api: ApiClient;
	before(async () => {
		server = http.createServer((request, response) => {
			if (request.url === '/object') {
				response.end(JSON.stringify(pod(`nginx${hostile}`)));
			} else if (request.url === '/list') {
				response.end(JSON.stringify({kind: 'PodList', metadata: {resourceVersion: '1'}, items: [pod(`a${hostile}`), pod('plain\ttab')]}));
			} else if (request.url?.startsWith('/watch')) {
				response.end(`${JSON.stringify({type: 'ADDED', object: pod(`w${hostile}`)})}\n`);
			} else if (request.url === '/status') {
				response.writeHead(403).end(JSON.stringify({kind: 'Status', message: `forbidden ${hostile}`, reason: 'Forbidden'}));
			} else {
				response.writeHead(502).end(`<html>bad gateway ${hostile}</html>`);
			}
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		api = new ApiClient(async () => {}, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
	});
	after(() => server.close());

	test('getJson', async () => {
		const object = await api.getJson<ReturnType<typeof pod>>('/object');
		assert.equal(object.spec.containers[0]!.image, `nginx${shown}`);
	});

	test('listItems, item by item (a tab is kept for the line functions)', async () => {
		const images: string[] = [];
		await api.listItems<ReturnType<typeof pod>, unknown>('/list', item => images.push(item.spec.containers[0]!.image));
		assert.deepEqual(images, [`a${shown}`, 'plain\ttab']);
	});

	test('watch events', async () => {
		const events: Array<WatchEvent<ReturnType<typeof pod>>> = [];
		await api.watch<ReturnType<typeof pod>>('/watch', event => events.push(event));
		assert.equal(events[0]!.object.spec.containers[0]!.image, `w${shown}`);
	});

	test("a Status message, and a proxy's non-JSON answer", async () => {
		await assert.rejects(api.getJson('/status'), (error: ApiError) => error.message === `forbidden ${shown}`);
		await assert.rejects(api.getJson('/other'), (error: ApiError) => error.message === `Bad Gateway: <html>bad gateway ${shown}</html>`);
	});
});
