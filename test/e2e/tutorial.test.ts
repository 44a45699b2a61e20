// The whole tutorial in Portuguese (LANG=pt_BR.UTF-8), in a real pseudo-terminal, on
// `kpods --sandbox`: step by step with Enter, confirming with y, and each ✓ appearing as the
// sandbox's control plane brings the objects up. The last two steps cannot be checked on the
// sandbox and say so.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {after, before, describe, test} from 'node:test';
import {assertBuilt, type E2eSandbox, ptyUnavailable, root, startE2eSandbox, TerminalSession} from './terminal.js';

/** The tutorial's line for step `number` starts with this mark. */
const stepLine = (mark: string, number: number) => new RegExp(`^${mark} ${String(number).padStart(2)}  `, 'm');
/** The selected step is spelled out below the list, under its number and title. */
const selected = (number: number) => new RegExp(`^${number}\\. `, 'm');

describe('the tutorial in Portuguese, end to end on the sandbox', {skip: ptyUnavailable}, () => {
	before(() => assertBuilt());

	test('every step with Enter, each ✓ seen; the last two say why they cannot be checked', async t => {
		const kpods = new TerminalSession(['--sandbox'], {
			columns: 130,
			rows: 34,
			env: {LANG: 'pt_BR.UTF-8', LC_ALL: '', LC_MESSAGES: ''},
		});
		t.after(() => kpods.kill());
		const see = (pattern: RegExp, what: string, timeoutMs = 30_000) => kpods.waitForScreen(screen => pattern.test(screen), what, timeoutMs);
		const done = (number: number) => see(stepLine('✓', number), `✓ on step ${number}`);
		const back = async () => {
			kpods.write('t');
			await see(/Tutorial: pods e serviços, no namespace default/, 'the tutorial again');
		};

		await see(/ctx kpods-sandbox/, 'kpods on the sandbox');
		kpods.write('t');
		await see(/^1\. O que é um pod/m, 'the tutorial, step 1 selected');
		await see(/t Tutorial 0\/11/, 'the progress in the header');

		// 1: read, Enter moves on.
		kpods.write('\r');
		await done(1);
		await see(/^2\. Rode um pod: testando/m, 'step 2 selected');

		// 2: the run prompt, filled in; Enter runs it and shows the pods.
		kpods.write('\r');
		await see(/testando/, 'the run prompt');
		kpods.write('\r');
		await see(/^testando +1\/1 +Running /m, 'testando Running in the pods pane');
		await back();
		await done(2);
		await done(3);

		// 3: the pods pane, testando in it.
		kpods.write('\u001B[B');
		await see(selected(3), 'step 3 selected');
		kpods.write('\r');
		await see(/^NAME +READY +STATUS[^\n]*\ntestando +/m, 'the pods pane, testando in it');
		await back();

		// 4: its describe.
		kpods.write('\u001B[B');
		await see(selected(4), 'step 4 selected');
		kpods.write('\r');
		await see(/^Name: +testando/m, "testando's describe");
		kpods.write('\u001B');
		await done(4);

		// 5: the delete question; y deletes; the pod leaves the cluster.
		kpods.write('\u001B[B');
		await see(selected(5), 'step 5 selected');
		kpods.write('\r');
		await see(/testando/, 'the delete question');
		kpods.write('y');
		await done(5);
		assert.match(kpods.screen(), /testando foi apagado/);

		// 6, 7, 9: the dry run of the step's files, y applies; ✓ when the cluster shows them working.
		for (const [number, file] of [
			[6, 'o_primeiro_pod.yaml'],
			[7, 'svc-pod.yaml'],
			[9, 'svc-pod2.yaml'],
		] as const) {
			kpods.write(number === 9 ? '\u001B[B\u001B[B' : '\u001B[B');
			await see(selected(number), `step ${number} selected`);
			kpods.write('\r');
			await see(new RegExp(`kubectl apply .*${file.replace('.', '\\.')}.* --dry-run=server`), `the dry run of step ${number}`);
			kpods.write('y');
			await done(number);
		}
		await done(8);
		assert.match(kpods.screen(), /pod-1 \d+\.\d+\.\d+\.\d+ · svc-pod \d+\.\d+\.\d+\.\d+/, 'the addresses seen');

		// 10: cannot be checked on the sandbox; Enter shows svc-pod2 and where it would be opened.
		kpods.write('\u001B[B');
		await see(stepLine('–', 10), 'step 10 unchecked');
		await see(selected(10), 'step 10 selected');
		assert.match(kpods.screen(), /^– não dá para conferir: no sandbox não passa tráfego, ninguém responde em [\d.]+:30000$/m);
		kpods.write('\r');
		await see(/svc-pod2 {2}\(.*5000→5000\/TCP\)$/m, "the services pane, svc-pod2's endpoints below");
		await back();

		// 11: a shell in o-primeiro-pod; the sandbox refuses it, plainly.
		kpods.write('\u001B[B');
		await see(stepLine('–', 11), 'step 11 unchecked');
		await see(selected(11), 'step 11 selected');
		assert.match(kpods.screen(), /no sandbox nenhum contêiner roda, então o shell é recusado/);
		kpods.write('\r');
		// The status line names the container the shell went to, and the sandbox's answer.
		await see(/o-primeiro-pod\/container-nginx: kpods sandbox: no/, "the sandbox's answer to the shell");
		await see(/t Tutorial 9\/11/, 'the progress in the header: 9 of 11');

		kpods.write('1');
		const screen = await see(/^pod-2 +1\/1 +Running /m, 'the pods pane');
		assert.deepEqual(
			[...screen.matchAll(/^([a-z0-9-]+) +\d\/\d +/gm)].map(match => match[1]),
			['o-primeiro-pod', 'pod-1', 'pod-2'],
			'the tutorial ends with its three pods, testando deleted',
		);
		kpods.write('q');
		assert.equal((await kpods.exit).exitCode, 0);
	});
});

const kubectlInstalled = spawnSync('kubectl', ['version', '--client'], {encoding: 'utf8'}).status === 0;

describe('the tutorial checks steps done with kubectl in another terminal', {
	skip: ptyUnavailable ?? (!kubectlInstalled && 'no kubectl'),
}, () => {
	let sandbox: E2eSandbox;

	before(async () => {
		sandbox = await startE2eSandbox('kpods-e2e-tutorial-kubectl-');
	});

	after(() => {
		sandbox.stop();
	});

	test('kubectl run, then kubectl apply of svc-pod and pod-1: the ✓ appear in kpods', async t => {
		const kpods = new TerminalSession(['--kubeconfig', sandbox.kubeconfig], {
			columns: 130,
			rows: 34,
			env: {LANG: 'C', LC_ALL: '', LC_MESSAGES: ''},
		});
		t.after(() => kpods.kill());
		const kubectl = (...args: string[]) => {
			const run = spawnSync('kubectl', ['--kubeconfig', sandbox.kubeconfig, ...args], {encoding: 'utf8', cwd: root});
			assert.equal(run.status, 0, run.stderr);
		};
		kpods.write('t');
		await kpods.waitForScreen(screen => /^○ {2}2 {2}Run a pod: testando +no pod testando yet/m.test(screen), 'step 2 pending');
		kubectl('run', 'testando', '--image=nginx');
		await kpods.waitForScreen(screen => /^✓ {2}3 {2}Watch it start/m.test(screen), 'steps 2 and 3 checked off');
		kubectl('apply', '-f', 'manifests/svc-pod.yaml', '-f', 'manifests/pod-1.yaml');
		const screen = await kpods.waitForScreen(
			text => /^✓ {2}7 {2}A ClusterIP service and its pod +svc-pod → [\d.]+:80 \(pod-1\), ready/m.test(text),
			'step 7 checked off',
		);
		assert.match(screen, /^✓ {2}2 {2}Run a pod: testando/m);
		assert.match(screen, /t Tutorial 3\/11/);
		kubectl('delete', 'pod', 'testando', '--wait=false');
		await kpods.waitForScreen(text => /^✓ {2}5 {2}Delete it +testando is gone/m.test(text), 'step 5 checked off', 60_000);
		kpods.write('q');
		assert.equal((await kpods.exit).exitCode, 0);
	});
});
