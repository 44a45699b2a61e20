/** Answering kpods: yes/no to a confirmation, completing or accepting a prompt or a picker. */

import type {Binding} from './binding.js';

/** Keys of the confirmation, prompt and picker overlays. */
export const answerBindings: Binding[] = [
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
