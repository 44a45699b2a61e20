import assert from 'node:assert/strict';
import {test} from 'node:test';
import {editText, textField} from '../../source/state/text-field.js';

const key = (name: string, text = name.length === 1 ? name : '') => ({name, text});

test('editing keys act at the cursor', () => {
	const cases: Array<[string, number, string, string, number]> = [
		// value, cursor, key, expected value, expected cursor
		['nginx', 5, 'a', 'nginxa', 6],
		['nginx', 0, 'a', 'anginx', 1],
		['nginx', 5, 'backspace', 'ngin', 4],
		['nginx', 2, 'backspace', 'ninx', 1],
		['nginx', 0, 'backspace', 'nginx', 0],
		['nginx', 5, 'left', 'nginx', 4],
		['nginx', 0, 'left', 'nginx', 0],
		['nginx', 4, 'right', 'nginx', 5],
		['nginx', 5, 'right', 'nginx', 5],
		['nginx', 3, 'home', 'nginx', 0],
		['nginx', 3, 'ctrl+a', 'nginx', 0],
		['nginx', 1, 'end', 'nginx', 5],
		['nginx', 1, 'ctrl+e', 'nginx', 5],
		['-l app=web', 3, 'ctrl+u', 'app=web', 0],
		['-l app=web', 10, 'ctrl+w', '-l ', 3],
	];
	for (const [value, cursor, name, expectedValue, expectedCursor] of cases) {
		const edited = editText({label: 'f', value, cursor}, key(name));
		assert.deepEqual(edited, {label: 'f', value: expectedValue, cursor: expectedCursor}, `${name} on "${value}" at ${cursor}`);
	}
});

test('control characters never become text; a paste inserts whole', () => {
	assert.equal(editText(textField('x'), key('ctrl+x', '')), undefined);
	assert.equal(editText(textField('x'), {name: 'escape', text: '\u001B'}), undefined);
	assert.equal(editText(textField('x', 'ab'), {name: 'c d\n', text: 'c d\n'})?.value, 'abc d');
});
