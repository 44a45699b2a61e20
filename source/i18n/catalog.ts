/**
 * The catalog: every message kpods writes itself, in each language, and `t()` to read one in the
 * current language. Hand-written over Intl rather than a library (i18next, formatjs): the catalog is
 * a typed object, so tsc checks keys and params, and nothing is loaded or parsed at start-up.
 */
import {currentLanguage, type Language} from './language.js';
import {en} from './messages/en.js';
import {ptBR} from './messages/pt-BR.js';
import {tutorialEn} from './messages/tutorial.en.js';
import {tutorialPtBR} from './messages/tutorial.pt-BR.js';
import type {Message, MismatchedPlaceholders, NoneOf, ParamsFor, PluralMessage, Translation} from './types.js';

const english = {...en, ...tutorialEn};
const portuguese = {...ptBR, ...tutorialPtBR} satisfies Translation<typeof english>;

type English = typeof english;

/** tsc names here any key whose Portuguese uses other placeholders than the English. */
export type PlaceholdersAgree = NoneOf<MismatchedPlaceholders<English, typeof portuguese>>;
/** tsc names here any key only the Portuguese has (the spread above would hide it from `satisfies`). */
export type NoExtraKeys = NoneOf<Exclude<keyof typeof portuguese, keyof English>>;

/** Every message's key. */
export type MessageKey = keyof English;

/** The params message `Key` needs (an empty object when it has no placeholders). */
export type MessageParams<Key extends MessageKey> = ParamsFor<English[Key]>;

/** Each language's messages, by key. */
export const catalogs: Record<Language, Record<MessageKey, Message>> = {en: english, 'pt-BR': portuguese};

const pluralRules = new Map<Language, Intl.PluralRules>();
const numberFormats = new Map<Language, Intl.NumberFormat>();

// Intl.NumberFormat and Intl.PluralRules each load ICU locale data into memory (4.4 MB of resident
// pages together at 7 pods: bench/rss.ts). Every number kpods writes in a message is a whole count,
// and for those both languages' rules are short: they are applied here (test/i18n/catalog.test.ts
// checks them against Intl), and Intl is asked only for the rest (decimals, options).
const groupSeparators: Record<Language, string> = {en: ',', 'pt-BR': '.'};

/** CLDR's cardinal plural category of a whole, non-negative count in `language`. */
function wholePlural(count: number, language: Language): Intl.LDMLPluralRule {
	if (language === 'en') {
		return count === 1 ? 'one' : 'other';
	}
	// Portuguese: 0 and 1 are "one"; whole millions are "many" (1 milhão de objetos).
	if (count <= 1) {
		return 'one';
	}
	return count % 1_000_000 === 0 ? 'many' : 'other';
}

/** The plural category (CLDR's, as Intl.PluralRules picks it) of `count` in `language`. */
export function pluralCategory(count: number, language: Language): Intl.LDMLPluralRule {
	if (Number.isSafeInteger(count) && count >= 0) {
		return wholePlural(count, language);
	}
	let rules = pluralRules.get(language);
	if (!rules) {
		rules = new Intl.PluralRules(language);
		pluralRules.set(language, rules);
	}
	return rules.select(count);
}

/** A number written the language's way (`1,234.5` / `1.234,5`); `options` for a fixed number of decimals. */
export function formatNumber(value: number, language: Language = currentLanguage(), options?: Intl.NumberFormatOptions): string {
	if (options) {
		return new Intl.NumberFormat(language, options).format(value);
	}
	if (Number.isSafeInteger(value) && !Object.is(value, -0)) {
		// Groups of three digits from the right, as Intl writes them for both languages.
		return String(value).replace(/\B(?=(\d{3})+$)/g, groupSeparators[language]);
	}
	let format = numberFormats.get(language);
	if (!format) {
		format = new Intl.NumberFormat(language);
		numberFormats.set(language, format);
	}
	return format.format(value);
}

/** A date and time written the language's way, in the local time zone. */
export function formatDate(date: Date, language: Language = currentLanguage()): string {
	return new Intl.DateTimeFormat(language, {dateStyle: 'medium', timeStyle: 'medium'}).format(date);
}

/** A time of day, 24-hour with seconds (`14:05:09`), as the language writes it. */
export function formatTime(date: Date, language: Language = currentLanguage()): string {
	return new Intl.DateTimeFormat(language, {hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'}).format(date);
}

function pluralText(message: PluralMessage, count: number, language: Language): string {
	if (count === 0 && message.zero !== undefined) {
		return message.zero;
	}
	return message[pluralCategory(count, language)] ?? message.other;
}

type ParamValues = Record<string, string | number>;

/**
 * The message `key` in the current language with its `{name}` placeholders filled. Numbers are
 * written the language's way (grouped, decimal comma in Portuguese): pass ports, names and other
 * identifiers as strings.
 */
export function t<Key extends MessageKey>(key: Key, ...params: keyof MessageParams<Key> extends never ? [] : [MessageParams<Key>]): string {
	return text(key, (params[0] ?? {}) as ParamValues);
}

/** A message whose key is data (a binding's help line, a pane's title): its params are not checked, so prefer `t()`. */
export function text(key: MessageKey, params: ParamValues = {}): string {
	const language = currentLanguage();
	const message = catalogs[language][key];
	return fill(typeof message === 'string' ? message : pluralText(message, Number(params.count), language), params, language);
}

function fill(text: string, values: ParamValues, language: Language): string {
	if (!text.includes('{')) {
		return text;
	}
	return text.replaceAll(/\{(\w+)\}/g, (whole, name: string) => {
		const value = values[name];
		if (value === undefined) {
			return whole;
		}
		return typeof value === 'number' ? formatNumber(value, language) : value;
	});
}
