// The first frame kpods draws with the pods' rows is whole: the rows, "live", and the tab
// counts read before it (the manifests, read while the lists were on the wire).
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {type E2eSandbox, ptyUnavailable, startE2eSandbox, TerminalSession} from './terminal.js';

let sandbox: E2eSandbox;
before(async () => {
	sandbox = await startE2eSandbox('kpods-first-frame-');
	await sandbox.api.createNamespacedPod({
		namespace: 'default',
		body: {metadata: {name: 'first-frame'}, spec: {containers: [{name: 'web', image: 'nginx'}]}},
	});
});
after(() => sandbox?.stop());

test('the frame that first shows the rows also says live and counts the 5 tutorial manifests', {skip: ptyUnavailable}, async t => {
	const kpods = new TerminalSession(['--kubeconfig', sandbox.kubeconfig], {columns: 140, rows: 20});
	t.after(() => kpods.kill());
	await kpods.waitForScreen(screen => screen.includes('first-frame') && screen.includes('● live'), 'the pod, live');
	// Ink writes each frame between the terminal's synchronized-update marks.
	const at = kpods.output.indexOf('first-frame');
	const frame = kpods.output.slice(kpods.output.lastIndexOf('\u001B[?2026h', at), kpods.output.indexOf('\u001B[?2026l', at));
	const plain = frame.replaceAll(/\u001B\[[\d;?]*[A-Za-z]/g, '');
	assert.match(plain, /● live/);
	assert.match(plain, /3 Manifests 5/);
	assert.match(plain, /1 Pods 1/);
});
