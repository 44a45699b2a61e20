/** The message catalog and the language kpods speaks: everything else imports from here. */
export {catalogs, formatDate, formatNumber, formatTime, type MessageKey, type MessageParams, t, text} from './catalog.js';
export {
	chooseLanguage,
	currentLanguage,
	type Language,
	type LanguageChoice,
	languageFromEnvironment,
	languageFromLocale,
	languages,
	parseLanguage,
	setLanguage,
} from './language.js';
export type {Message, PluralMessage} from './types.js';
