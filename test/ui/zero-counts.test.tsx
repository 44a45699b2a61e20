// Counts of 0 on screen, in both languages: a zero form ("nenhuma linha", "no lines"), never
// CLDR's Portuguese singular ("0 linha"). An empty log, and a manifest file that holds no object.
import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {setLanguage} from '../../source/i18n/index.js';
import {parseManifest} from '../../source/manifests/parse.js';
import {FakeCluster} from './fake-cluster.js';
import {renderApp, waitFor} from './harness.js';
import {tutorialPods} from './tutorial-objects.js';

afterEach(() => {
	cleanup();
	setLanguage('en');
});

const cases = [
	{
		language: 'en',
		lines: '— no lines',
		nothing: 'The files hold no objects: nothing to apply',
		applied: 'applied no objects: the files hold none',
	},
	{
		language: 'pt-BR',
		lines: '— nenhuma linha',
		nothing: 'Os arquivos não têm nenhum objeto: nada para aplicar',
		applied: 'nenhum objeto aplicado: os arquivos não têm nenhum',
	},
] as const;

describe('counts of 0 on screen', () => {
	for (const {language, lines, nothing, applied} of cases) {
		test(`${language}: a log with no line yet`, async () => {
			setLanguage(language);
			const cluster = new FakeCluster({}, tutorialPods());
			const app = await renderApp({cluster, columns: 120});
			await app.press('l');
			await waitFor(() => cluster.logSpecs.length === 1, 'the log opened');
			await waitFor(() => app.frame().includes(lines), `"${lines}" in the title`);
			assert.doesNotMatch(app.frame(), /\b0 (lines?|linhas?)\b/);
		});

		test(`${language}: a manifest file that holds no object`, async () => {
			setLanguage(language);
			const empty = parseManifest('# only a comment\n', '/tmp/empty.yaml', '/tmp');
			assert.equal(empty.documents.length, 0);
			const cluster = new FakeCluster();
			cluster.applyReport = {outcomes: [], kubectl: 'kubectl apply -f empty.yaml'};
			const app = await renderApp({cluster, loadManifests: async () => ({files: [empty]}), columns: 120, rows: 24});
			await app.press('3', 'a');
			await waitFor(() => app.frame().includes(nothing), 'the dry run found nothing');
			await app.press('y');
			await waitFor(() => app.frame().includes(applied), 'nothing applied');
			assert.doesNotMatch(app.frame(), /\b0 (objects?|objetos?)\b/);
		});
	}
});
