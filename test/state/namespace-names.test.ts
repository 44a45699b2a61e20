import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {namespaceProblem} from '../../source/k8s/names.js';
import type {KeyPress} from '../../source/keys/key-name.js';
import {routeKey, type ViewContext} from '../../source/state/route-key.js';
import {textField} from '../../source/state/text-field.js';
import {initialUiState, topMode, type UiState} from '../../source/state/ui-state.js';

const view: ViewContext = {rowKeys: [], pageSize: 2, overlayLines: 10, readonly: false, namespace: 'default'};
const press = (name: string): KeyPress => ({name, text: name.length === 1 ? name : ''});

function route(keys: string[], state: UiState = initialUiState) {
	const effects = [];
	let current = state;
	for (const key of keys) {
		const routed = routeKey(current, press(key), view);
		current = routed.state;
		effects.push(...routed.effects);
	}

	return {state: current, effects};
}

const label =
	"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

// [name, why the server refuses it (undefined: a good name)]
const cases: Array<[string, string | undefined]> = [
	['default', undefined],
	['kube-system', undefined],
	['a1', undefined],
	['..', `invalid namespace "..": ${label}`],
	['.', `invalid namespace ".": ${label}`],
	['a.b', 'invalid namespace "a.b": must not contain dots'],
	['Default', `invalid namespace "Default": ${label}`],
	['-a', `invalid namespace "-a": ${label}`],
	['a_b', `invalid namespace "a_b": ${label}`],
	['x'.repeat(64), `invalid namespace "${'x'.repeat(64)}": must be no more than 63 characters`],
];

describe(':ns NAME validates the name as the server does', () => {
	for (const [name, problem] of cases) {
		test(JSON.stringify(name.length > 20 ? `${name.slice(0, 8)}…(${name.length})` : name), () => {
			assert.equal(namespaceProblem(name), problem);
			const routed = route([':', ...'ns '.split(''), ...name.split(''), 'enter']);
			if (problem) {
				assert.deepEqual(routed.effects, [], 'nothing switches');
				assert.equal(routed.state.status?.text, problem);
				assert.equal(routed.state.status?.tone, 'error');
			} else {
				assert.deepEqual(routed.effects, [{type: 'switchNamespace', namespace: name}]);
			}
		});
	}

	test('the namespace prompt (namespaces not listable) says why and keeps what was typed', () => {
		const typing: UiState = {
			...initialUiState,
			modes: [{kind: 'prompt', prompt: {purpose: 'namespace', fields: [textField('')], focus: 0}}],
		};
		const routed = route(['.', '.', 'enter'], typing);
		assert.deepEqual(routed.effects, []);
		const mode = topMode(routed.state);
		assert.equal(mode?.kind, 'prompt');
		assert.equal(
			mode?.kind === 'prompt' && mode.prompt.purpose === 'namespace' ? mode.prompt.error : undefined,
			`invalid namespace "..": ${label}`,
		);
		assert.equal(mode?.kind === 'prompt' ? mode.prompt.fields[0].value : undefined, '..');
		assert.deepEqual(route(['d', 'e', 'm', 'o', 'enter'], typing).effects, [{type: 'switchNamespace', namespace: 'demo'}]);
	});
});
