import {createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse} from 'node:http';
import {createServer as createHttpsServer} from 'node:https';
import {createServer as createNetServer, type Server as NetServer, type Socket} from 'node:net';
import type {CertificateAuthority} from './certificate.js';
import {resourceIn, type ResourceInfo} from './resources.js';
import {
	coreVersions,
	groupDocument,
	servesGroupVersion,
	groupList,
	openApiDocument,
	openApiRoot,
	openApiV2,
	openApiV2Protobuf,
	resourceList,
	serverVersion,
} from './discovery.js';
import {handleResource, verbOf} from './handlers.js';
import type {HandlerContext} from './handler-context.js';
import {sendJson, sendStatus} from './http-util.js';
import {forbidden, internalError, pathNotFound, StatusError, unauthorized} from './status.js';
import {isUpgradeSubresource, refuseUpgrade, serveUpgrade} from './websocket-upgrade.js';
import type {Duplex} from 'node:stream';

/** A user the sandbox knows by bearer token, with an RBAC-like rule. */
export interface SandboxUser {
	name: string;
	token: string;
	can: (request: {verb: string; resource: string; namespace?: string}) => boolean;
}

/**
 * The HTTP face of the sandbox: authentication, routing, discovery, and the socket
 * bookkeeping suspend/resume need. One port speaks both plain HTTP and TLS (told apart by
 * the first byte a client sends): kubectl needs TLS to send its token, node's fetch is
 * simplest over HTTP.
 */
export class ApiServer {
	private listener: NetServer | undefined;
	private readonly http: HttpServer;
	private httpsServer: HttpServer | undefined;
	private readonly handler: (request: IncomingMessage, response: ServerResponse) => void;
	private readonly sockets = new Set<Socket>();
	private readonly users = new Map<string, SandboxUser>();

	constructor(
		private readonly context: HandlerContext,
		adminToken: string,
		private readonly authority: CertificateAuthority,
	) {
		this.users.set(adminToken, {name: 'kpods-sandbox-admin', token: adminToken, can: () => true});
		this.handler = (request: IncomingMessage, response: ServerResponse): void => {
			void this.handle(request, response);
		};
		this.http = this.withUpgrades(createHttpServer(this.handler));
	}

	// The TLS side (the server's key and certificate, and a secure context from them) is made
	// with the first TLS connection, kubectl's: `kpods --sandbox` talks plain HTTP to its own
	// sandbox, and making them was ~4 ms of its start.
	private get https(): HttpServer {
		if (!this.httpsServer) {
			const {serverKey, serverCert} = this.authority.server();
			this.httpsServer = this.withUpgrades(createHttpsServer({key: serverKey, cert: serverCert}, this.handler));
		}
		return this.httpsServer;
	}

	// exec, attach and portforward (source/sandbox/websocket-upgrade.ts), and idle keep-alive as a real server's.
	private withUpgrades(server: HttpServer): HttpServer {
		server.on('upgrade', (request, socket, head) => this.upgrade(request, socket, head));
		server.keepAliveTimeout = 60_000;
		return server;
	}

	addUser(user: SandboxUser): void {
		this.users.set(user.token, user);
	}

	revokeToken(token: string): void {
		this.users.delete(token);
	}

	/** Listens on 127.0.0.1; resolves with the port, rejects (EADDRINUSE …) when it cannot. */
	async listen(port: number): Promise<number> {
		const listener = createNetServer(socket => {
			socket.setNoDelay(true);
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
			socket.on('error', () => socket.destroy());
			socket.once('data', (first: Buffer) => {
				socket.pause();
				socket.unshift(first);
				// 0x16 opens a TLS handshake record; anything else is plain HTTP.
				(first[0] === 0x16 ? this.https : this.http).emit('connection', socket);
				process.nextTick(() => socket.resume());
			});
		});
		await new Promise<void>((resolve, reject) => {
			listener.once('error', reject);
			listener.listen(port, '127.0.0.1', () => {
				listener.off('error', reject);
				resolve();
			});
		});
		this.listener = listener;
		return (listener.address() as {port: number}).port;
	}

	/** Destroys every open connection (watches included); the listener stays. */
	dropConnections(): void {
		for (const socket of this.sockets) {
			socket.destroy();
		}

		this.sockets.clear();
	}

	/** Stops listening and cuts every connection. */
	async close(): Promise<void> {
		const {listener} = this;
		this.listener = undefined;
		if (!listener) {
			return;
		}

		const closed = new Promise<void>(resolve => {
			listener.close(() => resolve());
		});
		this.dropConnections();
		await closed;
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		// A client that goes away mid-answer is no error of the server's: the socket goes, the server stays.
		request.on('error', () => response.destroy());
		response.on('error', () => response.destroy());
		try {
			await this.route(request, response);
		} catch (error) {
			const status = error instanceof StatusError ? error.status : internalError((error as Error).message).status;
			if (response.headersSent || response.destroyed) {
				response.destroy();
			} else if (error instanceof UnservedPath) {
				response.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff'});
				response.end('404 page not found\n');
			} else {
				sendStatus(response, status);
			}
		}
	}

	private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const path = url.pathname.replace(/\/+$/, '') || '/';
		if (path === '/healthz' || path === '/livez' || path === '/readyz') {
			response.writeHead(200, {'Content-Type': 'text/plain; charset=utf-8'});
			response.end('ok');
			return;
		}

		const user = this.authenticate(request);
		if (path === '/version') {
			sendJson(response, 200, JSON.stringify(serverVersion));
			return;
		}

		if (path === '/openapi/v2') {
			const document = openApiV2((request.headers.accept ?? '').includes(openApiV2Protobuf));
			response.writeHead(200, {
				'Content-Type': document.contentType,
				'Content-Length': document.body.length,
				'Cache-Control': 'no-cache, private',
			});
			response.end(document.body);
			return;
		}

		const discovery = await this.discovery(path, request);
		if (discovery !== undefined) {
			sendJson(response, 200, discovery);
			return;
		}

		const target = parseResourcePath(path);
		if (!target) {
			throw unservedGroupVersion(path) ? new UnservedPath() : pathNotFound();
		}

		const verb = verbOf(request.method ?? 'GET', target.name !== undefined, url, target.legacyWatch);
		const resourceName = target.subresource ? `${target.info.name}/${target.subresource}` : target.info.name;
		const namespace = target.info.namespaced ? target.namespace : undefined;
		if (!user.can({verb, resource: resourceName, ...(namespace ? {namespace} : {})})) {
			throw forbidden(user.name, verb, resourceName, target.info.group, namespace, target.name);
		}

		await handleResource(this.context, {...target, url, can: user.can, request, response});
	}

	private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
		socket.on('error', () => socket.destroy());
		try {
			const user = this.authenticate(request);
			const url = new URL(request.url ?? '/', 'http://127.0.0.1');
			const target = parseResourcePath(url.pathname);
			const {subresource, name, namespace} = target ?? {};
			if (target?.info.name !== 'pods' || !isUpgradeSubresource(subresource) || !name || !namespace) {
				throw pathNotFound();
			}
			if (!user.can({verb: 'create', resource: `pods/${subresource}`, namespace})) {
				throw forbidden(user.name, 'create', `pods/${subresource}`, '', namespace, name);
			}
			void serveUpgrade(this.context, {info: target.info, namespace, name, subresource, url}, request, socket, head);
		} catch (error) {
			refuseUpgrade(socket, error instanceof StatusError ? error.status : internalError((error as Error).message).status);
		}
	}

	private authenticate(request: IncomingMessage): SandboxUser {
		const header = request.headers.authorization ?? '';
		const match = /^Bearer\s+(\S+)$/i.exec(header);
		const user = match ? this.users.get(match[1]!) : undefined;
		if (!user) {
			throw new StatusError(unauthorized().status);
		}

		return user;
	}

	private async discovery(path: string, request: IncomingMessage): Promise<string | undefined> {
		if (path === '/api') {
			const host = request.headers.host ?? '127.0.0.1';
			return coreVersions(host);
		}

		if (path === '/api/v1') {
			return resourceList('', 'v1');
		}

		if (path === '/apis') {
			return groupList();
		}

		if (path === '/openapi/v3') {
			return openApiRoot();
		}

		if (path.startsWith('/openapi/v3/')) {
			const document = await openApiDocument(path.slice('/openapi/v3/'.length));
			if (!document) {
				throw pathNotFound();
			}

			return document;
		}

		const group = /^\/apis\/([^/]+)$/.exec(path);
		if (group) {
			return (
				groupDocument(group[1]!) ??
				(() => {
					throw new UnservedPath();
				})()
			);
		}

		const groupVersion = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
		if (groupVersion) {
			return (
				resourceList(groupVersion[1]!, groupVersion[2]!) ??
				(() => {
					throw new UnservedPath();
				})()
			);
		}

		return undefined;
	}
}

/** A path outside every served group version: the API server's mux answers plain text. */
class UnservedPath extends Error {}

// `/apis/GROUP/VERSION/…` or `/api/VERSION/…` of a group version the sandbox does not serve.
function unservedGroupVersion(path: string): boolean {
	const segments = path.split('/').filter(Boolean);
	if (segments[0] === 'api') {
		return segments.length >= 2 && !servesGroupVersion('', segments[1]!);
	}

	return segments[0] === 'apis' && segments.length >= 3 && !servesGroupVersion(segments[1]!, segments[2]!);
}

interface ParsedPath {
	info: ResourceInfo;
	namespace?: string;
	name?: string;
	subresource?: string;
	legacyWatch: boolean;
}

/**
 * `/api/v1/namespaces/ns/pods/name/status`, `/apis/discovery.k8s.io/v1/endpointslices`,
 * `/api/v1/watch/...` → the resource, namespace, name and subresource; undefined when no
 * served resource matches.
 */
export function parseResourcePath(path: string): ParsedPath | undefined {
	const segments = path
		.split('/')
		.filter(Boolean)
		.map(segment => decodeURIComponent(segment));
	let group: string;
	let version: string;
	let rest: string[];
	if (segments[0] === 'api') {
		group = '';
		version = segments[1] ?? '';
		rest = segments.slice(2);
	} else if (segments[0] === 'apis') {
		group = segments[1] ?? '';
		version = segments[2] ?? '';
		rest = segments.slice(3);
	} else {
		return undefined;
	}

	let legacyWatch = false;
	if (rest[0] === 'watch') {
		legacyWatch = true;
		rest = rest.slice(1);
	}

	const matches = (name: string | undefined): ResourceInfo | undefined => resourceIn(group, version, name);

	let namespace: string | undefined;
	if (rest[0] === 'namespaces' && rest.length >= 3 && matches(rest[2])?.namespaced) {
		namespace = rest[1];
		rest = rest.slice(2);
	}

	const info = matches(rest[0]);
	if (!info || rest.length > 3) {
		return undefined;
	}

	return {info, namespace, name: rest[1], subresource: rest[2], legacyWatch};
}
