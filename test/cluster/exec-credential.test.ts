// Exec credential plugins, run as client-go runs them: once for every request that needs them
// (kpods opens four stores at once), kept until they expire, with a time limit and one clear
// line when the plugin fails. The plugins are small node scripts; the server is the sandbox.
import assert from 'node:assert/strict';
import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import yaml from 'js-yaml';
import {ExecPlugin, parseExecCredential} from '../../source/cluster/exec-credential.js';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {loadKubeconfig, type Connection} from '../../source/cluster/kubeconfig.js';
import {runPod} from '../../source/actions/run.js';
import {parseManifest} from '../../source/manifests/parse.js';
import {startSandbox, type Sandbox} from '../../source/sandbox/index.js';
import {waitFor} from '../wait-for.js';

const v1beta1 = 'client.authentication.k8s.io/v1beta1';
const fast = {baseBackoffMs: 20, maxBackoffMs: 200, coalesceMs: 5, watchTimeoutSeconds: 30};

let sandbox: Sandbox;
let directory: string;
before(async () => {
	sandbox = await startSandbox({timing: {scheduleMs: 5, pullMs: 10, startMs: 5, killMs: 20}});
	directory = mkdtempSync(join(tmpdir(), 'kpods-exec-'));
});
after(async () => {
	await sandbox.close();
	rmSync(directory, {recursive: true, force: true});
});

/** A plugin script that counts its runs in a file, then does what `body` says. */
function plugin(name: string, body: string): {command: string; runs: () => number} {
	const counter = join(directory, `${name}.runs`);
	writeFileSync(counter, '');
	const command = join(directory, name);
	writeFileSync(command, `#!${process.execPath}\nrequire('node:fs').appendFileSync(${JSON.stringify(counter)}, 'x');\n${body}\n`);
	chmodSync(command, 0o755);
	return {command, runs: () => readFileSync(counter, 'utf8').length};
}

const credentialJson = (token: string) => JSON.stringify({apiVersion: v1beta1, kind: 'ExecCredential', status: {token}});

const credential = (token: string, extra = '') =>
	`process.stdout.write(JSON.stringify({apiVersion: '${v1beta1}', kind: 'ExecCredential', status: {token: ${JSON.stringify(token)}${extra}}}));`;

/** The sandbox's kubeconfig with its token user replaced by an exec plugin. */
async function execConnection(command: string): Promise<Connection> {
	const config = yaml.load(sandbox.kubeconfig()) as {users: Array<{name: string; user: Record<string, unknown>}>};
	config.users[0]!.user = {exec: {apiVersion: v1beta1, command, interactiveMode: 'Never'}};
	const file = join(directory, `${command.split('/').pop()}.kubeconfig`);
	writeFileSync(file, yaml.dump(config));
	const result = await loadKubeconfig({kubeconfig: file});
	assert.equal(result.kind, 'ok');
	return (result as {connection: Connection}).connection;
}

describe('exec credential plugins', () => {
	test("run once for the four stores and the writes, and kubectl's cells come back", async () => {
		const script = plugin('once', credential(sandbox.token));
		const cluster = new KubeCluster(await execConnection(script.command), {namespace: 'default', tuning: fast});
		try {
			await waitFor(() => cluster.pods.getSnapshot().synced && cluster.services.getSnapshot().synced, 'pods and services listed');
			assert.ok(cluster.services.getSnapshot().items.some(row => row.name === 'kubernetes'));
			const outcome = await cluster.runPod('default', 'from-exec', 'nginx');
			assert.equal(outcome.ok, true, JSON.stringify(outcome));
			await waitFor(() => cluster.pods.getSnapshot().items.some(row => row.name === 'from-exec'), "the pod run through the plugin's token");
			assert.equal(script.runs(), 1);
		} finally {
			cluster.close();
		}
	});

	test('a plugin that hangs is stopped at the time limit with one line, and is not kept as a failure', async () => {
		const hanging = plugin('hang', 'setInterval(() => {}, 1000);');
		const started = Date.now();
		const exec = new ExecPlugin({command: hanging.command}, {timeoutMs: 300});
		await assert.rejects(exec.credentials(), {
			message: `exec plugin "${hanging.command}" gave no credentials within 0.3 s and was stopped`,
		});
		assert.ok(Date.now() - started < 5000);
		await assert.rejects(exec.credentials());
		assert.equal(exec.runs, 2, 'a failure is not cached: the next request runs it again');
	});

	test('its failures are one line: missing, exit code with stderr, bad output, wrong version, no token', async () => {
		const failing = plugin('fail', "process.stderr.write('login expired\\nmore detail\\n'); process.exit(3);");
		const cases: Array<[string, RegExp | string]> = [
			[join(directory, 'absent'), `exec: executable ${join(directory, 'absent')} not found (install it from the vendor)`],
			[failing.command, `exec: executable ${failing.command} failed with exit code 3: login expired`],
			[plugin('garbage', "process.stdout.write('hello');").command, /printed no ExecCredential/],
			[
				plugin(
					'version',
					`process.stdout.write(JSON.stringify({apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: {token: 't'}}));`,
				).command,
				`exec plugin is configured to use API version ${v1beta1}, plugin returned version client.authentication.k8s.io/v1`,
			],
			[
				plugin('empty', `process.stdout.write(JSON.stringify({apiVersion: '${v1beta1}', kind: 'ExecCredential', status: {}}));`).command,
				/didn't return a token or cert\/key pair/,
			],
		];
		for (const [command, message] of cases) {
			const exec = new ExecPlugin(
				{command, apiVersion: v1beta1, installHint: 'install it from the vendor\nsecond line'},
				{timeoutMs: 10_000},
			);
			await assert.rejects(exec.credentials(), typeof message === 'string' ? {message} : message);
		}
	});

	test('credentials are kept until their expirationTimestamp, then the plugin runs again', async () => {
		let now = Date.parse('2026-11-30T10:00:00Z');
		const script = plugin('expiring', credential('t1', ", expirationTimestamp: '2026-11-30T10:05:00Z'"));
		const exec = new ExecPlugin({command: script.command}, {now: () => now});
		await Promise.all([exec.credentials(), exec.credentials(), exec.credentials()]);
		now += 4 * 60_000;
		await exec.credentials();
		assert.equal(script.runs(), 1);
		now += 2 * 60_000;
		await exec.credentials();
		assert.equal(script.runs(), 2);
	});

	test('a token the server refuses (401) is dropped: the store lists again with the token of a new run', async () => {
		// The first run prints a token the sandbox does not know; every later run the real one.
		const script = plugin(
			'renewed',
			`const runs = require('node:fs').readFileSync(${JSON.stringify(join(directory, 'renewed.runs'))}, 'utf8').length;
${credential('')}`.replace('token: ""', `token: runs === 1 ? 'revoked' : ${JSON.stringify(sandbox.token)}`),
		);
		const cluster = new KubeCluster(await execConnection(script.command), {namespace: 'default', tuning: fast});
		try {
			await waitFor(() => cluster.services.getSnapshot().synced, 'services listed after the renewed token');
			assert.ok(cluster.services.getSnapshot().items.some(row => row.name === 'kubernetes'));
			assert.equal(script.runs(), 2, 'one run refused, one renewed, shared by every store after it');
		} finally {
			cluster.close();
		}
	});

	test('a write refused with 401 runs the plugin again and is sent once more: run, apply, delete go through', async () => {
		// The plugin prints the token the test puts in a file; the server forgets the first one while kpods runs.
		const tokenFile = join(directory, 'rotating.token');
		const issue = (token: string) => {
			writeFileSync(tokenFile, token);
			sandbox.addUser({name: `exec-${token}`, token, can: () => true});
		};
		issue('rotating-one');
		const script = plugin(
			'rotating',
			`process.stdout.write(JSON.stringify({apiVersion: '${v1beta1}', kind: 'ExecCredential', status: {token: require('node:fs').readFileSync(${JSON.stringify(tokenFile)}, 'utf8')}}));`,
		);
		const cluster = new KubeCluster(await execConnection(script.command), {namespace: 'default', tuning: fast});
		try {
			// Every store listed and watching: no read is in flight to renew the token before the write does.
			const watching = () => [cluster.pods, cluster.services, cluster.endpoints].every(store => store.getSnapshot().synced);
			await waitFor(() => watching() && sandbox.watchCount() >= 3, 'the stores watching with the first token');
			assert.equal(script.runs(), 1);
			sandbox.revokeToken('rotating-one');
			issue('rotating-two');
			const run = await cluster.runPod('default', 'after-rotation', 'nginx');
			assert.deepEqual(run.lines, ['pod/after-rotation created'], 'the refused create was sent again with the new token');
			assert.equal(script.runs(), 2, 'one more run for the 401');

			sandbox.revokeToken('rotating-two');
			issue('rotating-three');
			const manifest = parseManifest(
				'apiVersion: v1\nkind: Service\nmetadata:\n  name: after-rotation\nspec:\n  ports:\n  - port: 80\n',
				'svc.yaml',
			);
			const applied = await cluster.apply([manifest]);
			assert.deepEqual(
				applied.outcomes.map(outcome => outcome.line),
				['service/after-rotation created'],
			);
			assert.equal(script.runs(), 3);

			sandbox.revokeToken('rotating-three');
			issue('rotating-four');
			assert.deepEqual((await cluster.deleteObject('Pod', 'default', 'after-rotation')).lines, ['pod "after-rotation" deleted']);
			assert.deepEqual((await cluster.deleteObject('Service', 'default', 'after-rotation')).lines, ['service "after-rotation" deleted']);
			assert.equal(script.runs(), 4, 'the renewed token serves the next write without a run');
		} finally {
			cluster.close();
		}
	});

	test('a write refused again after the renewal shows the 401 once; the next write runs the plugin afresh', async () => {
		// No stores here (they would run the plugin too): the write alone. The line is kubectl 1.32's for a refused run.
		const script = plugin('refused', credential('never-known'));
		const kc = await (await execConnection(script.command)).kubeConfig();
		const refused = {
			ok: false,
			lines: ['error: You must be logged in to the server (the server has asked for the client to provide credentials)'],
			kubectl: 'kubectl run never --image=nginx',
		};
		assert.deepEqual(await runPod(kc, {namespace: 'default', name: 'never', image: 'nginx'}, {contextNamespace: 'default'}), refused);
		assert.equal(script.runs(), 2, 'one run, one renewal, no loop');
		assert.deepEqual(await runPod(kc, {namespace: 'default', name: 'never', image: 'nginx'}, {contextNamespace: 'default'}), refused);
		assert.equal(script.runs(), 4, 'the refused token was dropped, not kept for the next write');
		assert.equal(sandbox.objects.get('pods', 'default', 'never'), undefined);
	});

	test('a plugin that fails when run again for a refused write gives its one line, and nothing is written', async () => {
		// The first run prints an unknown token; the second (for the 401) fails as an expired login does.
		const script = plugin(
			'expired',
			`const runs = require('node:fs').readFileSync(${JSON.stringify(join(directory, 'expired.runs'))}, 'utf8').length;
if (runs > 1) { process.stderr.write('login expired: run vendor login\\n'); process.exit(3); }
${credential('stale')}`,
		);
		const kc = await (await execConnection(script.command)).kubeConfig();
		const outcome = await runPod(kc, {namespace: 'default', name: 'after-expiry', image: 'nginx'}, {contextNamespace: 'default'});
		assert.deepEqual(outcome.lines, [`error: exec: executable ${script.command} failed with exit code 3: login expired: run vendor login`]);
		assert.equal(outcome.ok, false);
		assert.equal(script.runs(), 2);
		assert.equal(sandbox.objects.get('pods', 'default', 'after-expiry'), undefined);
	});

	test('a 401 drops only the credentials it was sent with', async () => {
		let token = 'first';
		const exec = new ExecPlugin({command: 'unused'}, {run: async () => credentialJson(token)});
		const first = await exec.credentials();
		exec.rejected({token: 'someone else'});
		assert.equal(await exec.credentials(), first, 'credentials nobody refused are kept');
		token = 'second';
		exec.rejected(first);
		assert.equal((await exec.credentials()).token, 'second');
		assert.equal(exec.runs, 2);
	});

	test('an interactive-only plugin is refused without running it', async () => {
		const interactive = plugin('interactive', credential('t'));
		await assert.rejects(
			new ExecPlugin({command: interactive.command, interactiveMode: 'Always'}).credentials(),
			/needs an interactive terminal/,
		);
		assert.equal(interactive.runs(), 0);
	});

	test('a certificate pair is read as PEM bytes', () => {
		const {credentials, expires} = parseExecCredential(
			JSON.stringify({apiVersion: v1beta1, kind: 'ExecCredential', status: {clientCertificateData: 'CERT', clientKeyData: 'KEY'}}),
			v1beta1,
			'p',
		);
		assert.deepEqual(credentials, {token: undefined, cert: Buffer.from('CERT'), key: Buffer.from('KEY')});
		assert.equal(expires, Number.POSITIVE_INFINITY);
	});
});
