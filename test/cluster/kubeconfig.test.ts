import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import type https from 'node:https';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {KubeConfig} from '@kubernetes/client-node';
import {applyCredentials} from '../../source/cluster/credentials.js';
import {loadKubeconfig, type Connection} from '../../source/cluster/kubeconfig.js';

const directory = mkdtempSync(join(tmpdir(), 'kpods-kubeconfig-'));
after(() => rmSync(directory, {recursive: true, force: true}));

// Stand-ins for PEM files: what matters is that both sides send the same bytes.
mkdirSync(join(directory, 'certs'));
writeFileSync(join(directory, 'certs', 'ca.crt'), 'CA-FROM-FILE');
writeFileSync(join(directory, 'certs', 'client.crt'), 'CERT-FROM-FILE');
writeFileSync(join(directory, 'certs', 'client.key'), 'KEY-FROM-FILE');
const base64 = (text: string) => Buffer.from(text).toString('base64');

function kubeconfig(name: string, cluster: Record<string, unknown>, user: Record<string, unknown>, extra = ''): string {
	const file = join(directory, name);
	writeFileSync(
		file,
		`${JSON.stringify({
			apiVersion: 'v1',
			kind: 'Config',
			clusters: [{name: 'c', cluster: {server: 'https://192.168.49.2:8443', ...cluster}}],
			users: [{name: 'u', user}],
			contexts: [{name: 'ctx', context: {cluster: 'c', user: 'u', namespace: 'demo'}}],
			'current-context': 'ctx',
		})}${extra}`,
	);
	return file;
}

async function connect(file: string): Promise<Connection> {
	const result = await loadKubeconfig({kubeconfig: file});
	assert.equal(result.kind, 'ok', JSON.stringify(result));
	return (result as {connection: Connection}).connection;
}

/** The TLS material and headers client-node itself puts on a request for this kubeconfig. */
async function clientNodeOptions(file: string): Promise<https.RequestOptions> {
	const kc = new KubeConfig();
	kc.loadFromFile(file);
	const options: https.RequestOptions = {headers: {}};
	await kc.applyToHTTPSOptions(options);
	return options;
}

const compared = (options: https.RequestOptions) => ({
	ca: options.ca?.toString(),
	cert: options.cert?.toString(),
	key: options.key?.toString(),
	rejectUnauthorized: options.rejectUnauthorized,
	servername: options.servername,
	authorization: (options.headers as Record<string, string> | undefined)?.Authorization,
	auth: options.auth,
});

describe('plain credentials: kpods reads without client-node, sending what client-node would', () => {
	const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
		['a token and inline CA (the sandbox, kind)', {'certificate-authority-data': base64('CA-DATA')}, {token: 'abc.def'}],
		[
			'client certificate files beside the kubeconfig (minikube)',
			{'certificate-authority': 'certs/ca.crt'},
			{'client-certificate': 'certs/client.crt', 'client-key': 'certs/client.key'},
		],
		[
			'inline client certificate',
			{'certificate-authority-data': base64('CA-DATA')},
			{'client-certificate-data': base64('CERT-DATA'), 'client-key-data': base64('KEY-DATA')},
		],
		['insecure, with a TLS server name', {'insecure-skip-tls-verify': true, 'tls-server-name': 'kubernetes.default'}, {token: 't'}],
		['basic auth', {'certificate-authority-data': base64('CA-DATA')}, {username: 'admin', password: 'secret'}],
	];
	for (const [name, cluster, user] of cases) {
		test(name, async () => {
			const file = kubeconfig(`${name.replaceAll(/\W+/g, '-')}.yaml`, cluster, user);
			const connection = await connect(file);
			assert.ok(connection.credentials, 'kpods authenticates by itself');
			const ours: https.RequestOptions = {headers: {}};
			applyCredentials(connection.credentials, ours);
			assert.deepEqual(compared(ours), compared(await clientNodeOptions(file)));
			assert.equal(connection.contextNamespace, 'demo');
			assert.equal(connection.server, 'https://192.168.49.2:8443');
		});
	}
});

describe("anything else goes through client-node (exec plugins are kpods' own: test/cluster/exec-credential.test.ts)", () => {
	const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
		['an auth provider', {}, {'auth-provider': {name: 'oidc', config: {'id-token': 'x'}}}],
		['a token file', {}, {tokenFile: '/var/run/token'}],
		['impersonation', {}, {token: 't', as: 'someone'}],
		['a proxy', {'proxy-url': 'http://proxy:3128'}, {token: 't'}],
	];
	for (const [name, cluster, user] of cases) {
		test(name, async () => {
			const connection = await connect(
				kubeconfig(`${name.replaceAll(/\W+/g, '-')}.yaml`, {'certificate-authority-data': base64('CA'), ...cluster}, user),
			);
			assert.equal(connection.credentials, undefined);
			const kc = await connection.kubeConfig();
			assert.equal(kc.getCurrentContext(), 'ctx');
			assert.equal(kc.getCurrentCluster()?.server, 'https://192.168.49.2:8443');
		});
	}
});

describe('merging and choosing, as kubectl does', () => {
	test('$KUBECONFIG files: the first definition of a name wins, and the first current-context', async () => {
		const first = join(directory, 'merge-first.yaml');
		const second = join(directory, 'merge-second.yaml');
		writeFileSync(
			first,
			'clusters: [{name: shared, cluster: {server: "https://first:6443"}}]\nusers: [{name: u, user: {token: one}}]\ncontexts: [{name: a, context: {cluster: shared, user: u}}]\ncurrent-context: a\n',
		);
		writeFileSync(
			second,
			'clusters: [{name: shared, cluster: {server: "https://second:6443"}}, {name: other, cluster: {server: "https://other:6443"}}]\nusers: [{name: u, user: {token: two}}]\ncontexts: [{name: b, context: {cluster: other, user: u, namespace: dev}}]\ncurrent-context: b\n',
		);
		const result = await loadKubeconfig({env: {KUBECONFIG: `${first}:${join(directory, 'absent.yaml')}:${second}`}});
		assert.equal(result.kind, 'ok');
		const connection = (result as {connection: Connection}).connection;
		assert.deepEqual([connection.context, connection.server, connection.credentials?.token], ['a', 'https://first:6443', 'one']);
		assert.deepEqual(connection.contexts, ['a', 'b']);
		const switched = connection.switchTo('b');
		assert.equal(switched.kind, 'ok');
		const other = (switched as {connection: Connection}).connection;
		assert.deepEqual([other.server, other.contextNamespace], ['https://other:6443', 'dev']);
		const kc = await other.kubeConfig();
		assert.equal(kc.getCurrentCluster()?.server, 'https://other:6443', 'client-node sees the same merged kubeconfig, on the new context');
	});

	test('no kubeconfig, or one without contexts, offers the sandbox', async () => {
		assert.deepEqual(await loadKubeconfig({env: {}, home: join(directory, 'nowhere')}), {
			kind: 'missing',
			looked: [join(directory, 'nowhere', '.kube', 'config')],
		});
		const empty = join(directory, 'empty.yaml');
		writeFileSync(empty, '');
		assert.equal((await loadKubeconfig({kubeconfig: empty})).kind, 'missing');
	});
});

describe('a kubeconfig that cannot be used is one line', () => {
	const invalid = async (request: Parameters<typeof loadKubeconfig>[0]) => {
		const result = await loadKubeconfig(request);
		assert.equal(result.kind, 'invalid');
		return (result as {message: string}).message;
	};

	test('each mistake says what and where', async () => {
		const broken = join(directory, 'broken.yaml');
		writeFileSync(broken, 'clusters:\n  - name: c\n   cluster: {}\n');
		assert.match(
			await invalid({kubeconfig: broken}),
			/^error loading config file ".+broken\.yaml": yaml: line 3: bad indentation of a sequence entry$/,
		);
		assert.equal(
			await invalid({kubeconfig: join(directory, 'absent.yaml')}),
			`stat ${join(directory, 'absent.yaml')}: no such file or directory`,
		);
		const file = kubeconfig('ok.yaml', {'certificate-authority-data': base64('CA')}, {token: 't'});
		assert.equal(await invalid({kubeconfig: file, context: 'nope'}), 'context was not found for specified context: nope');
		assert.match(
			await invalid({kubeconfig: kubeconfig('http.yaml', {server: 'http://127.0.0.1:8080'}, {token: 't'})}),
			/^cluster "c" uses plain http \(http:\/\/127\.0\.0\.1:8080\): set insecure-skip-tls-verify: true for it$/,
		);
		assert.match(
			await invalid({
				kubeconfig: kubeconfig('cert.yaml', {}, {'client-certificate': 'certs/missing.crt', 'client-key': 'certs/client.key'}),
			}),
			/^unable to read .+certs\/missing\.crt for context "ctx": no such file or directory$/,
		);
		const list = join(directory, 'list.yaml');
		writeFileSync(list, '- just\n- a list\n');
		assert.match(await invalid({kubeconfig: list}), /not a kubeconfig/);
	});
});

test('kubeConfig() does not keep a failure: the next call tries again; a success is kept', async () => {
	// client-node refuses a kubeconfig with a cluster without a server, even one the context does not use.
	const broken = join(directory, 'broken-other-cluster');
	writeFileSync(
		broken,
		JSON.stringify({
			clusters: [
				{name: 'c', cluster: {server: 'https://192.168.49.2:8443'}},
				{name: 'other', cluster: {}},
			],
			users: [{name: 'u', user: {token: 't'}}],
			contexts: [{name: 'ctx', context: {cluster: 'c', user: 'u'}}],
			'current-context': 'ctx',
		}),
	);
	const connection = await connect(broken);
	const first = connection.kubeConfig();
	await assert.rejects(first);
	const second = connection.kubeConfig();
	assert.notEqual(second, first, 'a new attempt, not the cached rejection');
	await assert.rejects(second);
	const good = await connect(kubeconfig('good-for-cache', {}, {token: 't'}));
	assert.equal(good.kubeConfig(), good.kubeConfig());
});
