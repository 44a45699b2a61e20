/**
 * Every key and `:` command kpods knows, as data: the input router, the help overlay, the
 * footer hints and `:` completion all read this one table, so they cannot drift apart.
 * `mutates` marks the commands that change the cluster; `--readonly` refuses exactly those.
 * The entries live in `*-bindings.ts` by area; their order here is the order help lists them
 * and the order a key is looked up in within one scope.
 */

import {text} from '../i18n/index.js';
import {answerBindings} from './answer-bindings.js';
import type {Binding, Scope} from './binding.js';
import {movementBindings} from './movement-bindings.js';
import {navigationBindings} from './navigation-bindings.js';
import {objectBindings} from './object-bindings.js';

export type {Binding, ColonCommand, CommandId, Pane, Scope} from './binding.js';

const bindings: Binding[] = [...movementBindings, ...objectBindings, ...navigationBindings, ...answerBindings];

/**
 * The listed `:` commands as help shows them.
 * @example colonUsage(keymap) // ':pods :svc :manifests :ns NAME :ctx NAME :history :q'
 */
export function colonUsage(table: readonly Binding[] = keymap): string {
	return table
		.filter(binding => binding.colon && !binding.colon.unlisted)
		.map(binding => `:${binding.colon!.names[0]}${binding.colon!.argument && !binding.colon!.argumentUnlisted ? ' NAME' : ''}`)
		.join(' ');
}

export const keymap: readonly Binding[] = bindings;

/** Help's line for a binding in the current language (`:`'s lists the `:` commands). */
export function bindingDescription(binding: Binding, table: readonly Binding[] = keymap): string {
	return text(binding.description, binding.command === 'command' ? {commands: colonUsage(table)} : {});
}

/** The footer's word for a binding in the current language; undefined for a binding only help shows. */
export function bindingHint(binding: Binding): string | undefined {
	return binding.hint && text(binding.hint);
}

/** The command a key means in the given scopes, searched in order (innermost first). */
export function commandFor(key: string, scopes: readonly Scope[], table: readonly Binding[] = keymap): Binding | undefined {
	for (const scope of scopes) {
		const found = table.find(binding => binding.scopes.includes(scope) && binding.keys.includes(key));
		if (found) {
			return found;
		}
	}

	return undefined;
}

/** The command a word typed after `:` names. */
export function colonCommandFor(word: string, table: readonly Binding[] = keymap): Binding | undefined {
	return table.find(binding => binding.colon?.names.includes(word));
}

/** The bindings help shows for a set of scopes, one line per command, in keymap order. */
export function bindingsFor(scopes: readonly Scope[], table: readonly Binding[] = keymap): Binding[] {
	const seen = new Set<string>();
	const result: Binding[] = [];
	for (const binding of table) {
		if (!binding.scopes.some(scope => scopes.includes(scope))) {
			continue;
		}
		const id = `${binding.command}:${binding.label}`;
		if (seen.has(id)) {
			continue;
		}
		seen.add(id);
		result.push(binding);
	}

	return result;
}

const keyLabels: Record<string, string> = {
	escape: 'Esc',
	enter: 'Enter',
	tab: 'Tab',
	'shift+tab': 'S-Tab',
	up: '↑',
	down: '↓',
	pageup: 'PgUp',
	pagedown: 'PgDn',
};

/**
 * The keys of a binding spelled out for a sentence; a capital letter that repeats a small one is left out.
 * @example keysText(commandFor('n', ['confirm'])!) // 'n / Esc / Enter'
 */
export function keysText(binding: Binding): string {
	return binding.keys
		.filter(key => !(key.length === 1 && key !== key.toLowerCase() && binding.keys.includes(key.toLowerCase())))
		.map(key => keyLabels[key] ?? key.replace(/^ctrl\+/, 'ctrl-'))
		.join(' / ');
}
