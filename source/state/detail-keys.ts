/** Keys in the detail view (describe or YAML of one object): act on it, switch text, search, scroll. */

import type {CommandId} from '../keys/keymap.js';
import {nextMatch} from '../derive/text-search.js';
import {pop, push, replaceTop, withStatus} from './modes.js';
import type {Routed, ViewContext} from './route-types.js';
import {textField} from './text-field.js';
import {isActionTarget, type DetailTarget, type Mode, type Target, type UiState} from './ui-state.js';
import {t} from '../i18n/index.js';

type DetailMode = Extract<Mode, {kind: 'detail'}>;

/** A command while the detail is on top: the object's actions, `y` describe ⇄ YAML, `/` `n` `N` search, Esc, scrolling. */
export function routeDetail(state: UiState, mode: DetailMode, command: CommandId, view: ViewContext): Routed {
	const none = (next: UiState): Routed => ({state: next, effects: []});
	const acted = isActionTarget(mode.target) ? actOn(state, mode.target, command) : undefined;
	if (acted) {
		return acted;
	}
	if (command === 'yaml') {
		const switched = replaceTop(state, {...mode, scroll: 0, text: mode.text === 'yaml' ? 'describe' : 'yaml'});
		return mode.text === 'yaml' ? none(switched) : openYaml(switched, mode.target, view);
	}

	if (command === 'search') {
		return none(push(state, {kind: 'prompt', prompt: {purpose: 'search', fields: [textField('/', mode.search?.query ?? '')], focus: 0}}));
	}
	if (command === 'nextMatch' || command === 'previousMatch') {
		return none(searchAgain(state, mode, command === 'nextMatch' ? 1 : -1, view));
	}
	// Esc first clears a search, then closes.
	if (command === 'back' && mode.search) {
		return none(replaceTop(state, {...mode, search: undefined}));
	}
	return none(scrollOrBack(state, mode, command, view));
}

/** The actions on the pod or service the detail shows (its keymap scope has them; a node's or namespace's has not). */
function actOn(state: UiState, target: Target, command: CommandId): Routed | undefined {
	switch (command) {
		case 'portForward':
			return {state, effects: [{type: 'planForward', target}]};
		case 'shell':
			return target.kind === 'Pod'
				? {state, effects: [{type: 'shell', target}]}
				: {state: withStatus(state, t('status.shellNeedsPod'), 'warn'), effects: []};
		case 'delete':
			return {state: push(state, {kind: 'confirm', target}), effects: []};
		case 'logs':
			return {state, effects: [{type: 'openLogs', target}]};
		case 'edit':
			return {state, effects: [{type: 'edit', target}]};
		default:
			return undefined;
	}
}

/** Scrolls a scrolling overlay (detail, help, history) within its lines, or closes it on `back`. */
export function scrollOrBack(state: UiState, mode: Extract<Mode, {scroll: number}>, command: CommandId, view: ViewContext): UiState {
	if (command === 'back') {
		return pop(state);
	}
	const last = Math.max(0, view.overlayLines - view.pageSize);
	const steps: Partial<Record<CommandId, number>> = {
		up: -1,
		down: 1,
		pageUp: -view.pageSize,
		pageDown: view.pageSize,
		top: -Infinity,
		bottom: Infinity,
	};
	const step = steps[command];
	if (step === undefined) {
		return state;
	}
	const scroll = Math.min(Math.max(Math.min(mode.scroll, last) + step, 0), last);
	return replaceTop(state, {...mode, scroll});
}

/** `n`/`N`: the next or previous matching line, wrapping; the view scrolls to it. */
function searchAgain(state: UiState, mode: DetailMode, direction: 1 | -1, view: ViewContext): UiState {
	if (!mode.search) {
		return withStatus(state, t('status.noSearchYet'), 'info');
	}
	const from = mode.search.line ?? (direction === 1 ? mode.scroll - 1 : mode.scroll);
	const line = nextMatch(view.detailText ?? [], mode.search.query, from, direction);
	if (line === undefined) {
		return withStatus(
			replaceTop(state, {...mode, search: {query: mode.search.query}}),
			t('status.notFound', {text: mode.search.query}),
			'warn',
		);
	}
	return replaceTop(state, {...mode, scroll: line, search: {query: mode.search.query, line}});
}

/** The YAML view's kubectl command, for the status line and the history. */
export function openYaml(state: UiState, target: DetailTarget, view: ViewContext): Routed {
	// Nodes and namespaces are cluster-scoped: kubectl takes no -n for them.
	const namespace =
		target.namespace === '' || target.namespace === (view.contextNamespace ?? view.namespace) ? '' : ` -n ${target.namespace}`;
	return {
		state,
		effects: [
			{
				type: 'note',
				text: t('status.yamlOf', {kind: target.kind.toLowerCase(), name: target.name}),
				kubectl: `kubectl get ${target.kind.toLowerCase()} ${target.name}${namespace} -o yaml`,
			},
		],
	};
}
