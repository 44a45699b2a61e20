// Port-forwards as `kubectl port-forward` runs them, one listener on 127.0.0.1 per forwarded
// port and one WebSocket (pods/NAME/portforward?ports=P, v4.channel.k8s.io) per accepted
// connection, as kubectl does with its streams. On that socket channel 0 carries the data and
// channel 1 the server's error text; the first frame of each starts with the port (uint16
// little endian), which is not data. The list outlives panes and namespace switches (every
// cluster made from the first one shares it); stopAll() ends them when kpods quits.

import {createServer, type Server, type Socket} from 'node:net';
import type {ChannelSocket} from './channel-socket.js';

/** What one forward is for, as the list shows it. */
export interface ForwardSpec {
	namespace: string;
	pod: string;
	/** The port on the pod. */
	remote: number;
	/** The local port asked for (0: any free one). */
	local: number;
	/** What the user forwarded: `svc/svc-pod 4050` or `pod/pod-1 80`. */
	target: string;
	/** The kubectl command that does the same. */
	kubectl: string;
}

/** One active forward, as `:pf` lists it. */
export interface ForwardRow {
	id: number;
	spec: ForwardSpec;
	/** The port actually bound on 127.0.0.1. */
	local: number;
	/** Connections open now, and since the start. */
	active: number;
	connections: number;
	/** Bytes sent to the pod and received from it. */
	sent: number;
	received: number;
	/** The last error a connection ended with (the server's text). */
	lastError?: string;
}

/** Opens the port-forward WebSocket for one connection. */
export type OpenForward = (spec: ForwardSpec) => Promise<ChannelSocket>;

interface Forward {
	row: ForwardRow;
	server: Server;
	sockets: Set<Socket>;
	channels: Set<ChannelSocket>;
}

/** What the UI reads of the forwards: the rows (useSyncExternalStore) and stop. */
export interface ForwardStore {
	subscribe(listener: () => void): () => void;
	getSnapshot(): readonly ForwardRow[];
	stop(id: number): boolean;
	stopAll(): void;
}

/** The active forwards: a store the UI reads (subscribe/getSnapshot), and start/stop. */
export class ForwardList implements ForwardStore {
	private readonly forwards = new Map<number, Forward>();
	private readonly listeners = new Set<() => void>();
	private snapshot: readonly ForwardRow[] = [];
	private nextId = 1;
	private timer: NodeJS.Timeout | undefined;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getSnapshot = (): readonly ForwardRow[] => this.snapshot;

	/** Binds 127.0.0.1:local and forwards each connection; rejects with the bind error (EADDRINUSE …). */
	async start(spec: ForwardSpec, open: OpenForward): Promise<ForwardRow> {
		const forward: Forward = {
			row: {id: this.nextId++, spec, local: spec.local, active: 0, connections: 0, sent: 0, received: 0},
			server: createServer({allowHalfOpen: true}),
			sockets: new Set(),
			channels: new Set(),
		};
		forward.server.on('connection', socket => void this.accept(forward, socket, open));
		await new Promise<void>((resolve, reject) => {
			forward.server.once('error', reject);
			forward.server.listen(spec.local, '127.0.0.1', () => {
				forward.server.off('error', reject);
				resolve();
			});
		});
		forward.row.local = (forward.server.address() as {port: number}).port;
		this.forwards.set(forward.row.id, forward);
		this.publish(true);
		return forward.row;
	}

	/** Stops one forward: its listener and every connection through it. */
	stop(id: number): boolean {
		const forward = this.forwards.get(id);
		if (!forward) {
			return false;
		}
		this.forwards.delete(id);
		forward.server.close();
		for (const channel of forward.channels) {
			channel.close();
		}
		for (const socket of forward.sockets) {
			socket.destroy();
		}
		this.publish(true);
		return true;
	}

	/** Stops them all (kpods is quitting). */
	stopAll(): void {
		for (const id of [...this.forwards.keys()]) {
			this.stop(id);
		}
		clearTimeout(this.timer);
	}

	private async accept(forward: Forward, socket: Socket, open: OpenForward): Promise<void> {
		const {row} = forward;
		forward.sockets.add(socket);
		row.active++;
		row.connections++;
		this.publish();
		socket.pause();
		const ended = () => {
			if (!forward.sockets.delete(socket)) {
				return;
			}
			row.active--;
			this.publish();
		};

		socket.on('close', ended);
		socket.on('error', () => socket.destroy());
		let channel: ChannelSocket;
		try {
			channel = await open(row.spec);
		} catch (error) {
			row.lastError = (error as Error).message;
			socket.destroy();
			this.publish();
			return;
		}

		if (!forward.sockets.has(socket)) {
			channel.close();
			return;
		}

		forward.channels.add(channel);
		const prefixed = new Set([0, 1]);
		channel.onFrame((number, frame) => {
			let data = frame;
			if (prefixed.delete(number)) {
				data = data.subarray(2);
			}
			if (data.length === 0) {
				return;
			}
			if (number === 0) {
				row.received += data.length;
				socket.write(data);
				this.publish();
			} else if (number === 1) {
				row.lastError = data.toString('utf8');
				this.publish();
			}
		});
		channel.onClose(error => {
			forward.channels.delete(channel);
			if (error) {
				row.lastError ??= error.message;
			}
			socket.end();
		});
		socket.on('data', (data: Buffer) => {
			row.sent += data.length;
			channel.send(0, data);
			this.publish();
		});
		// A client that stops sending may still be reading (v4 has no half-close to pass on): the
		// connection ends when the pod's side ends it or the client closes.
		socket.on('close', () => channel.close());
		socket.resume();
	}

	/** A new snapshot now (start, stop) or at most every 100 ms (byte counts). */
	private publish(now = false): void {
		if (!now) {
			this.timer ??= setTimeout(() => this.publish(true), 100).unref();
			return;
		}

		clearTimeout(this.timer);
		this.timer = undefined;
		this.snapshot = [...this.forwards.values()].map(forward => ({...forward.row}));
		for (const listener of this.listeners) {
			listener();
		}
	}
}
