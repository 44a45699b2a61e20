/** Moving through whatever is on screen: a list, a detail, help, history, a picker, logs. */

import type {Binding} from './binding.js';

/** Up, down, a page, the ends: the same keys in every scrolling view. */
export const movementBindings: Binding[] = [
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
