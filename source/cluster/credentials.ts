import {readFileSync} from 'node:fs';
import type https from 'node:https';
import {type ExecConfig, ExecPlugin} from './exec-credential.js';

/** What authenticates kpods' reads when the kubeconfig holds it plainly. */
export interface Credentials {
	ca?: Buffer;
	cert?: Buffer;
	key?: Buffer;
	token?: string;
	username?: string;
	password?: string;
	insecure: boolean;
	servername?: string;
	/** An exec credential plugin, run by kpods itself (once, with a time limit) for every client of the context. */
	exec?: ExecPlugin;
}

type Body = Record<string, unknown>;

/**
 * The credentials of a context when they are plain data or files: a bearer token, basic
 * auth, client certificates, a CA, an exec plugin. Undefined when only client-node can
 * authenticate (auth providers, token files it re-reads, impersonation, proxies); an error line
 * when a named file cannot be read (kubectl's wording).
 */
export function credentialsOf(cluster: Body, user: Body, context: string): Credentials | string | undefined {
	for (const field of ['auth-provider', 'tokenFile', 'token-file', 'as', 'as-groups', 'as-uid', 'as-user-extra']) {
		if (user[field] !== undefined && user[field] !== null) {
			return undefined;
		}
	}

	if (cluster['proxy-url']) {
		return undefined;
	}
	try {
		return {
			ca: material(cluster, 'certificate-authority'),
			cert: material(user, 'client-certificate'),
			key: material(user, 'client-key'),
			token: typeof user.token === 'string' && user.token !== '' ? user.token : undefined,
			username: typeof user.username === 'string' ? user.username : undefined,
			password: typeof user.password === 'string' ? user.password : undefined,
			insecure: cluster['insecure-skip-tls-verify'] === true,
			servername: typeof cluster['tls-server-name'] === 'string' ? cluster['tls-server-name'] : undefined,
			exec: user.exec ? new ExecPlugin(user.exec as ExecConfig) : undefined,
		};
	} catch (error) {
		const {path, code, message} = error as NodeJS.ErrnoException;
		const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : message;
		return `unable to read ${path ?? 'a file'} for context "${context}": ${reason}`;
	}
}

/** `field-data` (base64) or the file `field` names. */
function material(body: Body, field: string): Buffer | undefined {
	const data = body[`${field}-data`];
	if (typeof data === 'string' && data !== '') {
		return Buffer.from(data, 'base64');
	}
	const file = body[field];
	if (typeof file === 'string' && file !== '') {
		return readFileSync(file);
	}
	return undefined;
}

/**
 * Puts the credentials on a request the way client-node's applyToHTTPSOptions does: TLS
 * material on the options, the token (or basic auth) in the Authorization header.
 */
export function applyCredentials(credentials: Credentials, options: https.RequestOptions): void {
	if (credentials.ca) {
		options.ca = credentials.ca;
	}
	if (credentials.cert) {
		options.cert = credentials.cert;
	}
	if (credentials.key) {
		options.key = credentials.key;
	}
	if (credentials.insecure) {
		options.rejectUnauthorized = false;
	}
	if (credentials.servername) {
		options.servername = credentials.servername;
	}
	const headers = {...(options.headers as Record<string, string>)};
	if (credentials.token) {
		headers.Authorization = `Bearer ${credentials.token}`;
	}
	if (credentials.username) {
		options.auth = `${credentials.username}:${credentials.password ?? ''}`;
	}
	options.headers = headers;
}

/**
 * Puts the credentials on a request, the exec plugin's (run when it holds none) over the plain
 * ones; gives what to call when the server answers that request 401.
 */
export async function authenticateWith(credentials: Credentials, options: https.RequestOptions): Promise<Unauthorized | undefined> {
	const {exec} = credentials;
	if (!exec) {
		applyCredentials(credentials, options);
		return undefined;
	}
	const issued = await exec.credentials();
	applyCredentials({...credentials, ...issued}, options);
	return () => exec.rejected(issued);
}

/** Called when the server answers 401 to the request authenticated: credentials that can be renewed are dropped. */
export type Unauthorized = () => void;
