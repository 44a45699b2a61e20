// The keys of `:pf` (the port-forwards list) and of the port prompt `F` opens, pure.
import type {CommandId} from '../keys/keymap.js';
import {parsePortWords} from '../derive/forward-plan.js';
import {pop, replaceTop, withStatus} from './modes.js';
import type {Routed, ViewContext} from './route-types.js';
import type {Mode, Prompt, UiState} from './ui-state.js';
import {t} from '../i18n/index.js';

/** Moving over the forwards, ctrl-d stopping the selected one, Esc going back. */
export function routeForwards(state: UiState, mode: Extract<Mode, {kind: 'forwards'}>, command: CommandId, view: ViewContext): Routed {
	const none = (next: UiState): Routed => ({state: next, effects: []});
	const ids = view.forwardIds ?? [];
	const step = {up: -1, down: 1, pageUp: -view.pageSize, pageDown: view.pageSize, top: -ids.length, bottom: ids.length} as Record<
		string,
		number
	>;
	if (command in step) {
		return none(
			replaceTop(state, {...mode, selection: Math.min(Math.max(mode.selection + step[command]!, 0), Math.max(0, ids.length - 1))}),
		);
	}
	if (command === 'stopForward') {
		const id = ids[Math.min(mode.selection, ids.length - 1)];
		if (id === undefined) {
			return none(withStatus(state, t('status.noForwardToStop'), 'warn'));
		}
		return {
			state: replaceTop(state, {...mode, selection: Math.max(0, Math.min(mode.selection, ids.length - 2))}),
			effects: [{type: 'stopForward', id}],
		};
	}

	return none(command === 'back' ? pop(state) : state);
}

/** Enter in the port prompt: kubectl's `LOCAL:PORT` words, or the error under the field. */
export function submitForward(state: UiState, prompt: Extract<Prompt, {purpose: 'forward'}>): Routed {
	const ports = parsePortWords(prompt.fields[0].value, prompt.plan);
	if ('error' in ports) {
		return {state: replaceTop(state, {kind: 'prompt', prompt: {...prompt, error: ports.error}}), effects: []};
	}
	return {state: pop(state), effects: [{type: 'startForward', plan: prompt.plan, ports}]};
}
