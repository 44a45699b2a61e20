// What a port-forward test does on this machine's side of a forward, as curl would.
import {request} from 'node:http';
import {createServer} from 'node:net';

/** GET http://127.0.0.1:port/: the status and the body. */
export async function getLocal(port: number): Promise<{status: number; body: string}> {
	return new Promise((resolve, reject) => {
		request({host: '127.0.0.1', port, path: '/', agent: false}, response => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', chunk => (body += chunk));
			response.on('end', () => resolve({status: response.statusCode ?? 0, body}));
		})
			.on('error', reject)
			.end();
	});
}

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise(resolve => server.close(resolve));
	return port;
}
