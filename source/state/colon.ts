import {colonCommandFor, keymap, type Binding} from '../keys/keymap.js';

/** Names the `:` line completes arguments from, once loaded. */
export type ColonNames = Partial<Record<'namespace' | 'context', readonly string[]>>;

/** A `:` line read as a command word and its argument. */
export interface ColonLine {
	word: string;
	argument?: string;
}

/**
 * Reads what the user typed after `:` (a leading `:` typed again is ignored).
 * @example parseColon('ns  demo') // {word: 'ns', argument: 'demo'}
 */
export function parseColon(line: string): ColonLine {
	const [word = '', argument] = line.replace(/^:/, '').trim().split(/\s+/);
	return argument === undefined ? {word} : {word, argument};
}

export interface Completion {
	/** What the word being typed is. */
	of: 'command' | 'namespace' | 'context';
	/** The line after Tab: the longest text every candidate starts with. */
	line: string;
	/** What the word being typed may become (command names, or the argument's names). */
	candidates: string[];
	/** The argument's names are needed and not loaded yet. */
	needs?: 'namespace' | 'context';
}

/**
 * Tab on a `:` line, like a shell's: the command word from the keymap's `:` names, then a
 * namespace or context where the command takes one. A single candidate is taken whole
 * (with a space when an argument follows); several complete to what they share.
 * @example completeColon('na', {}).line // 'namespace '
 */
export function completeColon(line: string, names: ColonNames, table: readonly Binding[] = keymap): Completion {
	const text = line.replace(/^:/, '').trimStart();
	const space = text.search(/\s/);
	if (space === -1) {
		const candidates = commandNames(text, table);
		const single = candidates.length === 1 && colonCommandFor(candidates[0]!, table)?.colon?.argument;
		return {of: 'command', line: extend(text, candidates) + (single ? ' ' : ''), candidates};
	}

	const word = text.slice(0, space);
	const argument = colonCommandFor(word, table)?.colon?.argument;
	if (!argument) {
		return {of: 'command', line, candidates: []};
	}
	const known = names[argument];
	if (!known) {
		return {of: argument, line, candidates: [], needs: argument};
	}
	const typed = text.slice(space).trimStart();
	const candidates = known.filter(name => name.startsWith(typed));
	return {of: argument, line: `${word} ${extend(typed, candidates)}`, candidates};
}

/** For each `:` command, the first of its names that starts with the prefix; unlisted ones only once something is typed. */
function commandNames(prefix: string, table: readonly Binding[]): string[] {
	return table.flatMap(binding => {
		if (!binding.colon || (binding.colon.unlisted && prefix === '')) {
			return [];
		}
		const name = binding.colon.names.find(each => each.startsWith(prefix));
		return name === undefined ? [] : [name];
	});
}

/** The prefix grown to the longest text every candidate starts with. */
function extend(prefix: string, candidates: readonly string[]): string {
	if (candidates.length === 0) {
		return prefix;
	}
	let shared = candidates[0]!;
	for (const candidate of candidates) {
		while (!candidate.startsWith(shared)) {
			shared = shared.slice(0, -1);
		}
	}

	return shared.length > prefix.length ? shared : prefix;
}
