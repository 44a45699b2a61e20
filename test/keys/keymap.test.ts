import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {bindingHint, bindingsFor, colonCommandFor, commandFor, keymap, keysText} from '../../source/keys/keymap.js';
import {paneTable} from '../../source/keys/panes.js';
import {keyName} from '../../source/keys/key-name.js';

describe('the keymap', () => {
	test('no key means two things in the same scope', () => {
		const seen = new Map<string, string>();
		for (const binding of keymap) {
			for (const scope of binding.scopes) {
				for (const key of binding.keys) {
					const id = `${scope}:${key}`;
					const previous = seen.get(id);
					assert.ok(previous === undefined || previous === binding.command, `${id} is both ${previous} and ${binding.command}`);
					seen.set(id, binding.command);
				}
			}
		}
	});

	test('the commands that change the cluster are exactly the mutating ones', () => {
		const mutating = keymap
			.filter(binding => binding.mutates)
			.map(binding => binding.command)
			.sort();
		assert.deepEqual(mutating, ['apply', 'applyAll', 'delete', 'edit', 'run', 'shell']);
	});

	test('inner scopes win: q closes help but quits from a pane', () => {
		assert.equal(commandFor('q', ['help'])?.command, 'back');
		assert.equal(commandFor('q', ['pods', 'list', 'global'])?.command, 'quit');
		assert.equal(commandFor('j', ['pods', 'list', 'global'])?.command, 'down');
		assert.equal(commandFor('x', ['pods', 'list', 'global']), undefined);
	});

	test('a : name means one command', () => {
		const seen = new Map<string, string>();
		for (const binding of keymap) {
			for (const name of binding.colon?.names ?? []) {
				assert.ok(!seen.has(name), `:${name} is both ${seen.get(name)} and ${binding.command}`);
				seen.set(name, binding.command);
			}
		}

		assert.equal(colonCommandFor('svc')?.command, 'pane.services');
		assert.equal(colonCommandFor('ns')?.command, 'namespace');
		assert.equal(colonCommandFor('deploy'), undefined);
	});

	test('every pane has its key and its : names', () => {
		for (const pane of paneTable) {
			assert.equal(commandFor(pane.key, ['global'])?.command, `pane.${pane.id}`);
			for (const name of pane.colon) {
				assert.equal(colonCommandFor(name)?.command, `pane.${pane.id}`);
			}
		}
	});

	test("the no-cluster screen's keys, and a confirmation's, spelled for a sentence", () => {
		assert.deepEqual(
			bindingsFor(['noCluster']).map(binding => `${binding.label}: ${bindingHint(binding)}`),
			['s: start the sandbox', 'q: quit'],
		);
		assert.equal(commandFor('ctrl+c', ['noCluster'])?.command, 'quit');
		assert.equal(keysText(commandFor('n', ['confirm'])!), 'n / Esc / Enter');
		assert.equal(keysText(commandFor('y', ['confirm'])!), 'y');
	});

	test('help lists each command of a scope once', () => {
		const pods = bindingsFor(['pods', 'list']).map(binding => binding.command);
		assert.deepEqual(pods, [
			'up',
			'down',
			'pageUp',
			'pageDown',
			'top',
			'bottom',
			'detail',
			'logs',
			'yaml',
			'edit',
			'shell',
			'portForward',
			'filter',
			'delete',
		]);
	});
});

describe('key names', () => {
	const cases: Array<[string, Parameters<typeof keyName>[1], string, string]> = [
		['j', {}, 'j', 'j'],
		['G', {shift: true}, 'G', 'G'],
		['', {upArrow: true}, 'up', ''],
		['', {pageDown: true}, 'pagedown', ''],
		['', {return: true}, 'enter', ''],
		['', {escape: true}, 'escape', ''],
		['', {tab: true}, 'tab', ''],
		['', {tab: true, shift: true}, 'shift+tab', ''],
		['', {delete: true}, 'backspace', ''],
		['', {backspace: true}, 'backspace', ''],
		['d', {ctrl: true}, 'ctrl+d', ''],
		['x', {meta: true}, 'x', ''],
	];
	for (const [input, key, name, text] of cases) {
		test(`${JSON.stringify(input)} ${JSON.stringify(key)} → ${name}`, () => assert.deepEqual(keyName(input, key), {name, text}));
	}
});

describe('a burst of keys', () => {
	test('is split into one press per key, control characters named', async () => {
		const {splitKeys} = await import('../../source/keys/key-name.js');
		assert.deepEqual(splitKeys('2j\r\u0004\u001B\t\u007F'), [
			{name: '2', text: '2'},
			{name: 'j', text: 'j'},
			{name: 'enter', text: ''},
			{name: 'ctrl+d', text: ''},
			{name: 'escape', text: ''},
			{name: 'tab', text: ''},
			{name: 'backspace', text: ''},
		]);
	});
});
