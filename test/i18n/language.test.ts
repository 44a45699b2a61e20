// Which language kpods speaks: the locale variables as POSIX reads them, and --lang over them.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {chooseLanguage, type Language, languageFromEnvironment, parseLanguage} from '../../source/i18n/index.js';

test('the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty decides', () => {
	const cases: Array<[NodeJS.ProcessEnv, Language]> = [
		[{}, 'en'],
		[{LANG: 'pt_BR.UTF-8'}, 'pt-BR'],
		[{LANG: 'pt_BR'}, 'pt-BR'],
		[{LANG: 'pt'}, 'pt-BR'],
		[{LANG: 'pt_PT.UTF-8'}, 'pt-BR'],
		[{LANG: 'pt_BR@euro'}, 'pt-BR'],
		[{LANG: 'PT_br.utf8'}, 'pt-BR'],
		[{LANG: 'en_US.UTF-8'}, 'en'],
		[{LANG: 'C'}, 'en'],
		[{LANG: 'POSIX'}, 'en'],
		[{LANG: 'C.UTF-8'}, 'en'],
		[{LANG: 'de_DE.UTF-8'}, 'en'],
		// Not Portuguese, though it starts with the letters.
		[{LANG: 'pta'}, 'en'],
		[{LANG: 'en_US.UTF-8', LC_MESSAGES: 'pt_BR.UTF-8'}, 'pt-BR'],
		[{LANG: 'pt_BR.UTF-8', LC_MESSAGES: 'C'}, 'en'],
		[{LANG: 'pt_BR.UTF-8', LC_MESSAGES: 'pt_BR.UTF-8', LC_ALL: 'C'}, 'en'],
		[{LANG: 'en_US.UTF-8', LC_ALL: 'pt_BR.UTF-8'}, 'pt-BR'],
		// Set but empty is as if unset.
		[{LANG: 'pt_BR.UTF-8', LC_ALL: '', LC_MESSAGES: ''}, 'pt-BR'],
		[{LANG: '', LC_ALL: ''}, 'en'],
	];
	for (const [env, expected] of cases) {
		assert.equal(languageFromEnvironment(env), expected, JSON.stringify(env));
	}
});

test('--lang takes en or pt-BR and overrides the environment; anything else is refused', () => {
	const portuguese = {LANG: 'pt_BR.UTF-8'};
	assert.deepEqual(chooseLanguage([], portuguese), {kind: 'ok', language: 'pt-BR'});
	assert.deepEqual(chooseLanguage(['--lang', 'en'], portuguese), {kind: 'ok', language: 'en'});
	assert.deepEqual(chooseLanguage(['-n', 'x', '--lang=pt-BR'], {LANG: 'C'}), {kind: 'ok', language: 'pt-BR'});
	assert.deepEqual(chooseLanguage(['--lang', 'en', '--lang', 'pt-BR'], {}), {kind: 'ok', language: 'pt-BR'});
	assert.deepEqual(chooseLanguage(['--lang', 'fr'], {}), {kind: 'invalid', value: 'fr'});
	assert.deepEqual(chooseLanguage(['--lang'], {}), {kind: 'invalid', value: ''});
	// After -- nothing is a flag.
	assert.deepEqual(chooseLanguage(['--', '--lang', 'pt-BR'], {}), {kind: 'ok', language: 'en'});
	assert.equal(parseLanguage('PT-br'), 'pt-BR');
	assert.equal(parseLanguage('pt_BR'), 'pt-BR');
	assert.equal(parseLanguage('EN'), 'en');
	assert.equal(parseLanguage('pt'), undefined);
});
