// The built kpods in Portuguese (LANG=pt_BR.UTF-8) on the real cluster KUBECONFIG points at, in a
// namespace of its own: kpods' words in Portuguese, kubectl's columns and output lines and the
// server's as they are.
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {ptyUnavailable, TerminalSession} from '../e2e/terminal.js';
import {realNamespace, type RealNamespace} from './real-cluster.js';

const keys = {enter: '\r', tab: '\t', ctrlD: '\u0004', escape: '\u001B'};

describe('kpods em português on a real cluster', {skip: ptyUnavailable}, () => {
	let namespace: RealNamespace;

	before(async () => {
		namespace = await realNamespace('pt');
	});

	after(async () => {
		await namespace.remove();
	});

	test('empty namespace, run a pod, delete it, help: all in Portuguese', async t => {
		const kpods = new TerminalSession(['-n', namespace.name], {
			columns: 120,
			rows: 30,
			env: {LANG: 'pt_BR.UTF-8', LC_ALL: '', LC_MESSAGES: ''},
		});
		t.after(() => kpods.kill());
		let screen = await kpods.waitForScreen(
			// Services list once the first frame is written, so their count may come a frame after the pods'.
			text =>
				text.includes('● ao vivo') &&
				text.includes(`Nenhum recurso encontrado no namespace ${namespace.name}.`) &&
				/2 Serviços 0/.test(text),
			'the empty pods pane, live, and the services counted',
			30_000,
		);
		assert.match(screen, /^⟦?\s*1 Pods 0 .*2 Serviços 0/m);
		assert.match(screen, /^↑↓ mover {2}Enter detalhes .* \? ajuda {2}q sair$/m);

		kpods.write('r');
		await kpods.waitForScreen(text => text.includes('rodar um pod, como kubectl run NAME --image=IMAGE'), 'the run prompt');
		kpods.write('ola');
		kpods.write(keys.tab);
		kpods.write('nginx');
		kpods.write(keys.enter);
		// kubectl's own line for a created pod, and kubectl's columns for its row.
		screen = await kpods.waitForScreen(text => /^ola +\d\/1 +\S+/m.test(text) && text.includes('pod/ola created'), 'the new pod', 30_000);
		assert.match(screen, /^NAME +READY +STATUS +RESTARTS +AGE/m);

		kpods.write(keys.ctrlD);
		await kpods.waitForScreen(
			text =>
				text.includes(`Excluir o pod "ola" do namespace ${namespace.name}? [y/N]`) && text.includes('y: excluir   n / Esc / Enter: manter'),
			'the delete question',
		);
		kpods.write('y');
		await kpods.waitForScreen(text => text.includes('pod "ola" deleted'), "kubectl's line for the delete", 60_000);

		kpods.write('?');
		screen = await kpods.waitForScreen(text => text.includes('Ajuda — teclas'), 'help');
		assert.match(screen, /^ {2}ctrl-d {4}exclui o objeto selecionado \(pergunta antes\)$/m);
		kpods.write('q');
		kpods.write('q');
		const exit = await kpods.exit;
		assert.equal(exit.exitCode, 0);
	});
});
