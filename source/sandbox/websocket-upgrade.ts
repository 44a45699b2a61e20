// pods/NAME/exec, /attach and /portforward on the sandbox, over the WebSocket channel protocols
// a real API server speaks (v4.channel.k8s.io: one leading byte names the channel). No
// container runs in the sandbox, so nothing can be executed or reached; what it answers says so
// in its own words, never pretending:
// - exec and attach: the upgrade is accepted (so clients are tested on the real wire format),
//   then channel 3 carries a Failure Status, as a kubelet reports a failed exec, whose message
//   starts "kpods sandbox:" and names what would have run.
// - port-forward: each declared container port is answered by a labelled HTTP responder (one
//   plain-text answer saying it is the sandbox, then the connection closes); a port no container
//   declares gets the error channel's text, as a real forward to a closed port does.
// Refusals before the upgrade (no such pod, a container that is not running, a bad port) are
// HTTP errors with a Status, with the texts of the real server and kubelet.

import type {IncomingMessage} from 'node:http';
import type {Duplex} from 'node:stream';
import type {WebSocket, WebSocketServer} from 'ws';
import type {Container, Pod, Status} from '../k8s/types.js';
import type {HandlerContext} from './handlers.js';
import type {ResourceInfo} from './resources.js';
import {failure, StatusError} from './status.js';

/** The subprotocols served, in the server's order of preference. */
const execProtocols = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const forwardProtocols = ['v4.channel.k8s.io', 'portforward.k8s.io'];

/** What the router found: the pod's resource, where, and which upgrade. */
export interface UpgradeTarget {
	info: ResourceInfo;
	namespace: string;
	name: string;
	subresource: 'exec' | 'attach' | 'portforward';
	url: URL;
}

let sockets: Promise<WebSocketServer> | undefined;

// ws loads with the first upgrade, not with the sandbox: `kpods --sandbox` starts without it
// (as kpods itself loads it with the first port-forward or shell).
async function webSockets(): Promise<WebSocketServer> {
	sockets ??= import('ws').then(
		({WebSocketServer}) =>
			new WebSocketServer({
				noServer: true,
				perMessageDeflate: false,
				handleProtocols: (offered, request) => pickProtocol([...offered], request),
			}),
	);
	return sockets;
}

function pickProtocol(offered: string[], request: IncomingMessage): string | false {
	const served = request.url?.includes('/portforward') ? forwardProtocols : execProtocols;
	return served.find(protocol => offered.includes(protocol)) ?? false;
}

/** Whether a path is one of the upgrades this module answers. */
export function isUpgradeSubresource(subresource: string | undefined): subresource is UpgradeTarget['subresource'] {
	return subresource === 'exec' || subresource === 'attach' || subresource === 'portforward';
}

/** Answers one upgrade request (already authenticated and authorized by the router). */
export async function serveUpgrade(
	context: HandlerContext,
	target: UpgradeTarget,
	request: IncomingMessage,
	socket: Duplex,
	head: Buffer,
): Promise<void> {
	try {
		const pod = context.registry.get(target.info, target.namespace, target.name).object as unknown as Pod;
		const offered = (request.headers['sec-websocket-protocol'] ?? '')
			.split(',')
			.map(each => each.trim())
			.filter(Boolean);
		if (request.headers.upgrade?.toLowerCase() !== 'websocket') {
			throw new StatusError(
				failure(
					400,
					'BadRequest',
					'kpods sandbox: only WebSocket upgrades are served (SPDY is not); use a client that speaks v4.channel.k8s.io',
				),
			);
		}

		if (!pickProtocol(offered, request)) {
			const served = target.subresource === 'portforward' ? forwardProtocols : execProtocols;
			throw new StatusError(
				failure(403, 'Forbidden', `requested protocol(s) are not supported: [${offered.join(' ')}]; supports [${served.join(' ')}]`),
			);
		}

		if (target.subresource === 'portforward') {
			const ports = requestedPorts(target.url);
			if (pod.status?.phase !== 'Running') {
				throw new StatusError(
					failure(400, 'BadRequest', `unable to upgrade connection: pod not found ("${target.name}_${target.namespace}")`),
				);
			}
			(await webSockets()).handleUpgrade(request, socket, head, ws => forward(ws, pod, ports));
			return;
		}

		const container = pickContainer(pod, target.url.searchParams.get('container'));
		const running = pod.status?.containerStatuses?.find(status => status.name === container.name)?.state?.running;
		if (!running) {
			throw new StatusError(
				failure(500, 'InternalError', `Internal error occurred: unable to upgrade connection: container not found ("${container.name}")`),
			);
		}
		const command = target.url.searchParams.getAll('command');
		const kind = target.subresource;
		(await webSockets()).handleUpgrade(request, socket, head, ws => refuseToRun(ws, pod, container, kind, command, target.url));
	} catch (error) {
		const status = error instanceof StatusError ? error.status : failure(500, 'InternalError', (error as Error).message);
		refuseUpgrade(socket, status);
	}
}

/** An HTTP error answering the upgrade request, with its Status. */
export function refuseUpgrade(socket: Duplex, status: Status): void {
	const body = JSON.stringify(status);
	socket.end(
		`HTTP/1.1 ${status.code} ${status.reason ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
	);
}

/** The container asked for: the only one, or the one named (the API server's 400s otherwise). */
function pickContainer(pod: Pod, name: string | null): Container {
	const containers = pod.spec?.containers ?? [];
	const podName = pod.metadata.name ?? '';
	if (!name) {
		if (containers.length === 1) {
			return containers[0]!;
		}
		throw new StatusError(
			failure(
				400,
				'BadRequest',
				`a container name must be specified for pod ${podName}, choose one of: [${containers.map(each => each.name).join(' ')}]`,
			),
		);
	}

	const found = containers.find(each => each.name === name) ?? pod.spec?.initContainers?.find(each => each.name === name);
	if (!found) {
		throw new StatusError(failure(400, 'BadRequest', `container ${name} is not valid for pod ${podName}`));
	}
	return found;
}

/** Frames one channel's data, as the channel protocol does. */
function frame(channel: number, data: Buffer | string): Buffer {
	return Buffer.concat([Buffer.from([channel]), typeof data === 'string' ? Buffer.from(data, 'utf8') : data]);
}

/** exec/attach: the connection is made, then the Status says nothing runs here. */
function refuseToRun(ws: WebSocket, pod: Pod, container: Container, kind: 'exec' | 'attach', command: string[], url: URL): void {
	const flag = (name: string) => ['1', 'true'].includes(url.searchParams.get(name) ?? '');
	// "an empty message to the lowest writable channel" tells the client the streams are up.
	ws.send(frame(flag('stdout') || flag('output') ? 1 : flag('stderr') || flag('error') ? 2 : 3, ''), {binary: true});
	const what = kind === 'exec' ? `cannot run ${JSON.stringify(command.join(' ') || '(no command)')}` : 'has no process to attach to';
	const message = `kpods sandbox: no container runs here, so container "${container.name}" of pod ${pod.metadata.namespace}/${pod.metadata.name} ${what}; on a real cluster it would`;
	const status = {metadata: {}, status: 'Failure', message, reason: 'InternalError', details: {causes: [{message}]}, code: 500};
	ws.send(frame(3, JSON.stringify(status)), {binary: true});
	ws.close(1000);
	ws.on('error', () => ws.terminate());
}

/** The ports query (port= or ports=, comma-separated), with the kubelet's 400s. */
function requestedPorts(url: URL): number[] {
	const values = [...url.searchParams.getAll('port'), ...url.searchParams.getAll('ports')];
	if (values.length === 0) {
		throw new StatusError(failure(400, 'BadRequest', 'query parameter "port" is required'));
	}
	return values.flatMap(value =>
		value.split(',').map(text => {
			const port = /^\d+$/.test(text) ? Number(text) : Number.NaN;
			if (!(port >= 1 && port <= 65_535)) {
				throw new StatusError(failure(400, 'BadRequest', `unable to parse ${JSON.stringify(value)} as a port`));
			}
			return port;
		}),
	);
}

/** port-forward: each port's channel pair opened with its port number, then a labelled answer or the error text. */
function forward(ws: WebSocket, pod: Pod, ports: number[]): void {
	const name = `${pod.metadata.namespace}/${pod.metadata.name}`;
	const owners = ports.map(port =>
		(pod.spec?.containers ?? []).find(container => container.ports?.some(each => each.containerPort === port)),
	);
	ports.forEach((port, index) => {
		const prefix = Buffer.alloc(2);
		prefix.writeUInt16LE(port);
		ws.send(frame(2 * index, prefix), {binary: true});
		ws.send(frame(2 * index + 1, prefix), {binary: true});
	});
	ws.on('error', () => ws.terminate());
	ws.on('message', (data: Buffer) => {
		const channel = data[0];
		if (channel === undefined || channel % 2 !== 0 || data.length < 2) {
			return;
		}
		const index = channel / 2;
		const port = ports[index];
		const owner = owners[index];
		if (port === undefined) {
			return;
		}
		if (!owner) {
			ws.send(
				frame(
					2 * index + 1,
					`kpods sandbox: nothing listens on port ${port} of pod ${name}: no container runs in the sandbox, and none declares that port`,
				),
				{binary: true},
			);
		} else {
			const body = `kpods sandbox: no container runs here; this is pod ${name}'s forwarded port ${port} (container ${owner.name}, image ${owner.image ?? ''}). On a real cluster the container would answer.\n`;
			ws.send(
				frame(
					2 * index,
					`HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Kpods-Sandbox: true\r\nConnection: close\r\n\r\n${body}`,
				),
				{binary: true},
			);
		}

		ws.close(1000);
	});
}
