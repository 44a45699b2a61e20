import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {colonUsage, keymap} from '../../source/keys/keymap.js';
import {completeColon, parseColon} from '../../source/state/colon.js';
import {runColonCommand} from '../../source/state/pane-keys.js';
import type {ViewContext} from '../../source/state/route-types.js';
import {initialUiState} from '../../source/state/ui-state.js';

describe('a : line', () => {
	test('is a word and an argument', () => {
		assert.deepEqual(parseColon('ns  demo'), {word: 'ns', argument: 'demo'});
		assert.deepEqual(parseColon(':pods'), {word: 'pods'});
		assert.deepEqual(parseColon('   '), {word: ''});
	});

	test("help lists the keymap's : commands, other spellings left out", () => {
		assert.equal(colonUsage(keymap), ':pods :svc :manifests :events :nodes :namespaces :tutorial :ns NAME :ctx NAME :pf :history :q');
	});
});

describe('Tab on a : line', () => {
	const names = {namespace: ['default', 'demo', 'kube-node-lease', 'kube-system'], context: ['minikube', 'kind-dev']};
	const cases: Array<[string, string, string[]]> = [
		['', '', ['pods', 'svc', 'manifests', 'events', 'nodes', 'namespaces', 'tutorial', 'ns', 'ctx', 'pf', 'history', 'q']],
		['p', 'p', ['pods', 'pf']],
		['m', 'manifests', ['manifests']],
		['h', 'h', ['history', 'help']],
		// `:namespaces` shows the namespaces pane, and with a name switches to it as `:ns` does.
		['na', 'namespaces ', ['namespaces']],
		['namespace', 'namespaces ', ['namespaces']],
		['namespace kube-s', 'namespace kube-system', ['kube-system']],
		['namespaces d', 'namespaces de', ['default', 'demo']],
		['no', 'nodes', ['nodes']],
		['ns', 'ns ', ['ns']],
		['c', 'ctx ', ['ctx']],
		['se', 'service', ['service']],
		['zz', 'zz', []],
		['ns d', 'ns de', ['default', 'demo']],
		['ns kube-s', 'ns kube-system', ['kube-system']],
		['ns kube', 'ns kube-', ['kube-node-lease', 'kube-system']],
		['ctx ki', 'ctx kind-dev', ['kind-dev']],
		['pods x', 'pods x', []],
	];
	for (const [line, completed, candidates] of cases) {
		test(`${JSON.stringify(line)} → ${JSON.stringify(completed)}`, () => {
			const completion = completeColon(line, names);
			assert.equal(completion.line, completed);
			assert.deepEqual(completion.candidates, candidates);
		});
	}

	test('asks for the names it does not have yet', () => {
		assert.equal(completeColon('ns de', {}).needs, 'namespace');
		assert.equal(completeColon('ctx ', {namespace: []}).needs, 'context');
		assert.equal(completeColon('ns de', {namespace: []}).needs, undefined);
		assert.equal(completeColon('namespace de', {}).needs, 'namespace');
	});

	test('every : name that switches namespaces with an argument completes it the same way, and no other', () => {
		const view: ViewContext = {rowKeys: [], pageSize: 10, overlayLines: 10, readonly: false, namespace: 'default'};
		const everyName = keymap.flatMap(binding => binding.colon?.names ?? []);
		const switching = everyName.filter(name =>
			runColonCommand(initialUiState, `${name} kube-system`, view).effects.some(
				effect => effect.type === 'switchNamespace' && effect.namespace === 'kube-system',
			),
		);
		assert.deepEqual(switching, ['namespaces', 'namespace', 'ns']);
		const completing = everyName.filter(name => completeColon(`${name} kube-s`, names).of === 'namespace');
		assert.deepEqual(completing, switching);
		for (const name of completing) {
			assert.equal(completeColon(`${name} kube-s`, names).line, `${name} kube-system`);
		}
	});
});
