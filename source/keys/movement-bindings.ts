/** Moving through whatever is on screen: a list, a detail, help, history, a picker, logs. */

import type {Binding} from './binding.js';

/** Up, down, a page, the ends: the same keys in every scrolling view. */
export const movementBindings: Binding[] = [
	{
		command: 'up',
		keys: ['up', 'k'],
		label: '↑ k',
		description: 'help.up',
		scopes: ['list', 'detail', 'clusterDetail', 'help', 'history', 'picker', 'logs', 'forwards'],
		hint: 'hint.up',
	},
	{
		command: 'down',
		keys: ['down', 'j'],
		label: '↓ j',
		description: 'help.down',
		scopes: ['list', 'detail', 'clusterDetail', 'help', 'history', 'picker', 'logs', 'forwards'],
	},
	{
		command: 'pageUp',
		keys: ['pageup'],
		label: 'PgUp',
		description: 'help.pageUp',
		scopes: ['list', 'detail', 'clusterDetail', 'help', 'history', 'picker', 'logs', 'forwards'],
	},
	{
		command: 'pageDown',
		keys: ['pagedown'],
		label: 'PgDn',
		description: 'help.pageDown',
		scopes: ['list', 'detail', 'clusterDetail', 'help', 'history', 'picker', 'logs', 'forwards'],
	},
	{
		command: 'top',
		keys: ['g', 'home'],
		label: 'g',
		description: 'help.top',
		scopes: ['list', 'detail', 'clusterDetail', 'help', 'history', 'picker', 'logs', 'forwards'],
	},
	{
		command: 'bottom',
		keys: ['G', 'end'],
		label: 'G',
		description: 'help.bottom',
		scopes: ['list', 'detail', 'clusterDetail', 'help', 'history', 'picker', 'logs', 'forwards'],
	},
];
