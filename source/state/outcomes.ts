import {t} from '../i18n/index.js';
import {push, withStatus} from './modes.js';
import {completeColon} from './colon.js';
import {textField} from './text-field.js';
import type {ApplyLine, ApplyPreview, Tone, UiState} from './ui-state.js';

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
	const summary =
		outcome.lines.length <= 1
			? (outcome.lines[0] ?? t(outcome.ok ? 'outcome.done' : 'outcome.failed'))
			: t('outcome.more', {first: outcome.lines[0]!, more: outcome.lines.length - 1});
	const next = withStatus(state, summary, outcome.ok ? 'ok' : 'error', outcome.kubectl);
	return {
		...next,
		busy: undefined,
		history: [...state.history, {at: now, kubectl: outcome.kubectl, lines: outcome.lines, ok: outcome.ok}].slice(-historyLimit),
	};
}

type ApplyResult = 'created' | 'configured' | 'unchanged' | 'error';

/**
 * The apply's results counted by kind, for the status line and the y/N question.
 * @example applyCounts(['created', 'created', 'unchanged']) // '2 created, 1 unchanged'
 */
export function applyCounts(results: readonly ApplyResult[]): string {
	const counts = new Map<ApplyResult, number>();
	for (const result of results) {
		counts.set(result, (counts.get(result) ?? 0) + 1);
	}
	const keys = {created: 'apply.created', configured: 'apply.configured', unchanged: 'apply.unchanged', error: 'apply.failed'} as const;
	return (['created', 'configured', 'unchanged', 'error'] as const)
		.filter(result => counts.has(result))
		.map(result => t(keys[result], {count: counts.get(result)!}))
		.join(', ');
}

/**
 * An apply also leaves its per-object lines in the manifests pane; the status line
 * counts them by result.
 * @example applySummary(['created', 'created', 'unchanged']) // 'applied 3 objects: 2 created, 1 unchanged'
 */
export function applySummary(results: readonly ApplyResult[]): string {
	return t('apply.applied', {count: results.length, counts: applyCounts(results)});
}

/** The question before an apply, from its dry run: `Apply 3 objects? dry run: 2 created, 1 unchanged`. */
export function applyQuestion(results: readonly ApplyResult[]): string {
	return t('apply.question', {count: results.length, counts: applyCounts(results)});
}

export function applyFinished(state: UiState, outcome: Outcome, lines: ApplyLine[], summary: string, now: number): UiState {
	const finished = actionFinished(state, outcome, now);
	return {...finished, applyResult: lines, status: {...finished.status!, text: summary}};
}

/** One object's dry-run answer, as the apply reports it (a structural copy of the action's outcome). */
export interface PreviewOutcome {
	ref: string;
	result: 'created' | 'configured' | 'unchanged' | 'error';
	line: string;
	fields?: string[];
	warning?: string;
}

const shownFields = 4;

/**
 * The preview's lines: per object what the server's dry run says (created, configured with
 * the fields that change, unchanged, or its error), kubectl's warnings before their object.
 *
 * @example previewLines([{ref: 'pod/p', result: 'configured', line: '…', fields: ['spec.containers[0].image']}])
 *   // [{text: 'pod/p configured: spec.containers[0].image', tone: 'warn'}]
 */
export function previewLines(outcomes: readonly PreviewOutcome[]): Array<{text: string; tone: Tone}> {
	return outcomes.flatMap((outcome): Array<{text: string; tone: Tone}> => {
		const warning = outcome.warning ? [{text: outcome.warning, tone: 'warn' as const}] : [];
		if (outcome.result === 'error') {
			return [...warning, {text: outcome.line, tone: 'error' as const}];
		}
		if (outcome.result !== 'configured') {
			return [
				...warning,
				{text: `${outcome.ref} ${outcome.result}`, tone: outcome.result === 'created' ? ('ok' as const) : ('info' as const)},
			];
		}
		const fields = outcome.fields ?? [];
		const more = fields.length > shownFields ? t('apply.moreFields', {count: fields.length - shownFields}) : '';
		const list = fields.length > 0 ? `: ${fields.slice(0, shownFields).join(', ')}${more}` : '';
		return [...warning, {text: `${outcome.ref} configured${list}`, tone: 'warn' as const}];
	});
}

/** The dry run is in: the preview goes on top, waiting for y. */
export function applyPreviewReady(state: UiState, preview: ApplyPreview): UiState {
	return push({...state, busy: undefined, status: undefined}, {kind: 'applyPreview', preview});
}

/** The namespace picker opens on the current namespace. */
export function namespacesLoaded(state: UiState, names: string[], current: string | undefined): UiState {
	const selection = current === undefined ? 0 : names.indexOf(current) + 1;
	return push({...state, busy: undefined}, {kind: 'picker', purpose: 'namespace', names, selection: Math.max(0, selection)});
}

/** The context picker opens on the current context. */
export function contextsLoaded(state: UiState, names: string[], current: string): UiState {
	return push(state, {kind: 'picker', purpose: 'context', names, selection: Math.max(0, names.indexOf(current))});
}

/** When namespaces cannot be listed (RBAC), the user types one instead. */
export function namespacesForbidden(state: UiState, message: string): UiState {
	return push(
		{...state, busy: undefined},
		{
			kind: 'prompt',
			prompt: {purpose: 'namespace', fields: [textField('namespace')], focus: 0, error: t('namespaces.typeOne', {message})},
		},
	);
}

/** Names for `:` completion arrived: kept in the prompt (if it is still open), and the Tab that asked for them is done. */
export function completionsLoaded(state: UiState, which: 'namespace' | 'context', names: readonly string[]): UiState {
	const mode = state.modes.at(-1);
	if (mode?.kind !== 'prompt' || mode.prompt.purpose !== 'command') {
		return state;
	}
	const prompt = {...mode.prompt, names: {...mode.prompt.names, [which]: names}};
	const completion = completeColon(prompt.fields[0].value, prompt.names);
	return {
		...state,
		modes: [
			...state.modes.slice(0, -1),
			{kind: 'prompt', prompt: {...prompt, fields: [textField(prompt.fields[0].label, completion.line)]}},
		],
	};
}
