/** Answering kpods: yes/no to a confirmation, completing or accepting a prompt or a picker. */

import type {Binding} from './binding.js';

/** Keys of the confirmation, prompt and picker overlays. */
export const answerBindings: Binding[] = [
	{
		command: 'confirm',
		keys: ['y', 'Y'],
		label: 'y',
		description: 'help.confirm',
		scopes: ['confirm', 'applyPreview'],
		hint: 'hint.confirm',
	},
	{
		command: 'cancel',
		keys: ['n', 'N', 'escape', 'enter'],
		label: 'n Esc',
		description: 'help.cancel',
		scopes: ['confirm', 'applyPreview'],
		hint: 'hint.cancel',
	},
	{
		command: 'complete',
		keys: ['tab'],
		label: 'Tab',
		description: 'help.complete',
		scopes: ['command'],
		hint: 'hint.complete',
	},
	{
		command: 'nextField',
		keys: ['tab', 'shift+tab'],
		label: 'Tab',
		description: 'help.nextField',
		scopes: ['prompt'],
		hint: 'hint.nextField',
	},
	{command: 'submit', keys: ['enter'], label: 'Enter', description: 'help.submit', scopes: ['prompt', 'picker'], hint: 'hint.submit'},
	{command: 'cancel', keys: ['escape'], label: 'Esc', description: 'help.cancelPrompt', scopes: ['prompt'], hint: 'hint.cancelPrompt'},
];
