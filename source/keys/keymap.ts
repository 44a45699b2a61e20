/**
 * Every key kpods knows, as data: the input router, the help overlay and the footer
 * hints all read this one table, so they cannot drift apart. `mutates` marks the
 * commands that change the cluster; `--readonly` refuses exactly those.
 */

export type Pane = 'pods' | 'services' | 'manifests';

/** Where a binding applies: a pane, any pane (`global`), or an overlay on top of the panes. */
export type Scope = Pane | 'global' | 'list' | 'detail' | 'help' | 'history' | 'confirm' | 'prompt' | 'picker';

export type CommandId =
	| 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom'
	| 'filter' | 'back' | 'detail' | 'help' | 'history' | 'command'
	| 'namespace' | 'run' | 'delete' | 'apply' | 'applyAll'
	| 'previewUp' | 'previewDown'
	| 'pane.pods' | 'pane.services' | 'pane.manifests' | 'pane.next' | 'pane.previous'
	| 'confirm' | 'cancel' | 'submit' | 'nextField'
	| 'quit';

export interface Binding {
	command: CommandId;
	/** Normalised key names (see `source/keys/key-name.ts`): 'j', 'G', 'up', 'ctrl+d', 'enter'. */
	keys: string[];
	/** How help shows the keys. */
	label: string;
	description: string;
	scopes: Scope[];
	mutates?: boolean;
	/** A word or two for the footer; bindings without one are only in help. */
	hint?: string;
}

const movement: Binding[] = [
	{command: 'up', keys: ['up', 'k'], label: '↑ k', description: 'move up', scopes: ['list', 'detail', 'help', 'history', 'picker'], hint: 'move'},
	{command: 'down', keys: ['down', 'j'], label: '↓ j', description: 'move down', scopes: ['list', 'detail', 'help', 'history', 'picker']},
	{command: 'pageUp', keys: ['pageup'], label: 'PgUp', description: 'page up', scopes: ['list', 'detail', 'help', 'history', 'picker']},
	{command: 'pageDown', keys: ['pagedown'], label: 'PgDn', description: 'page down', scopes: ['list', 'detail', 'help', 'history', 'picker']},
	{command: 'top', keys: ['g', 'home'], label: 'g', description: 'go to the top', scopes: ['list', 'detail', 'help', 'history', 'picker']},
	{command: 'bottom', keys: ['G', 'end'], label: 'G', description: 'go to the bottom', scopes: ['list', 'detail', 'help', 'history', 'picker']},
];

export const keymap: readonly Binding[] = [
	...movement,
	{command: 'detail', keys: ['enter'], label: 'Enter', description: 'details (like kubectl describe)', scopes: ['pods', 'services'], hint: 'details'},
	{command: 'filter', keys: ['/'], label: '/', description: 'filter by text, or -l key=value', scopes: ['pods', 'services'], hint: 'filter'},
	{command: 'back', keys: ['escape'], label: 'Esc', description: 'clear the filter / back', scopes: ['global', 'detail', 'help', 'history', 'picker']},
	{command: 'delete', keys: ['ctrl+d'], label: 'ctrl-d', description: 'delete the selected object (asks first)', scopes: ['pods', 'services', 'detail'], mutates: true, hint: 'delete'},
	{command: 'run', keys: ['r'], label: 'r', description: 'run a pod (kubectl run NAME --image=IMAGE)', scopes: ['global'], mutates: true, hint: 'run'},
	{command: 'apply', keys: ['a'], label: 'a', description: 'apply the selected manifest', scopes: ['manifests'], mutates: true, hint: 'apply'},
	{command: 'applyAll', keys: ['A'], label: 'A', description: 'apply all, in tutorial order (services before pods)', scopes: ['manifests'], mutates: true, hint: 'apply all'},
	{command: 'previewDown', keys: ['J'], label: 'J', description: 'scroll the YAML preview down', scopes: ['manifests'], hint: 'scroll'},
	{command: 'previewUp', keys: ['K'], label: 'K', description: 'scroll the YAML preview up', scopes: ['manifests']},
	{command: 'pane.pods', keys: ['1'], label: '1', description: 'pods', scopes: ['global']},
	{command: 'pane.services', keys: ['2'], label: '2', description: 'services and endpoints', scopes: ['global']},
	{command: 'pane.manifests', keys: ['3'], label: '3', description: 'manifests', scopes: ['global']},
	{command: 'pane.next', keys: ['tab'], label: 'Tab', description: 'next pane', scopes: ['global']},
	{command: 'pane.previous', keys: ['shift+tab'], label: 'S-Tab', description: 'previous pane', scopes: ['global']},
	{command: 'command', keys: [':'], label: ':', description: 'command: :pods :svc :manifests :ns NAME :ctx NAME :history :q', scopes: ['global']},
	{command: 'namespace', keys: ['n'], label: 'n', description: 'pick the namespace', scopes: ['global'], hint: 'namespace'},
	{command: 'history', keys: ['h'], label: 'h', description: 'history: every action and its kubectl command', scopes: ['global', 'history'], hint: 'history'},
	{command: 'help', keys: ['?'], label: '?', description: 'help', scopes: ['global', 'help'], hint: 'help'},
	{command: 'quit', keys: ['q', 'ctrl+c'], label: 'q', description: 'quit', scopes: ['global'], hint: 'quit'},
	{command: 'quit', keys: ['ctrl+c'], label: 'ctrl-c', description: 'quit', scopes: ['detail', 'help', 'history', 'confirm', 'prompt', 'picker']},
	{command: 'back', keys: ['q'], label: 'q', description: 'back', scopes: ['detail', 'help', 'history'], hint: 'back'},
	{command: 'confirm', keys: ['y', 'Y'], label: 'y', description: 'yes, do it', scopes: ['confirm'], hint: 'yes'},
	{command: 'cancel', keys: ['n', 'N', 'escape', 'enter'], label: 'n Esc', description: 'no (the default)', scopes: ['confirm'], hint: 'no'},
	{command: 'submit', keys: ['enter'], label: 'Enter', description: 'accept', scopes: ['prompt', 'picker'], hint: 'accept'},
	{command: 'cancel', keys: ['escape'], label: 'Esc', description: 'cancel', scopes: ['prompt'], hint: 'cancel'},
	{command: 'nextField', keys: ['tab', 'shift+tab'], label: 'Tab', description: 'next field', scopes: ['prompt'], hint: 'next field'},
];

/** The command a key means in the given scopes, searched in order (innermost first). */
export function commandFor(key: string, scopes: readonly Scope[], bindings: readonly Binding[] = keymap): Binding | undefined {
	for (const scope of scopes) {
		const found = bindings.find(binding => binding.scopes.includes(scope) && binding.keys.includes(key));
		if (found) return found;
	}

	return undefined;
}

/** The bindings help shows for a set of scopes, one line per command, in keymap order. */
export function bindingsFor(scopes: readonly Scope[], bindings: readonly Binding[] = keymap): Binding[] {
	const seen = new Set<string>();
	const result: Binding[] = [];
	for (const binding of bindings) {
		if (!binding.scopes.some(scope => scopes.includes(scope))) continue;
		const id = `${binding.command}:${binding.label}`;
		if (seen.has(id)) continue;
		seen.add(id);
		result.push(binding);
	}

	return result;
}
