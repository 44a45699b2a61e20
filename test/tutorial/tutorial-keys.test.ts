// Enter on each tutorial step, through the key router (pure): the overlay it opens or the effect
// it asks for, for the tutorial's objects in the namespace in view; --readonly and a missing
// manifest each get one line and change nothing.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {routeKey, type ViewContext} from '../../source/state/route-key.js';
import {initialUiState, topMode, type UiState} from '../../source/state/ui-state.js';
import {steps} from '../../source/tutorial/steps.js';

const manifestPaths = Object.fromEntries(
	['o_primeiro_pod.yaml', 'pod-1.yaml', 'pod-2.yaml', 'svc-pod.yaml', 'svc-pod2.yaml'].map(file => [file, `/m/${file}`]),
);
const view = (overrides: Partial<ViewContext> = {}): ViewContext => ({
	rowKeys: steps.map(step => step.id),
	pageSize: 10,
	overlayLines: 0,
	readonly: false,
	namespace: 'lab',
	manifestPaths,
	...overrides,
});

/** Enter on step `number` (1-based) of the open tutorial. */
function enter(number: number, context = view()) {
	const state: UiState = {
		...initialUiState,
		pane: 'tutorial',
		selection: {...initialUiState.selection, tutorial: {key: steps[number - 1]!.id, index: number - 1}},
	};
	return routeKey(state, {name: 'enter', text: ''}, context);
}

const pod = (name: string) => ({kind: 'Pod', namespace: 'lab', name});
const cases: Array<[number, (routed: ReturnType<typeof enter>) => void]> = [
	[1, ({state, effects}) => assert.deepEqual([state.selection.tutorial, effects], [{key: 'run', index: 1}, []])],
	[
		2,
		({state}) => {
			const mode = topMode(state);
			assert.equal(mode?.kind === 'prompt' && mode.prompt.purpose, 'run');
			assert.deepEqual(mode?.kind === 'prompt' && mode.prompt.fields.map(field => field.value), ['testando', 'nginx']);
		},
	],
	[3, ({state}) => assert.deepEqual([state.pane, state.selection.pods.key], ['pods', 'lab/testando'])],
	[4, ({state}) => assert.deepEqual(topMode(state), {kind: 'detail', target: pod('testando'), scroll: 0})],
	[5, ({state}) => assert.deepEqual(topMode(state), {kind: 'confirm', target: pod('testando')})],
	[6, ({effects}) => assert.deepEqual(effects, [{type: 'previewApply', scope: 'selected', paths: ['/m/o_primeiro_pod.yaml']}])],
	[7, ({effects}) => assert.deepEqual(effects, [{type: 'previewApply', scope: 'selected', paths: ['/m/svc-pod.yaml', '/m/pod-1.yaml']}])],
	[8, ({state}) => assert.equal(state.pane, 'pods')],
	[9, ({effects}) => assert.deepEqual(effects, [{type: 'previewApply', scope: 'selected', paths: ['/m/svc-pod2.yaml', '/m/pod-2.yaml']}])],
	[10, ({state}) => assert.deepEqual([state.pane, state.selection.services.key], ['services', 'lab/svc-pod2'])],
	[11, ({effects}) => assert.deepEqual(effects, [{type: 'shell', target: pod('o-primeiro-pod')}])],
];

for (const [number, check] of cases) {
	test(`Enter on step ${number} (${steps[number - 1]!.id})`, () => check(enter(number)));
}

test('--readonly: the steps that change the cluster get one line, the others still work', () => {
	for (const number of [2, 5, 6, 7, 9, 11]) {
		const {state, effects} = enter(number, view({readonly: true}));
		assert.deepEqual([state.modes, effects, state.status?.tone], [[], [], 'warn'], `step ${number}`);
	}
	assert.equal(enter(4, view({readonly: true})).state.modes[0]?.kind, 'detail');
});

test('a manifest missing from the list: one line naming it, nothing applied', () => {
	const {state, effects} = enter(7, view({manifestPaths: {'svc-pod.yaml': '/m/svc-pod.yaml'}}));
	assert.deepEqual(effects, []);
	assert.match(state.status?.text ?? '', /pod-1\.yaml/);
});
