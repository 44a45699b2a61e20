// A TCP proxy in front of the real API server, for the tests that break the connection on purpose:
// `cut` drops every connection (a dropped stream must resume), `hold` keeps them open but passes
// no byte either way until `release` (a hung server must be noticed).
import {createServer, connect, type Socket} from 'node:net';

export interface TcpProxy {
	/** The local port to point a kubeconfig's server at. */
	readonly port: number;
	/** Holds every byte both ways, the connections left open. */
	hold(): void;
	/** Sends what was held, and passes bytes again. */
	release(): void;
	/** Drops every open connection; new ones are still accepted. */
	cut(): void;
	/** Drops every connection and stops listening. */
	close(): void;
}

/** Starts a proxy to `target`'s host and port (443 when the URL has none). */
export async function tcpProxy(target: URL): Promise<TcpProxy> {
	let holding = false;
	const held: Array<() => void> = [];
	const sockets = new Set<Socket>();
	const forward = (from: Socket, to: Socket) =>
		from.on('data', (chunk: Buffer) => {
			if (holding) {
				held.push(() => to.write(chunk));
			} else {
				to.write(chunk);
			}
		});
	const server = createServer(client => {
		const upstream = connect(Number(target.port || 443), target.hostname);
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
			socket.on('error', () => socket.destroy());
		}
		// A client that aborts destroys its socket, and the other side must go with it: an
		// upstream left open (a watch) would keep the test file from ending.
		client.on('close', () => upstream.destroy());
		upstream.on('close', () => client.destroy());
		forward(client, upstream);
		forward(upstream, client);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const cut = () => {
		for (const socket of sockets) {
			socket.destroy();
		}
	};
	return {
		port: (server.address() as {port: number}).port,
		hold() {
			holding = true;
		},
		release() {
			holding = false;
			for (const send of held.splice(0)) {
				send();
			}
		},
		cut,
		close() {
			cut();
			server.close();
		},
	};
}
