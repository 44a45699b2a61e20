// Logs and edit in a real pseudo-terminal: the built kpods against `kpods sandbox`; for `e` the
// terminal goes to a fake editor (a shell script that reads a line from the terminal) and
// comes back, kpods redrawn with kubectl's answer.
import assert from 'node:assert/strict';
import {chmodSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import type {CoreV1Api} from '@kubernetes/client-node';
import {type E2eSandbox, ptyUnavailable, startE2eSandbox, TerminalSession} from './terminal.js';

describe('logs and edit in a pseudo-terminal, against kpods sandbox', {skip: ptyUnavailable}, () => {
	let directory: string;
	let kubeconfig: string;
	let api: CoreV1Api;
	let sandbox: E2eSandbox;

	before(async () => {
		sandbox = await startE2eSandbox('kpods-e2e-operate-');
		({directory, kubeconfig, api} = sandbox);
		await api.createNamespacedPod({
			namespace: 'default',
			body: {metadata: {name: 'web', labels: {run: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx'}]}},
		});
	});

	after(() => {
		sandbox.stop();
	});

	test("l shows the sandbox's labelled log lines; e hands the terminal to $EDITOR and takes it back", async t => {
		const editor = join(directory, 'editor.sh');
		// Shell built-ins and node only: .ci/fresh-install runs this with a PATH of node, npm, git and a shell.
		const edit = `const fs = require('node:fs'); const file = process.argv[1]; fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('run: web', 'run: edited'))`;
		writeFileSync(
			editor,
			`#!/bin/sh\nprintf "fake editor on %s; type ok: " "\${1##*/}"\nread answer\n[ "$answer" = ok ] || exit 3\nexec "${process.execPath}" -e "${edit}" "$1"\n`,
		);
		chmodSync(editor, 0o755);
		const kpods = new TerminalSession(['--kubeconfig', kubeconfig], {columns: 130, rows: 30, env: {KUBE_EDITOR: editor}});
		t.after(() => kpods.kill());
		await kpods.waitForScreen(screen => /^web +1\/1 +Running /m.test(screen), 'web Running');

		kpods.write('l');
		let screen = await kpods.waitForScreen(text => text.includes('[kpods sandbox] no container runs here'), 'the log');
		assert.match(screen, /Logs default\/pod\/web\/web — following/);
		assert.match(screen, /kubectl logs -f --tail=100 web -c web/);
		kpods.write('q');

		kpods.write('e');
		await kpods.waitForScreen(text => text.includes('fake editor on web.yaml; type ok:'), 'the editor on the terminal');
		kpods.write('ok\r');
		screen = await kpods.waitForScreen(text => text.includes('pod/web edited'), 'kpods back, with the result');
		assert.match(screen, /^web +1\/1 +Running /m);
		assert.match(screen, /kubectl edit pod web/);
		assert.equal((await api.readNamespacedPod({namespace: 'default', name: 'web'})).metadata?.labels?.['run'], 'edited');
		kpods.write('q');
		assert.equal((await kpods.exit).exitCode, 0);
	});
});
