// Counts of 0 on screen, in both languages: a zero form ("nenhuma linha", "no lines"), never
// CLDR's Portuguese singular ("0 linha"). An empty log; and a manifest file that holds no object,
// which gets kubectl apply's own error (in neither language's words: kubectl's) and no question.
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
		question: 'Apply',
	},
	{
		language: 'pt-BR',
		lines: '— nenhuma linha',
		question: 'Aplicar',
	},
] as const;

describe('counts of 0 on screen', () => {
	for (const {language, lines, question} of cases) {
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
			// What applyDocuments answers for it (test/actions/apply.test.ts: no request is sent).
			cluster.previewReport = {
				outcomes: [],
				kubectl: 'kubectl apply -f empty.yaml --dry-run=server',
				refused: 'error: no objects passed to apply',
			};
			const app = await renderApp({cluster, loadManifests: async () => ({files: [empty]}), columns: 120, rows: 24});
			await app.press('3', 'a');
			await waitFor(() => app.frame().includes('error: no objects passed to apply'), "kubectl apply's error");
			const applies = () => cluster.calls.filter(call => call.method === 'apply').length;
			assert.ok(!app.frame().includes(question), 'no question is asked');
			await app.press('y');
			assert.equal(applies(), 0, 'y applies nothing');
			assert.doesNotMatch(app.frame(), /\b0 (objects?|objetos?)\b/);
		});
	}
});
