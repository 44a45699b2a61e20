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
	colon: 'namespaceArgument' in pane ? {names: pane.colon, argument: 'namespace', argumentUnlisted: true} : {names: pane.colon},
}));

/** Keys and `:` commands that move between panes and screens, in the order help lists them. */
export const navigationBindings: Binding[] = [
	...paneBindings,
	{command: 'pane.next', keys: ['tab'], label: 'Tab', description: 'help.nextPane', scopes: ['global']},
	{command: 'pane.previous', keys: ['shift+tab'], label: 'S-Tab', description: 'help.previousPane', scopes: ['global']},
	// keymap.ts fills the description in from the `:` commands of the whole table.
	{command: 'command', keys: [':'], label: ':', description: 'help.command', scopes: ['global']},
	{
		command: 'namespace',
		keys: ['n'],
		label: 'n',
		description: 'help.namespace',
		scopes: ['global'],
		hint: 'hint.namespace',
		colon: {names: ['ns'], argument: 'namespace'},
	},
	{
		command: 'allNamespaces',
		keys: [],
		label: '',
		description: 'help.allNamespaces',
		scopes: [],
		colon: {names: ['all', '-A'], unlisted: true},
	},
	{
		command: 'context',
		keys: [],
		label: '',
		description: 'help.context',
		scopes: [],
		colon: {names: ['ctx', 'context'], argument: 'context'},
	},
	{
		command: 'forwards',
		keys: [],
		label: '',
		description: 'help.forwards',
		scopes: [],
		colon: {names: ['pf', 'portforwards', 'port-forwards']},
	},
	{
		command: 'history',
		keys: ['h'],
		label: 'h',
		description: 'help.history',
		scopes: ['global', 'history'],
		hint: 'hint.history',
		colon: {names: ['history']},
	},
	{
		command: 'help',
		keys: ['?'],
		label: '?',
		description: 'help.help',
		scopes: ['global', 'help'],
		hint: 'hint.help',
		colon: {names: ['help'], unlisted: true},
	},
	{
		command: 'sandbox',
		keys: ['s'],
		label: 's',
		description: 'help.sandbox',
		scopes: ['noCluster'],
		hint: 'hint.sandbox',
	},
	{
		command: 'quit',
		keys: ['q', 'ctrl+c'],
		label: 'q',
		description: 'help.quit',
		scopes: ['global', 'noCluster'],
		hint: 'hint.quit',
		colon: {names: ['q', 'quit']},
	},
	{
		command: 'quit',
		keys: ['ctrl+c'],
		label: 'ctrl-c',
		description: 'help.quit',
		scopes: ['detail', 'clusterDetail', 'help', 'history', 'confirm', 'applyPreview', 'prompt', 'picker', 'logs', 'forwards'],
	},
	{
		command: 'back',
		keys: ['q'],
		label: 'q',
		description: 'help.close',
		scopes: ['detail', 'clusterDetail', 'help', 'history', 'logs', 'forwards'],
		hint: 'hint.back',
	},
];
