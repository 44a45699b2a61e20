import {parseArgs} from 'node:util';
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

const kebab = (name: string) => name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

/**
 * Parses kpods' arguments with Node's own `util.parseArgs` (meow, with its 130 KB of parsers,
 * was a third of the time before the first list request). Unknown flags and --help are
 * answered before this runs (cli.tsx); here: `--version` alone (as meow had it), `--no-FLAG`
 * for a boolean, `-nNAME`, an empty value kept as '' for the caller's "needs a value".
 */
export function parseCommandLine(argv: string[]): CommandLine {
	if (argv.length === 1 && argv[0] === '--version') {
		return {kind: 'version'};
	}
	const definitions = Object.entries(flagDefinitions) as Array<[keyof Definitions, FlagDefinition]>;
	const byFlag = new Map(definitions.map(([name, definition]) => [kebab(name), {name, definition}]));
	const options = Object.fromEntries(
		definitions.map(([name, definition]) => [
			kebab(name),
			{type: definition.type === 'boolean' ? 'boolean' : 'string', ...(definition.shortFlag ? {short: definition.shortFlag} : {})},
		]),
	) as Record<string, {type: 'boolean' | 'string'; short?: string}>;
	const {tokens} = parseArgs({args: argv, options, strict: false, allowPositionals: true, tokens: true});

	const flags: Record<string, unknown> = Object.fromEntries(
		definitions.map(([name, definition]) => [name, definition.type === 'boolean' ? (definition.default ?? false) : undefined]),
	);
	const input: string[] = [];
	for (const token of tokens) {
		if (token.kind === 'positional') {
			input.push(token.value);
			continue;
		}
		if (token.kind !== 'option') {
			continue;
		}
		const negated = token.name.startsWith('no-') ? byFlag.get(token.name.slice(3)) : undefined;
		if (negated?.definition.type === 'boolean' && token.value === undefined) {
			flags[negated.name] = false;
			continue;
		}
		const flag = byFlag.get(token.name);
		if (!flag) {
			// --help or --version beside other arguments: ignored, as meow did.
			continue;
		}
		const written = `--${token.name}`;
		if (flag.definition.type === 'boolean') {
			if (token.value !== undefined && token.value !== 'true' && token.value !== 'false') {
				return {kind: 'error', problem: 'takesNoValue', flag: written};
			}
			flags[flag.name] = token.value !== 'false';
			continue;
		}
		// At the end, or followed by another flag (which parseArgs takes as the value): no value.
		if (token.value === undefined || (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-'))) {
			return {kind: 'error', problem: 'needsValue', flag: written};
		}
		flags[flag.name] = flag.definition.type === 'number' ? Number(token.value) : token.value;
	}
	return {kind: 'run', input, flags: flags as Flags};
}
