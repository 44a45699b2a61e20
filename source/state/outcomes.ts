import {push, withStatus} from './route-key.js';
import {textField} from './text-field.js';
import type {ApplyLine, UiState} from './ui-state.js';

/** What an action reports back: kubectl's output lines and the command that does the same. */
export interface Outcome {
	ok: boolean;
	lines: string[];
	kubectl: string;
}

const historyLimit = 200;

export function actionStarted(state: UiState, busy: string): UiState {
	return {...state, busy};
}

/** Puts an action's result in the status line and the history, with its kubectl command. */
export function actionFinished(state: UiState, outcome: Outcome, now: number): UiState {
	const summary = outcome.lines.length <= 1 ? outcome.lines[0] ?? (outcome.ok ? 'done' : 'failed') : `${outcome.lines[0]} (+${outcome.lines.length - 1} more, h: history)`;
	const next = withStatus(state, summary, outcome.ok ? 'ok' : 'error', outcome.kubectl);
	return {
		...next,
		busy: undefined,
		history: [...state.history, {at: now, kubectl: outcome.kubectl, lines: outcome.lines, ok: outcome.ok}].slice(-historyLimit),
	};
}

/** An apply also leaves its per-object lines in the manifests pane. */
export function applyFinished(state: UiState, outcome: Outcome, lines: ApplyLine[], now: number): UiState {
	const failed = lines.filter(line => !line.ok).length;
	const summary = failed === 0 ? `applied ${lines.length} object${lines.length === 1 ? '' : 's'}` : `${failed} of ${lines.length} failed`;
	const finished = actionFinished(state, outcome, now);
	return {...finished, applyResult: lines, status: {...finished.status!, text: `${summary}: ${lines.map(line => line.text).join('; ')}`}};
}

/** The namespace picker opens on the current namespace. */
export function namespacesLoaded(state: UiState, names: string[], current: string | undefined): UiState {
	const selection = current === undefined ? 0 : names.indexOf(current) + 1;
	return push({...state, busy: undefined}, {kind: 'picker', names, selection: Math.max(0, selection)});
}

/** When namespaces cannot be listed (RBAC), the user types one instead. */
export function namespacesForbidden(state: UiState, message: string): UiState {
	return push({...state, busy: undefined}, {kind: 'prompt', prompt: {purpose: 'namespace', fields: [textField('namespace')], focus: 0, error: `cannot list namespaces (${message}); type one`}});
}
