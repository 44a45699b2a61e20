// The built CLI speaks the chosen language from its first line: --help, and the one-line answers.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {test} from 'node:test';

const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], env: NodeJS.ProcessEnv) {
	const clean = {...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env};
	return spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', input: '', env: clean});
}

test('LANG=pt_BR.UTF-8: the answers are in Portuguese; --lang en brings English back', () => {
	const portuguese = run(['--bogus'], {LANG: 'pt_BR.UTF-8'});
	assert.equal(portuguese.stderr, 'kpods: opção desconhecida --bogus (kpods --help lista todas)\n');
	assert.equal(portuguese.status, 2);
	const english = run(['--lang', 'en', '--bogus'], {LANG: 'pt_BR.UTF-8'});
	assert.equal(english.stderr, 'kpods: unknown flag --bogus (kpods --help lists them)\n');
	const allWins = run(['--bogus'], {LANG: 'pt_BR.UTF-8', LC_ALL: 'C'});
	assert.equal(allWins.stderr, 'kpods: unknown flag --bogus (kpods --help lists them)\n');
});

test('--lang pt-BR --help is the Portuguese help, flags included', () => {
	const help = run(['--lang', 'pt-BR', '--help'], {});
	assert.equal(help.status, 0);
	assert.match(help.stdout, /^ {2}Uso$/m);
	assert.match(help.stdout, /^ {4}-n, --namespace NAME {6}namespace a mostrar/m);
	assert.match(help.stdout, /^ {4}--lang LANG {15}idioma: en ou pt-BR/m);
	assert.doesNotMatch(help.stdout, /keyboard-driven|Usage/);
});

test('a bad --lang is one line and status 2', () => {
	for (const args of [['--lang', 'fr'], ['--lang=klingon', '--help'], ['--lang']]) {
		const result = run(args, {LANG: 'pt_BR.UTF-8'});
		assert.match(result.stderr, /^kpods: --lang must be en or pt-BR, not "[^"]*"\n$/, args.join(' '));
		assert.equal(result.status, 2);
		assert.equal(result.stdout, '');
	}
});
