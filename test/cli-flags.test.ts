// The flags are defined once (source/cli-flags.ts): --help's lines come from it, and the
// readme's table is held to it here.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {flagHelp, flagLines, knownFlags} from '../source/cli-flags.js';

test("the readme's flags table is the flags' definition", () => {
	const readme = readFileSync(join(import.meta.dirname, '..', 'readme.md'), 'utf8');
	const table = readme.slice(readme.indexOf('| flag | |'));
	const rows = table
		.split('\n')
		.slice(2)
		.filter(line => line.startsWith('| `-'))
		.filter(line => !line.includes('--help'));
	assert.deepEqual(
		rows,
		flagLines().map(([usage, help]) => `| \`${usage}\` | ${help} |`),
	);
});

test('help shows the documented flags, and every spelling is known', () => {
	assert.match(flagHelp(), /^ {4}-n, --namespace NAME {6}namespace to show/m);
	for (const name of ['--kubeconfig', '--all-namespaces', '-A', '-n', '--port', '--kubeconfig-out', '--help', '-h', '--version']) {
		assert.ok(knownFlags().has(name), name);
	}
	assert.equal(knownFlags().has('--bogus'), false);
});
