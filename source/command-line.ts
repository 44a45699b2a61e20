import {flagDefinitions, type FlagDefinition} from './cli-flags.js';

type Definitions = typeof flagDefinitions;
type FlagValue<Definition extends FlagDefinition> = Definition['type'] extends 'boolean'
	? boolean
	: Definition['type'] extends 'number'
		? number | undefined
		: string | undefined;

/** The parsed flags, by their camelCase names (allNamespaces for --all-namespaces). */
export type Flags = {-readonly [Name in keyof Definitions]: FlagValue<Definitions[Name]>};

/** What the command line asks for: the version, a run with these flags and words, or a mistake (the catalog words it). */
export type CommandLine =
	| {kind: 'version'}
	| {kind: 'run'; input: string[]; flags: Flags}
	| {kind: 'error'; problem: 'needsValue' | 'takesNoValue'; flag: string};

const definitions = Object.entries(flagDefinitions) as Array<[keyof Definitions, FlagDefinition]>;
const kebab = (name: string) => name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

// What meow is told: values are read as text (a number is converted here, so `--port abc` is
// NaN and says so) and may come again, the last one kept, as kubectl keeps it.
const meowFlags = Object.fromEntries(
	definitions.map(([name, definition]) => [
		name,
		definition.type === 'boolean'
			? {type: 'boolean' as const, default: definition.default ?? false, ...(definition.shortFlag ? {shortFlag: definition.shortFlag} : {})}
			: {type: 'string' as const, isMultiple: true},
	]),
);

/** Every flag at its default: what an empty command line means. */
function defaults(): Flags {
	return Object.fromEntries(
		definitions.map(([name, definition]) => [name, definition.type === 'boolean' ? (definition.default ?? false) : undefined]),
	) as Flags;
}

/**
 * Parses kpods' arguments with meow. Plain `kpods`, the usual start, has nothing to parse:
 * its flags are the defaults and meow (130 KB of parsers, ~30 ms) is not loaded, so the first
 * list request leaves sooner. Unknown flags and --help are answered before this runs (cli.tsx);
 * here: `--version` alone (as meow has it), and kpods' own one-line problems — a flag with no
 * value (meow gives '' or swallows the next flag), an on/off flag given a value.
 */
export async function parseCommandLine(argv: string[]): Promise<CommandLine> {
	if (argv.length === 0) {
		return {kind: 'run', input: [], flags: defaults()};
	}
	if (argv.length === 1 && argv[0] === '--version') {
		return {kind: 'version'};
	}
	const problem = problemIn(argv);
	if (problem) {
		return problem;
	}
	const {default: meow} = await import('meow');
	const cli = meow({
		importMeta: import.meta,
		argv: valuesJoined(argv),
		pkg: {},
		autoHelp: false,
		autoVersion: false,
		allowUnknownFlags: true,
		flags: meowFlags,
	});
	const flags = {...defaults(), ...pick(cli.flags as Record<string, unknown>)};
	for (const [name, definition] of definitions) {
		// meow drops an empty value; the user wrote one, and the caller says it needs a value.
		if (flags[name] === undefined && givenEmpty(argv, name, definition)) {
			(flags as Record<string, unknown>)[name] = '';
		}
	}
	return {kind: 'run', input: cli.input, flags};
}

/** Only the defined flags, by their camelCase names, the last of a repeated value, numbers as numbers. */
function pick(parsed: Record<string, unknown>): Partial<Flags> {
	return Object.fromEntries(
		definitions.flatMap(([name, definition]) => {
			const value = parsed[name];
			const last = Array.isArray(value) ? value.at(-1) : value;
			if (last === undefined) {
				return [];
			}
			return [[name, definition.type === 'number' ? Number(last) : last]];
		}),
	);
}

/**
 * Every value flag written as `--flag=value`, which meow reads whatever the value looks like:
 * kubectl's `-nkube-system`, `-n -`, `--port -1`.
 */
function valuesJoined(argv: string[]): string[] {
	const ended = argv.indexOf('--');
	const joined: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		const name = ended !== -1 && index >= ended ? undefined : valueFlagOf(argument);
		if (name === undefined) {
			joined.push(argument);
		} else if (argument.startsWith(`--${kebab(name)}=`)) {
			joined.push(argument);
		} else if (argument === `--${kebab(name)}` || argument.length === 2) {
			joined.push(`--${kebab(name)}=${argv[++index] ?? ''}`);
		} else {
			joined.push(`--${kebab(name)}=${argument.slice(2)}`);
		}
	}
	return joined;
}

/** The flag that takes a value an argument starts (`--namespace`, `-n`, `-nNAME`), if any. */
function valueFlagOf(argument: string): string | undefined {
	return definitions.find(
		([name, definition]) =>
			definition.type !== 'boolean' &&
			(argument === `--${kebab(name)}` ||
				argument.startsWith(`--${kebab(name)}=`) ||
				(definition.shortFlag !== undefined && !argument.startsWith('--') && argument.startsWith(`-${definition.shortFlag}`))),
	)?.[0];
}

/** `--namespace=` or `-n ''`: an empty value the user wrote (the caller says it needs one), not a missing one. */
function givenEmpty(argv: string[], name: string, definition: FlagDefinition): boolean {
	const spellings = [`--${kebab(name)}`, ...(definition.shortFlag ? [`-${definition.shortFlag}`] : [])];
	return argv.some((argument, index) => argument === `--${kebab(name)}=` || (spellings.includes(argument) && argv[index + 1] === ''));
}

/**
 * What meow would take silently: a value flag at the end or followed by another flag (meow
 * gives it '' or the flag's name), an on/off flag given `=yes`.
 */
function problemIn(argv: string[]): CommandLine | undefined {
	const ended = argv.indexOf('--');
	const options = ended === -1 ? argv : argv.slice(0, ended);
	for (const [index, argument] of options.entries()) {
		const [written, value] = argument.startsWith('--') ? (argument.split(/=(.*)/s) as [string, string?]) : [argument, undefined];
		const entry = definitions.find(
			([name, definition]) => written === `--${kebab(name)}` || (definition.shortFlag && written === `-${definition.shortFlag}`),
		);
		if (!entry) {
			continue;
		}
		const [name, definition] = entry;
		if (definition.type === 'boolean') {
			if (value !== undefined && value !== 'true' && value !== 'false') {
				return {kind: 'error', problem: 'takesNoValue', flag: `--${kebab(name)}`};
			}
			continue;
		}
		const next = options[index + 1];
		if (value === undefined && (next === undefined || (next.length > 1 && next.startsWith('-')))) {
			return {kind: 'error', problem: 'needsValue', flag: `--${kebab(name)}`};
		}
	}
	return undefined;
}
