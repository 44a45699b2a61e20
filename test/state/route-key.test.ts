import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {activeScopes, routeKey, type ViewContext} from '../../source/state/route-key.js';
import {applyPreviewReady} from '../../source/state/outcomes.js';
import {initialUiState, topMode, type UiState} from '../../source/state/ui-state.js';
import {completionsLoaded} from '../../source/state/outcomes.js';
import type {KeyPress} from '../../source/keys/key-name.js';

const press = (name: string, text = name.length === 1 ? name : ''): KeyPress => ({name, text});
const view = (overrides: Partial<ViewContext> = {}): ViewContext => ({
	rowKeys: ['default/a', 'default/b', 'default/c', 'default/d'],
	pageSize: 2,
	overlayLines: 10,
	readonly: false,
	namespace: 'default',
	...overrides,
});

/** Routes a sequence of keys, collecting every effect. */
function route(keys: Array<string | KeyPress>, state: UiState = initialUiState, context = view()) {
	const effects = [];
	let current = state;
	for (const key of keys) {
		const routed = routeKey(current, typeof key === 'string' ? press(key) : key, context);
		current = routed.state;
		effects.push(...routed.effects);
	}

	return {state: current, effects};
}

describe('movement', () => {
	test('j, k, arrows, pages and ends pin the selected key', () => {
		assert.deepEqual(route(['j']).state.selection.pods, {key: 'default/b', index: 1});
		assert.deepEqual(route(['down', 'down', 'up']).state.selection.pods, {key: 'default/b', index: 1});
		assert.deepEqual(route(['pagedown']).state.selection.pods, {key: 'default/c', index: 2});
		assert.deepEqual(route(['G']).state.selection.pods, {key: 'default/d', index: 3});
		assert.deepEqual(route(['G', 'g']).state.selection.pods, {key: 'default/a', index: 0});
		assert.deepEqual(route(['k']).state.selection.pods, {key: 'default/a', index: 0}, 'stays at the top');
	});

	test('each pane keeps its own selection', () => {
		const {state} = route(['j', '2', 'G', '1']);
		assert.equal(state.pane, 'pods');
		assert.equal(state.selection.pods.key, 'default/b');
		assert.equal(state.selection.services.key, 'default/d');
	});

	test('tab and shift+tab cycle the panes', () => {
		assert.equal(route(['tab']).state.pane, 'services');
		assert.equal(route(['tab', 'tab', 'tab', 'tab']).state.pane, 'nodes');
		assert.equal(route(['tab', 'tab', 'tab', 'tab', 'tab', 'tab', 'tab']).state.pane, 'pods');
		assert.equal(route(['shift+tab']).state.pane, 'tutorial');
	});
});

describe('overlays come first', () => {
	test('help opens with ?, scrolls with j, closes with Esc, q or ?', () => {
		let {state} = route(['?', 'j', 'j']);
		assert.deepEqual(topMode(state), {kind: 'help', scroll: 2});
		assert.equal(state.selection.pods.index, 0, 'j moved the help, not the rows');
		for (const close of ['escape', 'q', '?']) {
			assert.equal(route([close], state).state.modes.length, 0, close);
		}

		({state} = route(['?', 'G'], initialUiState, view({overlayLines: 10, pageSize: 4})));
		assert.deepEqual(topMode(state), {kind: 'help', scroll: 6}, 'G stops at the last page');
	});

	test('q quits from the panes but only closes an overlay; ctrl+c always quits', () => {
		assert.deepEqual(route(['q']).effects, [{type: 'quit'}]);
		assert.deepEqual(route(['?', 'q']).effects, []);
		assert.deepEqual(route(['?', 'ctrl+c']).effects, [{type: 'quit'}]);
	});

	test('Enter opens the detail of the selected pod; ctrl+d there asks to delete it', () => {
		const {state} = route(['j', 'enter']);
		assert.deepEqual(topMode(state), {kind: 'detail', target: {kind: 'Pod', namespace: 'default', name: 'b'}, scroll: 0});
		const asked = route(['ctrl+d'], state).state;
		assert.deepEqual(topMode(asked), {kind: 'confirm', target: {kind: 'Pod', namespace: 'default', name: 'b'}});
	});

	test('services pane targets services', () => {
		const {state} = route(['2', 'enter']);
		assert.deepEqual(topMode(state), {kind: 'detail', target: {kind: 'Service', namespace: 'default', name: 'a'}, scroll: 0});
	});
});

describe('delete asks first, and No is the default', () => {
	test('ctrl+d then y deletes the selected pod', () => {
		const {state, effects} = route(['j', 'ctrl+d', 'y']);
		assert.deepEqual(effects, [{type: 'delete', target: {kind: 'Pod', namespace: 'default', name: 'b'}}]);
		assert.equal(state.modes.length, 0);
	});

	for (const key of ['n', 'escape', 'enter', 'x', 'q']) {
		test(`ctrl+d then ${key} deletes nothing`, () => {
			const {state, effects} = route(['ctrl+d', key]);
			assert.deepEqual(effects, []);
			if (key === 'x' || key === 'q') {
				// Keys that mean nothing in a confirmation leave it open: only y deletes.
				assert.equal(topMode(state)?.kind, 'confirm');
			} else {
				assert.equal(state.modes.length, 0);
				assert.match(state.status!.text, /delete of pod "a" cancelled/);
			}
		});
	}

	test('nothing to delete in an empty pane', () => {
		const {state, effects} = route(['ctrl+d'], initialUiState, view({rowKeys: []}));
		assert.deepEqual(effects, []);
		assert.equal(state.status?.text, 'nothing selected to delete');
	});
});

describe('--readonly is checked in one place', () => {
	for (const [keys, pane] of [
		[['ctrl+d'], 'pods'],
		[['r'], 'pods'],
		[['3', 'a'], 'manifests'],
		[['3', 'A'], 'manifests'],
		[['enter', 'ctrl+d'], 'detail'],
	] as const) {
		test(`${keys.join(' ')} is refused with a message (${pane})`, () => {
			const {state, effects} = route([...keys], initialUiState, view({readonly: true}));
			assert.deepEqual(effects, []);
			assert.match(state.status!.text, /^read-only mode \(--readonly\): ".+" is disabled$/);
			assert.equal(state.status!.tone, 'warn');
			assert.notEqual(topMode(state)?.kind, 'confirm');
		});
	}

	test('reading keys still work', () => {
		const {state} = route(['j', 'enter'], initialUiState, view({readonly: true}));
		assert.equal(topMode(state)?.kind, 'detail');
	});
});

describe('filter', () => {
	test('/ opens a prompt that filters while typing; Enter keeps it, Esc in the pane clears it', () => {
		let {state} = route(['/', 'a', 'p', 'p']);
		assert.equal(state.filter.pods, 'app');
		assert.equal(topMode(state)?.kind, 'prompt');
		({state} = route(['backspace', 'enter'], state));
		assert.equal(state.filter.pods, 'ap');
		assert.equal(state.modes.length, 0);
		({state} = route(['escape'], state));
		assert.equal(state.filter.pods, '');
	});

	test('Esc in the prompt cancels the filter', () => {
		const {state} = route(['/', 'x', 'escape']);
		assert.equal(state.filter.pods, '');
		assert.equal(state.modes.length, 0);
	});

	test('typed letters that are also keys (q, j, y) go into the prompt', () => {
		const {state, effects} = route(['/', 'q', 'j', 'y']);
		assert.equal(state.filter.pods, 'qjy');
		assert.deepEqual(effects, []);
	});

	test('a paste arrives whole', () => {
		const {state} = route(['/', {name: '-l app=pod-label', text: '-l app=pod-label'}]);
		assert.equal(state.filter.pods, '-l app=pod-label');
	});

	test('the manifests pane has no filter', () => {
		assert.equal(route(['3', '/']).state.modes.length, 0);
	});
});

describe('run', () => {
	const typeText = (text: string) => [...text].map(char => press(char));
	test('r asks name and image, Tab moves between them, Enter runs it in the current namespace', () => {
		const {state, effects} = route(
			['r', ...typeText('testando'), 'tab', ...typeText('nginx'), 'enter'],
			initialUiState,
			view({namespace: 'demo'}),
		);
		assert.deepEqual(effects, [{type: 'run', namespace: 'demo', name: 'testando', image: 'nginx'}]);
		assert.equal(state.modes.length, 0);
	});

	test('names are checked as the API server checks them, before anything is sent', () => {
		const {state, effects} = route(['r', ...typeText('Bad_Name'), 'tab', ...typeText('nginx'), 'enter']);
		assert.deepEqual(effects, []);
		const mode = topMode(state);
		assert.equal(mode?.kind, 'prompt');
		assert.match(
			(mode as {prompt: {error: string}}).prompt.error,
			/^Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of/,
		);
	});

	test('an image is required', () => {
		const {state, effects} = route(['r', ...typeText('web'), 'enter']);
		assert.deepEqual(effects, []);
		assert.equal((topMode(state) as {prompt: {error: string; focus: number}}).prompt.error, 'an image is required (like nginx)');
		assert.equal((topMode(state) as {prompt: {focus: number}}).prompt.focus, 1);
	});
});

describe('manifests and namespaces', () => {
	const files = view({rowKeys: ['/m/o_primeiro_pod.yaml', '/m/pod-1.yaml']});
	test('a applies the selected file, A applies all', () => {
		assert.deepEqual(route(['3', 'j', 'a'], initialUiState, files).effects, [
			{type: 'previewApply', scope: 'selected', path: '/m/pod-1.yaml'},
		]);
		assert.deepEqual(route(['3', 'A'], initialUiState, files).effects, [{type: 'previewApply', scope: 'all'}]);
	});

	test('the dry run on top: y applies exactly what was previewed; n, Esc or Enter cancels (No is the default); other keys do nothing', () => {
		const preview = {
			scope: 'selected' as const,
			path: '/m/pod-1.yaml',
			lines: [{text: 'pod/pod-1 configured: spec.containers[0].image', tone: 'warn' as const}],
			summary: '1 object: 1 configured',
			kubectl: 'kubectl apply -f m/pod-1.yaml --dry-run=server',
		};
		const asking = applyPreviewReady({...initialUiState, pane: 'manifests'}, preview);
		assert.deepEqual(activeScopes(asking), ['applyPreview']);
		const yes = route(['y'], asking, files);
		assert.deepEqual(yes.effects, [{type: 'apply', scope: 'selected', path: '/m/pod-1.yaml'}]);
		assert.deepEqual(yes.state.modes, []);
		for (const key of ['a', 'j', 'A']) {
			assert.equal(route([key], asking, files).state, asking, key);
		}
		for (const key of ['n', 'escape', 'enter']) {
			const no = route([key], asking, files);
			assert.deepEqual(no.effects, [], key);
			assert.deepEqual(no.state.modes, [], key);
			assert.equal(no.state.status?.text, 'apply cancelled: nothing was changed', key);
		}
		assert.deepEqual(route(['y'], applyPreviewReady(initialUiState, {...preview, scope: 'all', path: undefined}), files).effects, [
			{type: 'apply', scope: 'all'},
		]);
	});

	test('J and K scroll the preview; moving to another file resets it', () => {
		let {state} = route(['3', 'J', 'J', 'J', 'K'], initialUiState, files);
		assert.equal(state.previewScroll, 2);
		({state} = route(['j'], state, files));
		assert.equal(state.previewScroll, 0);
	});

	test('n asks the app for the namespaces; the picker picks one or all', () => {
		assert.deepEqual(route(['n']).effects, [{type: 'loadNamespaces'}]);
		const picking: UiState = {...initialUiState, modes: [{kind: 'picker', purpose: 'namespace', names: ['default', 'demo'], selection: 1}]};
		assert.deepEqual(route(['j', 'enter'], picking).effects, [{type: 'switchNamespace', namespace: 'demo'}]);
		assert.deepEqual(route(['g', 'enter'], picking).effects, [{type: 'switchNamespace', namespace: undefined}]);
		assert.equal(route(['escape'], picking).state.modes.length, 0);
	});

	test('the context picker has no "all" row', () => {
		const picking: UiState = {...initialUiState, modes: [{kind: 'picker', purpose: 'context', names: ['minikube', 'prod'], selection: 0}]};
		assert.deepEqual(route(['j', 'enter'], picking).effects, [{type: 'switchContext', context: 'prod'}]);
		assert.deepEqual(route(['G', 'enter'], picking).effects, [{type: 'switchContext', context: 'prod'}]);
	});

	test('colon commands, as k9s users type them', () => {
		const colon = (text: string) => route([':', ...[...text].map(char => press(char)), 'enter']);
		assert.equal(colon('svc').state.pane, 'services');
		assert.equal(colon('manifests').state.pane, 'manifests');
		assert.deepEqual(colon('ns demo').effects, [{type: 'switchNamespace', namespace: 'demo'}]);
		assert.deepEqual(colon('ns all').effects, [{type: 'switchNamespace', namespace: undefined}]);
		assert.deepEqual(colon('ns').effects, [{type: 'loadNamespaces'}]);
		assert.deepEqual(colon('q').effects, [{type: 'quit'}]);
		assert.equal(colon('history').state.modes[0]?.kind, 'history');
		assert.deepEqual(colon('ctx').effects, [{type: 'loadContexts'}]);
		assert.deepEqual(colon('ctx kind-dev').effects, [{type: 'switchContext', context: 'kind-dev'}]);
		assert.equal(
			colon('deploy').state.status?.text,
			'unknown command ":deploy" (try :pods :svc :manifests :events :nodes :namespaces :tutorial :ns NAME :ctx NAME :pf :history :q)',
		);
		assert.equal(colon('no').state.pane, 'nodes');
		assert.equal(colon('nodes').state.pane, 'nodes');
		assert.equal(colon('namespaces').state.pane, 'namespaces');
		assert.equal(colon('namespace').state.pane, 'namespaces');
		assert.deepEqual(colon('namespace demo').effects, [{type: 'switchNamespace', namespace: 'demo'}], ':namespace NAME still switches');
		assert.equal(colon('po').state.pane, 'pods');
		assert.equal(colon('help').state.modes[0]?.kind, 'help');
		assert.deepEqual(colon('-A').effects, [{type: 'switchNamespace', namespace: undefined}]);
		assert.deepEqual(colon('').effects, []);
	});

	test('Tab completes a : command, then asks for the names it completes an argument from', () => {
		const typed = (text: string) => [':', ...[...text].map(char => press(char))];
		const {state} = route([...typed('c'), 'tab']);
		const prompt = topMode(state);
		assert.equal(prompt?.kind === 'prompt' && prompt.prompt.fields[0].value, 'ctx ');
		assert.deepEqual(route([...typed('ns ku'), 'tab']).effects, [{type: 'loadCompletions', names: 'namespace'}]);
		assert.deepEqual(route([...typed('ctx '), 'tab']).effects, [{type: 'loadCompletions', names: 'context'}]);
		assert.equal(topMode(route([...typed('ns ku'), 'tab']).state)?.kind, 'prompt', 'the prompt stays open');
	});

	test(':namespace and :namespaces complete a namespace as :ns does, and Enter switches to it', () => {
		for (const word of ['namespace', 'namespaces']) {
			const typing = route([':', ...[...`${word} ku`].map(char => press(char)), 'tab']);
			assert.deepEqual(typing.effects, [{type: 'loadCompletions', names: 'namespace'}]);
			const loaded = completionsLoaded(typing.state, 'namespace', ['default', 'kube-public', 'kube-system']);
			const prompt = topMode(loaded);
			assert.equal(prompt?.kind === 'prompt' && prompt.prompt.fields[0].value, `${word} kube-`);
			assert.deepEqual(route(['s', 'tab', 'enter'], loaded).effects, [{type: 'switchNamespace', namespace: 'kube-system'}]);
		}
		const bad = route([':', ...[...'namespace Bad_Name'].map(char => press(char)), 'enter']);
		assert.deepEqual(bad.effects, [], 'a name the server would refuse is not switched to');
		assert.match(bad.state.status?.text ?? '', /Bad_Name/);
	});

	test('the loaded names complete the argument, and stay for the next Tab', () => {
		const typing = route([':', ...[...'ns ku'].map(char => press(char)), 'tab']).state;
		const loaded = completionsLoaded(typing, 'namespace', ['default', 'kube-public', 'kube-system']);
		const prompt = topMode(loaded);
		assert.ok(prompt?.kind === 'prompt' && prompt.prompt.purpose === 'command');
		assert.equal(prompt.prompt.fields[0].value, 'ns kube-');
		const next = route(['s', 'tab', 'enter'], loaded);
		assert.deepEqual(next.effects, [{type: 'switchNamespace', namespace: 'kube-system'}], 'no second load');
		assert.equal(completionsLoaded(initialUiState, 'namespace', ['x']), initialUiState, 'a closed prompt is left alone');
	});
});

describe('nodes and namespaces: shown, not acted on', () => {
	const nodes = view({rowKeys: ['cp-2', 'minikube']});
	const onNodes: UiState = {...initialUiState, pane: 'nodes'};

	test('Enter details a node by its name (cluster-scoped: no namespace); y opens its YAML without -n', () => {
		const {state} = route(['j', 'enter'], onNodes, nodes);
		assert.deepEqual(topMode(state), {kind: 'detail', target: {kind: 'Node', namespace: '', name: 'minikube'}, scroll: 0});
		assert.deepEqual(activeScopes(state), ['clusterDetail']);
		const yaml = route(['y'], onNodes, nodes);
		assert.deepEqual(yaml.effects, [
			{type: 'note', text: yaml.effects[0]?.type === 'note' ? yaml.effects[0].text : '', kubectl: 'kubectl get node cp-2 -o yaml'},
		]);
	});

	test("the keys that change or enter an object do nothing on a node's pane or detail", () => {
		for (const state of [onNodes, route(['enter'], onNodes, nodes).state]) {
			const {effects, state: after} = route(['l', 'e', 's', 'F', 'ctrl+d'], state, nodes);
			assert.deepEqual(effects, []);
			assert.deepEqual(after.modes, state.modes);
		}
	});

	test('u on a namespace switches to it and shows its pods', () => {
		const {state, effects} = route(['j', 'u'], {...initialUiState, pane: 'namespaces'}, view({rowKeys: ['default', 'kube-system']}));
		assert.equal(state.pane, 'pods');
		assert.deepEqual(effects, [{type: 'switchNamespace', namespace: 'kube-system'}]);
	});

	test("Enter on an event about a node goes to the node's row", () => {
		const events = view({rowKeys: ['default/minikube.1'], eventTarget: () => ({kind: 'Node', namespace: '', name: 'minikube'})});
		const {state} = route(['enter'], {...initialUiState, pane: 'events'}, events);
		assert.equal(state.pane, 'nodes');
		assert.equal(state.selection.nodes.key, 'minikube');
	});
});
