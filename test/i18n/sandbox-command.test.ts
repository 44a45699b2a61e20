// `kpods sandbox` in Portuguese: its banner, its stop line and its one-line answer to a taken port.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, test} from 'node:test';
import {setLanguage} from '../../source/i18n/index.js';
import {runSandboxCommand} from '../../source/sandbox/command.js';
import {capture} from '../sandbox/helpers.js';
import {waitFor} from '../wait-for.js';

afterEach(() => setLanguage('en'));

test('the banner and the stop in Portuguese; the commands and the kubeconfig path as they are', async () => {
	setLanguage('pt-BR');
	const directory = mkdtempSync(join(tmpdir(), 'kpods-pt-'));
	const file = join(directory, 'config');
	const stdout = capture();
	const stderr = capture();
	const controller = new AbortController();
	const exit = runSandboxCommand({port: 0, kubeconfigOut: file, stdout: stdout.stream, stderr: stderr.stream, signal: controller.signal});
	try {
		await waitFor(() => stdout.text().includes('Tecle Ctrl-C para parar.'), 'the banner', 30_000);
		const banner = stdout.text();
		assert.match(banner, /^kpods sandbox: um cluster Kubernetes simulado, para aprender e testar — não é um cluster de verdade:\n/);
		assert.match(
			banner,
			/^ {2}API server {3}https:\/\/127\.0\.0\.1:\d+ {2}\(API do Kubernetes v1\.32, nó "minikube"; http simples na mesma porta\)$/m,
		);
		assert.ok(banner.includes(`Aponte o kubectl para ele:\n  export KUBECONFIG=${file}\n  kubectl get pods\n`));
	} finally {
		controller.abort();
	}
	assert.equal(await exit, 0);
	assert.match(stdout.text(), /kpods sandbox: parado\.\n$/);
	assert.equal(stderr.text(), '');
	rmSync(directory, {recursive: true, force: true});
});

test('a taken port is one line in Portuguese', async () => {
	setLanguage('pt-BR');
	const blocker = createServer();
	await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve));
	const port = (blocker.address() as {port: number}).port;
	const stdout = capture();
	const stderr = capture();
	try {
		assert.equal(await runSandboxCommand({port, stdout: stdout.stream, stderr: stderr.stream}), 1);
	} finally {
		blocker.close();
	}
	assert.equal(
		stderr.text(),
		`kpods sandbox: a porta ${port} em 127.0.0.1 já está em uso (escolha outra com --port, ou --port 0 para uma livre)\n`,
	);
	assert.equal(stdout.text(), '');
});
