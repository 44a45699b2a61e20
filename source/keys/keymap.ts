/**
 * Every key and `:` command kpods knows, as data: the input router, the help overlay, the
 * footer hints and `:` completion all read this one table, so they cannot drift apart.
 * `mutates` marks the commands that change the cluster; `--readonly` refuses exactly those.
 */

import {paneTable, type Pane} from './panes.js';

export type {Pane} from './panes.js';

/** Where a binding applies: a pane, any pane (`global`), an overlay on top of the panes, or the no-cluster screen. */
export type Scope =
	| Pane
	| 'global'
	| 'list'
	| 'detail'
	| 'help'
	| 'history'
	| 'confirm'
	| 'applyPreview'
	| 'prompt'
	| 'command'
	| 'picker'
	| 'noCluster'
	| 'logs'
	| 'forwards';

export type CommandId =
	| 'up'
	| 'down'
	| 'pageUp'
	| 'pageDown'
	| 'top'
	| 'bottom'
	| 'filter'
	| 'back'
	| 'detail'
	| 'help'
	| 'history'
	| 'command'
	| 'complete'
	| 'namespace'
	| 'allNamespaces'
	| 'context'
	| 'run'
	| 'delete'
	| 'apply'
	| 'applyAll'
	| 'previewUp'
	| 'previewDown'
	| `pane.${Pane}`
	| 'pane.next'
	| 'pane.previous'
	| 'confirm'
	| 'cancel'
	| 'submit'
	| 'nextField'
	| 'logs'
	| 'yaml'
	| 'edit'
	| 'jump'
	| 'previousInstance'
	| 'timestamps'
	| 'wrap'
	| 'search'
	| 'nextMatch'
	| 'previousMatch'
	| 'follow'
	| 'portForward'
	| 'forwards'
	| 'stopForward'
	| 'shell'
	| 'sandbox'
	| 'quit';

/** How a command is typed after `:`. */
export interface ColonCommand {
	/** The words that name it; the first is the one help and completion show. */
	names: readonly string[];
	/** The word it takes after the name (Tab completes it from the cluster's names). */
	argument?: 'namespace' | 'context';
	/** Another spelling of a listed command: it works, but lists leave it out. */
	unlisted?: boolean;
}

export interface Binding {
	command: CommandId;
	/** Normalised key names (see `source/keys/key-name.ts`): 'j', 'G', 'up', 'ctrl+d', 'enter'. None: a `:` command only. */
	keys: string[];
	/** How help shows the keys. */
	label: string;
	description: string;
	scopes: Scope[];
	mutates?: boolean;
	/** A word or two for the footer; bindings without one are only in help. */
	hint?: string;
	/** The command is also typed as `:name`. */
	colon?: ColonCommand;
}

const movement: Binding[] = [
	{
		command: 'up',
		keys: ['up', 'k'],
		label: '↑ k',
		description: 'move up',
		scopes: ['list', 'detail', 'help', 'history', 'picker', 'logs', 'forwards'],
		hint: 'move',
	},
	{
		command: 'down',
		keys: ['down', 'j'],
		label: '↓ j',
		description: 'move down',
		scopes: ['list', 'detail', 'help', 'history', 'picker', 'logs', 'forwards'],
	},
	{
		command: 'pageUp',
		keys: ['pageup'],
		label: 'PgUp',
		description: 'page up',
		scopes: ['list', 'detail', 'help', 'history', 'picker', 'logs', 'forwards'],
	},
	{
		command: 'pageDown',
		keys: ['pagedown'],
		label: 'PgDn',
		description: 'page down',
		scopes: ['list', 'detail', 'help', 'history', 'picker', 'logs', 'forwards'],
	},
	{
		command: 'top',
		keys: ['g', 'home'],
		label: 'g',
		description: 'go to the top',
		scopes: ['list', 'detail', 'help', 'history', 'picker', 'logs', 'forwards'],
	},
	{
		command: 'bottom',
		keys: ['G', 'end'],
		label: 'G',
		description: 'go to the bottom',
		scopes: ['list', 'detail', 'help', 'history', 'picker', 'logs', 'forwards'],
	},
];

const paneBindings: Binding[] = paneTable.map(pane => ({
	command: `pane.${pane.id}`,
	keys: [pane.key],
	label: pane.key,
	description: pane.description,
	scopes: ['global'],
	colon: {names: pane.colon},
}));

const bindings: Binding[] = [
	...movement,
	{
		command: 'detail',
		keys: ['enter'],
		label: 'Enter',
		description: 'details (like kubectl describe)',
		scopes: ['pods', 'services'],
		hint: 'details',
	},
	{
		command: 'jump',
		keys: ['enter'],
		label: 'Enter',
		description: "go to the event's object (its pod or service)",
		scopes: ['events'],
		hint: 'go to object',
	},
	{
		command: 'logs',
		keys: ['l'],
		label: 'l',
		description: 'logs, followed (kubectl logs -f --tail=100; a service: its pods, prefixed)',
		scopes: ['pods', 'services', 'detail'],
		hint: 'logs',
	},
	{
		command: 'yaml',
		keys: ['y'],
		label: 'y',
		description: 'YAML (kubectl get -o yaml); in the detail, y switches describe ⇄ YAML',
		scopes: ['pods', 'services', 'detail'],
	},
	{
		command: 'edit',
		keys: ['e'],
		label: 'e',
		description: 'edit in $EDITOR (kubectl edit)',
		scopes: ['pods', 'services', 'detail'],
		mutates: true,
	},
	{
		command: 'shell',
		keys: ['s'],
		label: 's',
		description: 'shell in the pod (kubectl exec -it POD -c CONTAINER -- bash, else sh)',
		scopes: ['pods', 'detail'],
		mutates: true,
		hint: 'shell',
	},
	{
		command: 'portForward',
		keys: ['F'],
		label: 'F',
		description: 'port-forward to 127.0.0.1 (kubectl port-forward; a service: a ready pod behind it)',
		scopes: ['pods', 'services', 'detail'],
	},
	{
		command: 'stopForward',
		keys: ['ctrl+d'],
		label: 'ctrl-d',
		description: 'stop the selected port-forward',
		scopes: ['forwards'],
		hint: 'stop',
	},
	{command: 'follow', keys: ['f'], label: 'f End', description: 'follow: show new lines as they come', scopes: ['logs'], hint: 'follow'},
	{
		command: 'previousInstance',
		keys: ['p'],
		label: 'p',
		description: 'the previous instance (kubectl logs -p) ⇄ the current one',
		scopes: ['logs'],
		hint: 'previous',
	},
	{command: 'timestamps', keys: ['t'], label: 't', description: 'timestamps on/off', scopes: ['logs'], hint: 'timestamps'},
	{command: 'wrap', keys: ['w'], label: 'w', description: 'wrap long lines on/off', scopes: ['logs'], hint: 'wrap'},
	{
		command: 'search',
		keys: ['/'],
		label: '/',
		description: 'search (highlighted; n next, N previous)',
		scopes: ['logs', 'detail'],
		hint: 'search',
	},
	{command: 'nextMatch', keys: ['n'], label: 'n', description: 'next match', scopes: ['logs', 'detail']},
	{command: 'previousMatch', keys: ['N'], label: 'N', description: 'previous match', scopes: ['logs', 'detail']},
	{
		command: 'filter',
		keys: ['/'],
		label: '/',
		description: 'filter by text, or -l key=value',
		scopes: ['pods', 'services', 'events'],
		hint: 'filter',
	},
	{
		command: 'back',
		keys: ['escape'],
		label: 'Esc',
		description: 'clear the filter or search / back',
		scopes: ['global', 'detail', 'help', 'history', 'picker', 'logs', 'forwards'],
	},
	{
		command: 'delete',
		keys: ['ctrl+d'],
		label: 'ctrl-d',
		description: 'delete the selected object (asks first)',
		scopes: ['pods', 'services', 'detail'],
		mutates: true,
		hint: 'delete',
	},
	{
		command: 'run',
		keys: ['r'],
		label: 'r',
		description: 'run a pod (kubectl run NAME --image=IMAGE)',
		scopes: ['global'],
		mutates: true,
		hint: 'run',
	},
	{
		command: 'apply',
		keys: ['a'],
		label: 'a',
		description: 'apply the selected manifest (shows a dry run first, asks)',
		scopes: ['manifests'],
		mutates: true,
		hint: 'apply',
	},
	{
		command: 'applyAll',
		keys: ['A'],
		label: 'A',
		description: 'apply all, in tutorial order (services before pods; asks first)',
		scopes: ['manifests'],
		mutates: true,
		hint: 'apply all',
	},
	{command: 'previewDown', keys: ['J'], label: 'J', description: 'scroll the YAML preview down', scopes: ['manifests'], hint: 'scroll'},
	{command: 'previewUp', keys: ['K'], label: 'K', description: 'scroll the YAML preview up', scopes: ['manifests']},
	...paneBindings,
	{command: 'pane.next', keys: ['tab'], label: 'Tab', description: 'next pane', scopes: ['global']},
	{command: 'pane.previous', keys: ['shift+tab'], label: 'S-Tab', description: 'previous pane', scopes: ['global']},
	// The description is filled in below, from the `:` commands of this table.
	{command: 'command', keys: [':'], label: ':', description: 'command', scopes: ['global']},
	{
		command: 'namespace',
		keys: ['n'],
		label: 'n',
		description: 'pick the namespace',
		scopes: ['global'],
		hint: 'namespace',
		colon: {names: ['ns', 'namespace'], argument: 'namespace'},
	},
	{
		command: 'allNamespaces',
		keys: [],
		label: '',
		description: 'show every namespace',
		scopes: [],
		colon: {names: ['all', '-A'], unlisted: true},
	},
	{
		command: 'context',
		keys: [],
		label: '',
		description: 'pick the kubeconfig context',
		scopes: [],
		colon: {names: ['ctx', 'context'], argument: 'context'},
	},
	{
		command: 'forwards',
		keys: [],
		label: '',
		description: 'the active port-forwards (ctrl-d stops one)',
		scopes: [],
		colon: {names: ['pf', 'portforwards', 'port-forwards']},
	},
	{
		command: 'history',
		keys: ['h'],
		label: 'h',
		description: 'history: every action and its kubectl command',
		scopes: ['global', 'history'],
		hint: 'history',
		colon: {names: ['history']},
	},
	{
		command: 'help',
		keys: ['?'],
		label: '?',
		description: 'help',
		scopes: ['global', 'help'],
		hint: 'help',
		colon: {names: ['help'], unlisted: true},
	},
	{
		command: 'sandbox',
		keys: ['s'],
		label: 's',
		description: 'start the built-in sandbox cluster',
		scopes: ['noCluster'],
		hint: 'start the sandbox',
	},
	{
		command: 'quit',
		keys: ['q', 'ctrl+c'],
		label: 'q',
		description: 'quit',
		scopes: ['global', 'noCluster'],
		hint: 'quit',
		colon: {names: ['q', 'quit']},
	},
	{
		command: 'quit',
		keys: ['ctrl+c'],
		label: 'ctrl-c',
		description: 'quit',
		scopes: ['detail', 'help', 'history', 'confirm', 'applyPreview', 'prompt', 'picker', 'logs', 'forwards'],
	},
	{command: 'back', keys: ['q'], label: 'q', description: 'back', scopes: ['detail', 'help', 'history', 'logs', 'forwards'], hint: 'back'},
	{command: 'confirm', keys: ['y', 'Y'], label: 'y', description: 'yes, do it', scopes: ['confirm', 'applyPreview'], hint: 'yes'},
	{
		command: 'cancel',
		keys: ['n', 'N', 'escape', 'enter'],
		label: 'n Esc',
		description: 'no (the default)',
		scopes: ['confirm', 'applyPreview'],
		hint: 'no',
	},
	{
		command: 'complete',
		keys: ['tab'],
		label: 'Tab',
		description: 'complete the command, namespace or context',
		scopes: ['command'],
		hint: 'complete',
	},
	{command: 'nextField', keys: ['tab', 'shift+tab'], label: 'Tab', description: 'next field', scopes: ['prompt'], hint: 'next field'},
	{command: 'submit', keys: ['enter'], label: 'Enter', description: 'accept', scopes: ['prompt', 'picker'], hint: 'accept'},
	{command: 'cancel', keys: ['escape'], label: 'Esc', description: 'cancel', scopes: ['prompt'], hint: 'cancel'},
];

/**
 * The listed `:` commands as help shows them.
 * @example colonUsage(keymap) // ':pods :svc :manifests :ns NAME :ctx NAME :history :q'
 */
export function colonUsage(table: readonly Binding[] = keymap): string {
	return table
		.filter(binding => binding.colon && !binding.colon.unlisted)
		.map(binding => `:${binding.colon!.names[0]}${binding.colon!.argument ? ' NAME' : ''}`)
		.join(' ');
}

export const keymap: readonly Binding[] = bindings.map(binding =>
	binding.command === 'command' ? {...binding, description: `command: ${colonUsage(bindings)}`} : binding,
);

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
