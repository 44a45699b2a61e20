/**
 * Which language kpods speaks: chosen once at start-up (the --lang flag, else the POSIX locale
 * variables) and read by the catalog on every message.
 */

/** The languages kpods' catalog has. */
export type Language = 'en' | 'pt-BR';

/** Every language, in the order --help names them. */
export const languages: readonly Language[] = ['en', 'pt-BR'];

/** A locale name (`pt_BR.UTF-8`, `pt`, `pt_PT@euro`, `C`) → the catalog's language for it. */
export function languageFromLocale(locale: string): Language {
	// Portuguese of any country gets the Brazilian catalog: it is the only Portuguese there is.
	return /^pt(?:[_.@-]|$)/i.test(locale) ? 'pt-BR' : 'en';
}

/**
 * The language the locale variables ask for: the first of LC_ALL, LC_MESSAGES, LANG that is set and
 * not empty decides, as POSIX resolves the messages category; none set → English.
 */
export function languageFromEnvironment(env: NodeJS.ProcessEnv): Language {
	for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
		const value = env[name];
		if (value) {
			return languageFromLocale(value);
		}
	}
	return 'en';
}

/** The value of `--lang` as a language (`en`, `pt-BR`, any case, `_` for `-`); undefined when it is neither. */
export function parseLanguage(value: string): Language | undefined {
	const wanted = value.replace('_', '-').toLowerCase();
	return languages.find(language => language.toLowerCase() === wanted);
}

/** What the command line and the environment choose: a language, or the one line for a bad `--lang`. */
export type LanguageChoice = {kind: 'ok'; language: Language} | {kind: 'invalid'; value: string};

/**
 * `--lang X` / `--lang=X` in the arguments (the last one wins, as meow reads it), else the environment.
 * Read before meow so that `--help` is already in the chosen language.
 */
export function chooseLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): LanguageChoice {
	let asked: string | undefined;
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		if (argument === '--') {
			break;
		}
		if (argument === '--lang') {
			asked = argv[index + 1] ?? '';
			index++;
		} else if (argument.startsWith('--lang=')) {
			asked = argument.slice('--lang='.length);
		}
	}
	if (asked === undefined) {
		return {kind: 'ok', language: languageFromEnvironment(env)};
	}
	const language = parseLanguage(asked);
	return language ? {kind: 'ok', language} : {kind: 'invalid', value: asked};
}

let current: Language = 'en';

/** Sets the language of every message from now on: once at start-up before the first frame (tests: per test). */
export function setLanguage(language: Language): void {
	current = language;
}

/** The language messages are in now. */
export function currentLanguage(): Language {
	return current;
}
