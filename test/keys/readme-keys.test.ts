// The readme's keys table is written for people (keys grouped, explained), so it is not
// generated; this holds it to the keymap: every key and `:` command it names exists.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {colonCommandFor, keymap} from '../../source/keys/keymap.js';

test("every key and : command the readme's keys table names is in the keymap", () => {
	const readme = readFileSync(join(import.meta.dirname, '..', '..', 'readme.md'), 'utf8');
	const table = readme.slice(readme.indexOf('| key | does |')).split('\n\n')[0]!;
	const names = new Set(keymap.flatMap(binding => [...binding.keys, ...binding.label.split(' ')]));
	const named = table
		.split('\n')
		.slice(2)
		.flatMap(line => [...line.split(' | ')[0]!.matchAll(/`([^`]+)`/g)].flatMap(match => match[1]!.split(' ')));
	assert.ok(named.length > 20, 'the table was found');
	const unknown = named.filter(token => {
		if (token.startsWith(':') && token.length > 1) {
			return !colonCommandFor(token.slice(1));
		}
		return !(names.has(token) || names.has(token.toLowerCase()) || token === 'NAME' || token === 'all');
	});
	assert.deepEqual(unknown, []);
});
