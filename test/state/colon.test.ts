import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {colonUsage, keymap} from '../../source/keys/keymap.js';
import {completeColon, parseColon} from '../../source/state/colon.js';

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
		// `:namespace` names the namespaces pane, which takes no argument to complete.
		['na', 'namespaces', ['namespaces']],
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
	});
});
