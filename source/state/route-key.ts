/** The key router: finds what a key means where it is pressed (overlay on top, else pane, else global) and runs it. */

import {commandFor, type Scope} from '../keys/keymap.js';
import type {KeyPress} from '../keys/key-name.js';
import {routeInMode} from './mode-keys.js';
import {refuseReadonly, runPaneCommand} from './pane-keys.js';
import {editPrompt} from './prompt-keys.js';
import type {Routed, ViewContext} from './route-types.js';
import {isActionTarget, topMode, type Prompt, type UiState} from './ui-state.js';

export type {Effect, Routed, ViewContext} from './route-types.js';

/** The scopes searched for a key, innermost first: the top overlay alone, else the pane. */
export function activeScopes(state: UiState): Scope[] {
	const mode = topMode(state);
	if (mode?.kind === 'prompt') {
		return promptScopes(mode.prompt);
	}
	if (mode?.kind === 'detail' && !isActionTarget(mode.target)) {
		return ['clusterDetail'];
	}
	if (mode) {
		return [mode.kind];
	}
	return [state.pane, 'list', 'global'];
}

/** A `:` prompt has its own keys (Tab completes) on top of every prompt's. */
export function promptScopes(prompt: Prompt): Scope[] {
	return prompt.purpose === 'command' ? ['command', 'prompt'] : ['prompt'];
}

/** Routes one key press: overlays first, then the pane, then global keys. */
export function routeKey(state: UiState, key: KeyPress, view: ViewContext): Routed {
	const mode = topMode(state);
	if (mode?.kind === 'prompt') {
		const edited = editPrompt(state, mode.prompt, key, view);
		if (edited) {
			return {state: edited, effects: []};
		}
	}

	const binding = commandFor(key.name, activeScopes(state));
	if (!binding) {
		return {state, effects: []};
	}
	const refused = refuseReadonly(state, binding, view);
	if (refused) {
		return refused;
	}
	return mode ? routeInMode(state, mode, binding.command, view) : runPaneCommand(state, binding.command, view);
}
