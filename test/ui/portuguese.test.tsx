// The main screens in Brazilian Portuguese (and the no-cluster screen in both languages): golden
// frames, and footers whose hints fit 80 columns whole in either language.
import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {serviceRow} from '../../source/format/service.js';
import {setLanguage, type Language} from '../../source/i18n/index.js';
import {bindingsFor, type Scope} from '../../source/keys/keymap.js';
import {hintText} from '../../source/ui/components/footer.js';
import {FakeCluster} from './fake-cluster.js';
import {assertGolden} from './golden.js';
import {keys, renderApp, waitFor} from './harness.js';
import {kubernetesService, minikube, slice, svcPod, svcPod2, tutorialPods} from './tutorial-objects.js';

afterEach(() => {
	cleanup();
	setLanguage('en');
});

function tutorialCluster(): FakeCluster {
	const cluster = new FakeCluster({}, tutorialPods());
	cluster.services.set([kubernetesService, svcPod, svcPod2].map(serviceRow));
	cluster.setNodes([minikube]);
	cluster.endpoints.set([
		slice('svc-pod', [{ip: '172.17.0.4', pod: 'pod-1', ready: true}], 80),
		slice('svc-pod2', [{ip: '172.17.0.5', pod: 'pod-2', ready: true}], 5000),
	]);
	return cluster;
}

describe('em português', () => {
	test('the pods pane at 80 columns: header, tabs and footer in Portuguese, kubectl’s columns as kubectl prints them', async () => {
		setLanguage('pt-BR');
		const app = await renderApp({cluster: tutorialCluster(), columns: 80});
		assertGolden('pods-pt-BR', app.lastFrame()!);
		assert.match(app.frame(), /^NAME +READY +STATUS +RESTARTS +AGE/m);
		// Whole hints only: what does not fit is left out, help and quit stay.
		assert.match(app.frame(), /^↑↓ mover .* \? ajuda {2}q sair$/m);
	});

	test("the services pane: the endpoints' report in Portuguese", async () => {
		setLanguage('pt-BR');
		const app = await renderApp({cluster: tutorialCluster(), columns: 110, rows: 22});
		await app.press('2', 'G');
		assertGolden('services-pt-BR', app.lastFrame()!);
		assert.match(app.frame(), /^ {2}172\.17\.0\.5:5000 +pronto +pod pod-2 no nó minikube$/m);
		assert.match(app.frame(), /^ {2}acesso de fora do cluster: 192\.168\.49\.2:30000$/m);
		assert.match(app.frame(), /3 rodando · 1 iniciando · 1 com alerta/);
	});

	test('help: the keys stay the keys, what they do is in Portuguese', async () => {
		setLanguage('pt-BR');
		const app = await renderApp({cluster: tutorialCluster(), rows: 40});
		await app.press('?');
		assertGolden('help-pods-pt-BR', app.lastFrame()!);
		assert.match(app.frame(), /^ {2}ctrl-d {4}exclui o objeto selecionado \(pergunta antes\)$/m);
		await app.press(keys.escape);
		await waitFor(() => !app.frame().includes('Ajuda — teclas'), 'help closed');
	});

	for (const language of ['en', 'pt-BR'] as const) {
		test(`no cluster (${language}): what is missing, and the sandbox offered`, async () => {
			setLanguage(language);
			const app = await renderApp({
				cluster: undefined,
				looked: ['/home/me/.kube/config'],
				startSandbox: async () => tutorialCluster(),
				columns: 100,
			});
			assertGolden(`no-cluster-${language}`, app.lastFrame()!);
		});
	}
});

describe('footer hints at 80 columns', () => {
	const screens: Record<string, Scope[]> = {
		pods: ['pods', 'list', 'global'],
		services: ['services', 'list', 'global'],
		manifests: ['manifests', 'list', 'global'],
		events: ['events', 'list', 'global'],
		detail: ['detail'],
		logs: ['logs'],
		help: ['help'],
		history: ['history'],
		forwards: ['forwards'],
		picker: ['picker'],
		confirm: ['confirm'],
		noCluster: ['noCluster'],
	};
	for (const language of ['en', 'pt-BR'] as Language[]) {
		test(`${language}: every screen's hints fit whole, help and the way out always among them`, () => {
			setLanguage(language);
			for (const [screen, scopes] of Object.entries(screens)) {
				const bindings = bindingsFor(scopes);
				const text = hintText(bindings, false, 80);
				assert.ok(text.length <= 80, `${screen}: ${text}`);
				for (const command of ['help', 'quit', 'back'] as const) {
					const binding = bindings.find(each => each.command === command && each.hint);
					if (binding) {
						assert.ok(text.includes(`${binding.label} `), `${screen} keeps ${command}: ${text}`);
					}
				}
			}
		});
	}
});
