import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import type {CoreV1Api} from '@kubernetes/client-node';
import {type E2eSandbox, ptyUnavailable, startE2eSandbox, TerminalSession} from './terminal.js';

const keys = {enter: '\r', ctrlD: '\u0004', escape: '\u001B'};
const kubectlInstalled = spawnSync('kubectl', ['version', '--client'], {encoding: 'utf8'}).status === 0;

describe('the built kpods in a pseudo-terminal, against kpods sandbox', {skip: ptyUnavailable}, () => {
	let kubeconfig: string;
	let api: CoreV1Api;
	let sandbox: E2eSandbox;

	before(async () => {
		sandbox = await startE2eSandbox('kpods-e2e-');
		({kubeconfig, api} = sandbox);
	});

	after(() => {
		sandbox.stop();
	});

	test('launch, pods from kubectl and the client appear, delete with ctrl-d y, the tutorial in one key, quit', async t => {
		const kpods = new TerminalSession(['--kubeconfig', kubeconfig], {columns: 130, rows: 32});
		t.after(() => kpods.kill());
		await kpods.waitForScreen(
			screen => screen.includes('● live') && screen.includes('No resources found in default namespace.'),
			'the empty pods pane',
		);

		// A pod made by the tutorial's own command (kubectl where installed, else client-node).
		if (kubectlInstalled) {
			const run = spawnSync('kubectl', ['run', 'testando', '--image=nginx'], {
				encoding: 'utf8',
				env: {...process.env, KUBECONFIG: kubeconfig},
			});
			assert.equal(run.stdout, 'pod/testando created\n', run.stderr);
		} else {
			t.diagnostic('kubectl is not installed: testando is created with client-node instead');
			await api.createNamespacedPod({
				namespace: 'default',
				body: {metadata: {name: 'testando', labels: {run: 'testando'}}, spec: {containers: [{name: 'testando', image: 'nginx'}]}},
			});
		}

		await api.createNamespacedPod({
			namespace: 'default',
			body: {metadata: {name: 'web', labels: {run: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx:1.27'}]}},
		});
		let screen = await kpods.waitForScreen(
			text =>
				/^testando +1\/1 +Running +0 +\d+s +172\.17\.\d+\.\d+ +minikube +<none> +<none>$/m.test(text) && /^web +1\/1 +Running /m.test(text),
			'both pods Running',
		);
		assert.match(screen, /^NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES$/m);

		// Delete testando (the first row): asked first, Terminating, then gone.
		kpods.write(keys.ctrlD);
		await kpods.waitForScreen(text => text.includes('Delete pod "testando" in namespace default? [y/N]'), 'the confirmation');
		kpods.write('y');
		await kpods.waitForScreen(text => /^testando +\S+ +Terminating /m.test(text), 'Terminating');
		// The watch's Terminating can reach the screen before the delete's own answer does (a loaded machine).
		await kpods.waitForScreen(text => /pod "testando" deleted +\$ kubectl delete pod testando/.test(text), "kubectl's line for the delete");
		await kpods.waitForScreen(text => !/^testando /m.test(text), 'testando gone');

		// The tutorial's manifests, all at once, in its order: first the server's dry run, then y.
		kpods.write('3');
		await kpods.waitForScreen(text => text.includes('manifests/svc-pod2.yaml'), 'the manifests pane');
		kpods.write('A');
		screen = await kpods.waitForScreen(text => text.includes('Apply 5 objects? dry run: 5 created [y/N]'), 'the dry run');
		assert.match(
			screen,
			/^service\/svc-pod created\nservice\/svc-pod2 created\npod\/o-primeiro-pod created\npod\/pod-1 created\npod\/pod-2 created$/m,
		);
		kpods.write('y');
		screen = await kpods.waitForScreen(text => text.includes('applied 5 objects: 5 created'), 'apply all');
		assert.match(
			screen,
			/^service\/svc-pod created\nservice\/svc-pod2 created\npod\/o-primeiro-pod created\npod\/pod-1 created\npod\/pod-2 created$/m,
		);
		kpods.write('2');
		kpods.write('j');
		screen = await kpods.waitForScreen(
			text => /^ {2}172\.17\.\d+\.\d+:80 +ready +pod pod-1 on minikube$/m.test(text),
			"svc-pod's endpoint",
		);
		assert.match(screen, /^svc-pod +ClusterIP +10\.\d+\.\d+\.\d+ +<none> +4050\/TCP +\d+s +app=pod-label$/m);
		kpods.write('j');
		screen = await kpods.waitForScreen(text => text.includes('open from outside the cluster: 192.168.49.2:30000'), "svc-pod2's node URL");
		assert.match(screen, /^svc-pod2 +NodePort +10\.\d+\.\d+\.\d+ +<none> +5000:30000\/TCP +\d+s +app=pod-label2$/m);

		// Deleting pod-1 leaves svc-pod without endpoints, and kpods says why.
		kpods.write('1');
		await kpods.waitForScreen(text => /^pod-1 +1\/1 +Running/m.test(text), 'pods pane');
		kpods.write('/pod-1');
		await kpods.waitForScreen(text => !/^o-primeiro-pod /m.test(text), 'filtered to pod-1');
		kpods.write(keys.enter);
		kpods.write(keys.ctrlD);
		await kpods.waitForScreen(text => text.includes('Delete pod "pod-1" in namespace default? [y/N]'), 'confirm pod-1');
		kpods.write('y');
		await kpods.waitForScreen(text => !/^pod-1 /m.test(text), 'pod-1 gone');
		kpods.write(keys.escape);
		kpods.write('2');
		kpods.write('gj');
		await kpods.waitForScreen(text => text.includes('! selector app=pod-label matches no pod in namespace default'), 'the reason');

		// Applying again: untouched objects are unchanged, pod-1 comes back.
		kpods.write('3');
		kpods.write('A');
		await kpods.waitForScreen(text => text.includes('Apply 5 objects? dry run: 1 created, 4 unchanged [y/N]'), 'the second dry run');
		kpods.write('y');
		screen = await kpods.waitForScreen(text => text.includes('applied 5 objects: 1 created, 4 unchanged'), 'apply again');
		assert.match(
			screen,
			/^service\/svc-pod unchanged\nservice\/svc-pod2 unchanged\npod\/o-primeiro-pod unchanged\npod\/pod-1 created\npod\/pod-2 unchanged$/m,
		);

		kpods.write('q');
		const exit = await kpods.exit;
		assert.equal(exit.exitCode, 0);
		assert.ok(kpods.output.startsWith('\u001B[?1049h'), 'entered the alternate screen');
		await assertRestored(kpods);
	});

	test('a resized terminal is redrawn to fit; a tiny one says so', async t => {
		const kpods = new TerminalSession(['--kubeconfig', kubeconfig, '-A'], {columns: 170, rows: 30});
		t.after(() => kpods.kill());
		await kpods.waitForScreen(
			text => /^NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES$/m.test(text),
			'the wide table',
		);
		kpods.resize(72, 20);
		let screen = await kpods.waitForScreen(
			text => /^NAMESPACE +NAME +READY +STATUS +\S/m.test(text) && !text.includes('READINESS GATES'),
			'the narrow table',
		);
		for (const line of screen.split('\n')) {
			assert.ok(line.length <= 72, `wider than the terminal: ${line}`);
		}
		kpods.resize(40, 8);
		screen = await kpods.waitForScreen(text => text.includes('Terminal too small (40x8)'), 'the too-small message');
		kpods.resize(170, 30);
		await kpods.waitForScreen(text => text.includes('READINESS GATES'), 'wide again');
		kpods.write('q');
		assert.equal((await kpods.exit).exitCode, 0);
	});

	test('cluster data cannot drive the terminal: OSC 0, OSC 52 and SGR in an image and an Event are shown escaped', async t => {
		const title = '\u001B]0;pwned\u0007';
		const clipboard = '\u001B]52;c;ZXZpbA==\u0007';
		const colour = '\u001B[48;5;201m';
		const shown = '^[]0;pwned^G^[]52;c;ZXZpbA==^G^[[48;5;201m';
		const pod = await api.createNamespacedPod({
			namespace: 'default',
			body: {metadata: {name: 'hostile'}, spec: {containers: [{name: 'c', image: `nginx${title}${clipboard}${colour}`}]}},
		});
		await api.createNamespacedEvent({
			namespace: 'default',
			body: {
				metadata: {name: 'hostile.1'},
				involvedObject: {kind: 'Pod', namespace: 'default', name: 'hostile', uid: pod.metadata!.uid},
				reason: 'Evil',
				message: `owned${title}${clipboard}${colour}`,
				type: 'Normal',
				count: 1,
				firstTimestamp: new Date(),
				lastTimestamp: new Date(),
				source: {component: 'attacker'},
			},
		});
		t.after(async () => api.deleteNamespacedPod({name: 'hostile', namespace: 'default', gracePeriodSeconds: 0}));
		const kpods = new TerminalSession(['--kubeconfig', kubeconfig], {columns: 200, rows: 50});
		t.after(() => kpods.kill());
		kpods.write('/hostile');
		await kpods.waitForScreen(text => /^hostile +\d\/1 /m.test(text), 'the pod');
		kpods.write(keys.enter);
		await kpods.waitForScreen(text => text.includes('filter: hostile'), 'the filter kept');
		kpods.write(keys.enter);
		await kpods.waitForScreen(text => text.includes(`Image:          nginx${shown}`), 'the image in the detail');
		kpods.write('G');
		await kpods.waitForScreen(text => text.includes(`owned${shown}`), 'the event at the end of the detail');
		kpods.write(keys.escape);
		await kpods.waitForScreen(text => /^NAME +READY +STATUS/m.test(text), 'back to the list');
		kpods.write('q');
		assert.equal((await kpods.exit).exitCode, 0);
		for (const sequence of [title, clipboard, colour, '\u0007', '\u001B]']) {
			assert.ok(!kpods.output.includes(sequence), `kpods wrote ${JSON.stringify(sequence)} to the terminal`);
		}
	});

	test('closing the terminal (SIGHUP, then EIO on every write) exits quietly; SIGHUP alone restores it', async t => {
		const closed = new TerminalSession(['--kubeconfig', kubeconfig]);
		t.after(() => closed.kill());
		await closed.waitForScreen(text => text.includes('● live'), 'live');
		// The terminal goes away: the master side closes, the kernel hangs up kpods.
		(closed.pty as unknown as {destroy(): void}).destroy();
		const gone = await closed.exit;
		assert.deepEqual(
			{code: gone.exitCode, signal: gone.signal ?? 0},
			{code: 129, signal: 0},
			'exit 129 on its own, not killed by a signal or an abort',
		);
		const hungUp = new TerminalSession(['--kubeconfig', kubeconfig]);
		t.after(() => hungUp.kill());
		await hungUp.waitForScreen(text => text.includes('● live'), 'live');
		hungUp.pty.kill('SIGHUP');
		assert.equal((await hungUp.exit).exitCode, 129);
		await assertRestored(hungUp);
	});

	test('ctrl-c quits too, and SIGTERM restores the terminal', async t => {
		const first = new TerminalSession(['--kubeconfig', kubeconfig]);
		t.after(() => first.kill());
		await first.waitForScreen(text => text.includes('● live'), 'live');
		first.write('\u0003');
		assert.equal((await first.exit).exitCode, 0);
		const second = new TerminalSession(['--kubeconfig', kubeconfig]);
		t.after(() => second.kill());
		await second.waitForScreen(text => text.includes('● live'), 'live');
		second.pty.kill('SIGTERM');
		const exit = await second.exit;
		await assertRestored(second);
		assert.equal(exit.exitCode, 143);
	});
});

describe('bad input gets one clear line and a non-zero exit', () => {
	const cases: Array<[string, string[], NodeJS.ProcessEnv, RegExp, number]> = [
		['an unknown flag', ['--bogus'], {}, /^kpods: unknown flag --bogus \(kpods --help lists them\)$/, 2],
		[
			'a missing --kubeconfig file',
			['--kubeconfig', '/nonexistent/config'],
			{},
			/^kpods: stat \/nonexistent\/config: no such file or directory$/,
			1,
		],
		['an unknown --context', ['--context', 'nope'], {}, /^kpods: context was not found for specified context: nope$/, 1],
		[
			'a missing --manifests folder',
			['--manifests', '/nonexistent/manifests'],
			{},
			/^kpods: --manifests \/nonexistent\/manifests: no such directory$/,
			2,
		],
		[
			'a --manifests that is a file',
			['--manifests', 'package.json'],
			{},
			/^kpods: --manifests package\.json: not a directory \(kpods lists the manifests in a folder\)$/,
			2,
		],
	];
	for (const [name, args, env, expected, code] of cases) {
		test(name, {skip: ptyUnavailable}, async t => {
			const directory = mkdtempSync(join(tmpdir(), 'kpods-bad-'));
			t.after(() => rmSync(directory, {recursive: true, force: true}));
			const kubeconfig = join(directory, 'config');
			writeKubeconfig(kubeconfig, 'https://127.0.0.1:1');
			const session = new TerminalSession(args, {env: {KUBECONFIG: kubeconfig, ...env}});
			const exit = await session.exit;
			assert.equal(exit.exitCode, code);
			assert.match(session.output.replaceAll('\r', '').trim(), expected);
		});
	}

	test('an unreachable server', {skip: ptyUnavailable}, async t => {
		const directory = mkdtempSync(join(tmpdir(), 'kpods-bad-'));
		t.after(() => rmSync(directory, {recursive: true, force: true}));
		const kubeconfig = join(directory, 'config');
		writeKubeconfig(kubeconfig, 'https://127.0.0.1:1');
		const session = new TerminalSession([], {env: {KUBECONFIG: kubeconfig}});
		const exit = await session.exit;
		assert.equal(exit.exitCode, 1);
		assert.equal(
			session.output.replaceAll('\r', '').trim(),
			'kpods: cannot reach the server https://127.0.0.1:1 (context "ctx"): connect ECONNREFUSED 127.0.0.1:1',
		);
	});

	test('a kubeconfig that is not YAML', {skip: ptyUnavailable}, async t => {
		const directory = mkdtempSync(join(tmpdir(), 'kpods-bad-'));
		t.after(() => rmSync(directory, {recursive: true, force: true}));
		const kubeconfig = join(directory, 'config');
		writeFileSync(kubeconfig, 'clusters: [\n');
		const session = new TerminalSession([], {env: {KUBECONFIG: kubeconfig}});
		assert.equal((await session.exit).exitCode, 1);
		assert.match(session.output.replaceAll('\r', '').trim(), /^kpods: error loading config file ".+config": yaml: line \d+: .+$/);
	});

	test('no kubeconfig at all: a screen that offers the sandbox, and s starts it', {skip: ptyUnavailable}, async t => {
		const home = mkdtempSync(join(tmpdir(), 'kpods-home-'));
		t.after(() => rmSync(home, {recursive: true, force: true}));
		const session = new TerminalSession([], {env: {HOME: home, KUBECONFIG: ''}});
		t.after(() => session.kill());
		await session.waitForScreen(text => text.includes('No kubeconfig found') && text.includes('s: start the sandbox'), 'the offer');
		session.write('s');
		await session.waitForScreen(text => text.includes('ctx kpods-sandbox (sandbox)') && text.includes('● live'), 'the sandbox');
		session.write('q');
		assert.equal((await session.exit).exitCode, 0);
	});

	test('--sandbox starts the sandbox in-process and opens on it, with the tutorial manifests', {skip: ptyUnavailable}, async t => {
		const home = mkdtempSync(join(tmpdir(), 'kpods-home-'));
		t.after(() => rmSync(home, {recursive: true, force: true}));
		const session = new TerminalSession(['--sandbox'], {env: {HOME: home, KUBECONFIG: ''}});
		t.after(() => session.kill());
		await session.waitForScreen(
			text => text.includes('ctx kpods-sandbox (sandbox)') && text.includes('● live') && /3 (Manifests|Mf) 5/.test(text),
			'the sandbox',
		);
		session.write('q');
		assert.equal((await session.exit).exitCode, 0);
	});

	test('without a terminal: exit 2 and one line', () => {
		const result = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'dist', 'cli.js')], {encoding: 'utf8', input: ''});
		assert.equal(result.status, 2);
		assert.equal(result.stdout, '');
		assert.equal(
			result.stderr,
			'kpods: kpods is interactive and needs a terminal (stdin and stdout must be a TTY); for a server kubectl can use, run: kpods sandbox\n',
		);
	});

	test('--help and --version answer without loading the TUI', () => {
		const version = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'dist', 'cli.js'), '--version'], {encoding: 'utf8'});
		assert.equal(version.stdout, '0.1.0\n');
		const help = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'dist', 'cli.js'), '--help'], {encoding: 'utf8'});
		assert.match(help.stdout, /\$ kpods sandbox \[--port N\] \[--kubeconfig-out FILE\]/);
		assert.equal(help.status, 0);
	});
});

/**
 * The terminal is given back: the alternate screen left last, the cursor shown last. The
 * pty may report the exit before its last bytes are read, so wait for them briefly.
 */
async function assertRestored(session: TerminalSession): Promise<void> {
	const restored = () =>
		session.output.lastIndexOf('\u001B[?1049l') > session.output.lastIndexOf('\u001B[?1049h') &&
		session.output.lastIndexOf('\u001B[?25h') > session.output.lastIndexOf('\u001B[?25l');
	for (let waited = 0; !restored() && waited < 2000; waited += 20) {
		await new Promise(resolve => setTimeout(resolve, 20));
	}
	assert.ok(restored(), `the alternate screen is left and the cursor shown at the end: ${JSON.stringify(session.output.slice(-80))}`);
}

function writeKubeconfig(file: string, server: string): void {
	const text = `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "${server}", insecure-skip-tls-verify: true}\nusers:\n- name: u\n  user: {token: abc}\ncontexts:\n- name: ctx\n  context: {cluster: c, user: u}\ncurrent-context: ctx\n`;
	writeFileSync(file, text);
}
