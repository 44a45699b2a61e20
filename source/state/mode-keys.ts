/** Keys while an overlay is on top of the panes: confirmations, pickers, prompts, and the views that cover the pane. */

import type {CommandId} from '../keys/keymap.js';
import {routeDetail, scrollOrBack} from './detail-keys.js';
import {routeForwards} from './forward-keys.js';
import {routeLogs} from './logs-keys.js';
import {pop, replaceTop, withStatus} from './modes.js';
import {runColonCommand} from './pane-keys.js';
import {submitPrompt} from './prompt-keys.js';
import type {Routed, ViewContext} from './route-types.js';
import type {Mode, UiState} from './ui-state.js';
import {t} from '../i18n/index.js';

/** A command for the overlay on top (the router has found it in that overlay's scopes). */
export function routeInMode(state: UiState, mode: Mode, command: CommandId, view: ViewContext): Routed {
	const none = (next: UiState): Routed => ({state: next, effects: []});
	if (command === 'quit') {
		return {state, effects: [{type: 'quit'}]};
	}
	switch (mode.kind) {
		case 'confirm': {
			const popped = pop(state);
			if (command === 'confirm') {
				return {state: popped, effects: [{type: 'delete', target: mode.target}]};
			}
			return none(withStatus(popped, t('status.deleteCancelled', {kind: mode.target.kind.toLowerCase(), name: mode.target.name}), 'info'));
		}

		case 'applyPreview': {
			const popped = pop(state);
			const {scope, path, paths} = mode.preview;
			if (command === 'confirm') {
				return {state: popped, effects: [{type: 'apply', scope, ...(path === undefined ? {} : {path}), ...(paths ? {paths} : {})}]};
			}
			return none(withStatus(popped, t('status.applyCancelled'), 'info'));
		}

		case 'picker': {
			const offset = mode.purpose === 'namespace' ? 1 : 0; // row 0 is "all namespaces"
			const count = mode.names.length + offset;
			const step = {up: -1, down: 1, pageUp: -view.pageSize, pageDown: view.pageSize, top: -count, bottom: count} as Record<string, number>;
			if (command in step) {
				const selection = Math.min(Math.max(mode.selection + step[command]!, 0), count - 1);
				return none(replaceTop(state, {...mode, selection}));
			}

			if (command === 'submit') {
				if (mode.purpose === 'container') {
					return {state: pop(state), effects: [{type: 'openLogs', target: mode.target, container: mode.names[mode.selection]!}]};
				}
				if (mode.purpose === 'context') {
					return {state: pop(state), effects: mode.names.length > 0 ? [{type: 'switchContext', context: mode.names[mode.selection]!}] : []};
				}
				const namespace = mode.selection === 0 ? undefined : mode.names[mode.selection - 1];
				return {state: pop(state), effects: [{type: 'switchNamespace', namespace}]};
			}

			return none(command === 'back' ? pop(state) : state);
		}

		case 'prompt':
			return submitPrompt(state, mode.prompt, command, view, (next, line) => runColonCommand(next, line, view));
		case 'forwards':
			return routeForwards(state, mode, command, view);
		case 'detail':
			return routeDetail(state, mode, command, view);
		case 'logs': {
			if (command === 'back') {
				return none(pop(state));
			}
			return none(
				routeLogs(state, mode, command, {
					lineCount: view.logs?.lineCount ?? 0,
					pageSize: view.pageSize,
					matches: view.logs?.matches ?? [],
				}) ?? state,
			);
		}

		case 'help':
		case 'history': {
			if (command === mode.kind) {
				return none(pop(state));
			}
			return none(scrollOrBack(state, mode, command, view));
		}
	}
}
