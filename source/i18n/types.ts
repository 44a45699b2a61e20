/**
 * The catalog's types: a message is a string with `{name}` placeholders, or a plural message
 * chosen by `Intl.PluralRules` on its `count`. The placeholders are read from the English text's
 * literal type, so `t()` checks its params and a translation must use exactly the same ones.
 */

/** A message that depends on a number: one text per CLDR plural category (`other` always), and `zero` for exactly 0. */
export interface PluralMessage {
	readonly zero?: string;
	readonly one?: string;
	readonly two?: string;
	readonly few?: string;
	readonly many?: string;
	readonly other: string;
}

/** One entry of the catalog. */
export type Message = string | PluralMessage;

/** The `{name}` placeholders of a text, as a union of names. */
export type PlaceholdersOf<Text> = Text extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersOf<Rest> : never;

/** A message's placeholders; a plural message always has `count`. */
export type MessagePlaceholders<Entry> = Entry extends string
	? PlaceholdersOf<Entry>
	: Entry extends PluralMessage
		? 'count' | PlaceholdersOf<Entry[keyof Entry]>
		: never;

/** The params a message takes: `count` is a number, the rest text or numbers. */
export type ParamsFor<Entry> = {[Name in MessagePlaceholders<Entry>]: Name extends 'count' ? number : string | number};

/** What a translation of a catalog must be: the same keys, a text for a text and a plural for a plural. */
export type Translation<Source> = {[Key in keyof Source]: Source[Key] extends string ? string : PluralMessage};

/** The keys whose placeholders differ between a catalog and its translation (never when they all agree). */
export type MismatchedPlaceholders<Source, Translated> = {
	[Key in keyof Source & keyof Translated]: [MessagePlaceholders<Source[Key]>] extends [MessagePlaceholders<Translated[Key]>]
		? [MessagePlaceholders<Translated[Key]>] extends [MessagePlaceholders<Source[Key]>]
			? never
			: Key
		: Key;
}[keyof Source & keyof Translated];

/** Compiles only when Keys is never: how the catalog makes tsc name a key whose translation is off. */
export type NoneOf<Keys extends never> = Keys;
