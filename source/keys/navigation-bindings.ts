/** Getting around: pane keys, `:` commands, the namespace and context pickers, help, history, back and quit. */

import type {Binding} from './binding.js';
import {paneTable} from './panes.js';

/** One key and one `:` command per pane, from the pane table. */
const paneBindings: Binding[] = paneTable.map(pane => ({
	command: `pane.${pane.id}`,
	keys: [pane.key],
	label: pane.key,
	description: pane.description,
	scopes: ['global'],
	colon: {names: pane.colon},
}));

/** Keys and `:` commands that move between panes and screens, in the order help lists them. */
export const navigationBindings: Binding[] = [
	...paneBindings,
	{command: 'pane.next', keys: ['tab'], label: 'Tab', description: 'next pane', scopes: ['global']},
	{command: 'pane.previous', keys: ['shift+tab'], label: 'S-Tab', description: 'previous pane', scopes: ['global']},
	// keymap.ts fills the description in from the `:` commands of the whole table.
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
];
