// The detail in the running UI: kubectl's describe text, kpods' additions after the separator,
// live as the pod changes, and searchable with / n N (matches in inverse video, shown as ⟦…⟧).
import '../ui/force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {serviceRow} from '../../source/format/service.js';
import {additionsTitle} from '../../source/derive/describe.js';
import {FakeCluster} from '../ui/fake-cluster.js';
import {keys, renderApp, waitFor} from '../ui/harness.js';
import {svcPod, tutorialPods} from '../ui/tutorial-objects.js';

afterEach(() => cleanup());

function cluster(): FakeCluster {
	const fake = new FakeCluster({}, tutorialPods());
	fake.services.set([serviceRow(svcPod)]);
	return fake;
}

describe('the detail view', () => {
	test("kubectl describe first, then kpods' additions after the separator", async () => {
		const app = await renderApp({cluster: cluster(), rows: 80, columns: 120});
		await app.press('j', keys.enter);
		await waitFor(() => app.frame().includes(additionsTitle()), 'additions');
		const frame = app.frame();
		assert.ok(frame.indexOf('QoS Class:') < frame.indexOf(additionsTitle()), 'describe text comes first');
		assert.match(frame, /^Services selecting this pod:$/m);
		assert.match(frame, /^ {2}svc-pod {2}ClusterIP {2}10\.105\.54\.122 {2}4050\/TCP {2}selector app=pod-label$/m);
	});

	test('/ finds while typing, highlights every match, n and N step through them', async () => {
		const app = await renderApp({cluster: cluster(), rows: 80, columns: 120});
		await app.press('j', keys.enter);
		await waitFor(() => app.frame().includes('Conditions:'), 'detail');
		await app.press('/', 't', 'r', 'u', 'e');
		assert.match(app.frame(), /\/true: 1\/5/, 'the title counts the matches');
		assert.match(app.frame(), /^ {4}Ready: {10}⟦True⟧$/m);
		await app.press(keys.enter, 'n');
		assert.match(app.frame(), /\/true: 2\/5/);
		await app.press('N', 'N');
		assert.match(app.frame(), /\/true: 5\/5/, 'N wraps to the last match');
		await app.press(keys.escape);
		assert.doesNotMatch(app.frame(), /⟦True⟧/, 'Esc clears the search');
		assert.match(app.frame(), /^Conditions:$/m, 'and the detail stays');
	});
});
