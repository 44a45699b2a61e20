// The keys of the log view (`l`), pure: following pauses when the user scrolls up and
// resumes with End or f; p, t and w switch what is shown; / n N search.
import type {CommandId} from '../keys/keymap.js';
import {replaceTop} from './modes.js';
import {textField} from './text-field.js';
import type {LogsMode, Target, UiState} from './ui-state.js';
import {t} from '../i18n/index.js';

/** A fresh log view: following, the current instance, no timestamps, lines cut (not wrapped). */
export function logsMode(target: Target, container?: string): LogsMode {
	return {
		kind: 'logs',
		target,
		...(container === undefined ? {} : {container}),
		previous: false,
		timestamps: false,
		wrap: false,
		follow: true,
		scroll: 0,
		search: '',
		match: -1,
	};
}

/** What the log keys need to know about the lines on screen. */
export interface LogsView {
	lineCount: number;
	pageSize: number;
	/** The lines that hold the search text, in order. */
	matches: readonly number[];
}

/** Routes one command in the log view; undefined leaves it to the common overlay keys. */
export function routeLogs(state: UiState, mode: LogsMode, command: CommandId, view: LogsView): UiState | undefined {
	const last = Math.max(0, view.lineCount - view.pageSize);
	const top = mode.follow ? last : Math.min(mode.scroll, last);
	const to = (scroll: number): UiState => replaceTop(state, {...mode, follow: false, scroll: Math.min(Math.max(scroll, 0), last)});
	switch (command) {
		case 'follow':
		case 'bottom':
			return replaceTop(state, {...mode, follow: true, scroll: last});
		case 'up':
			return to(top - 1);
		case 'pageUp':
			return to(top - view.pageSize);
		case 'top':
			return to(0);
		case 'down':
			return mode.follow ? state : to(top + 1);
		case 'pageDown':
			return mode.follow ? state : to(top + view.pageSize);
		case 'previousInstance':
			return replaceTop(state, {...mode, previous: !mode.previous, follow: true, scroll: 0, match: -1});
		case 'timestamps':
			return replaceTop(state, {...mode, timestamps: !mode.timestamps});
		case 'wrap':
			return replaceTop(state, {...mode, wrap: !mode.wrap});
		case 'search':
			return {
				...state,
				modes: [...state.modes, {kind: 'prompt', prompt: {purpose: 'search', fields: [textField('/', mode.search)], focus: 0}}],
			};
		case 'nextMatch':
		case 'previousMatch':
			return jumpToMatch(state, mode, view, command === 'nextMatch' ? 1 : -1, top);
		default:
			return undefined;
	}
}

/** Goes to the next (or previous) line holding the search text, from the one shown at the top; wraps around. */
function jumpToMatch(state: UiState, mode: LogsMode, view: LogsView, direction: 1 | -1, top: number): UiState {
	const {matches} = view;
	if (mode.search === '') {
		return {...state, status: {text: t('status.noSearch'), tone: 'info'}};
	}
	if (matches.length === 0) {
		return {...state, status: {text: t('status.searchNotFound', {text: mode.search}), tone: 'warn'}};
	}
	// From the current match when there is one (a short log never scrolls, so the top cannot say where n was), else from the top line.
	const from = mode.match >= 0 && mode.match < matches.length ? matches[mode.match]! : top;
	let next = direction === 1 ? matches.findIndex(line => line > from) : matches.findLastIndex(line => line < from);
	if (next === -1) {
		next = direction === 1 ? 0 : matches.length - 1;
	}
	const line = matches[next]!;
	return {
		...replaceTop(state, {...mode, follow: false, scroll: line, match: next}),
		status: {text: t('status.match', {index: next + 1, total: matches.length, text: mode.search}), tone: 'info'},
	};
}

/** The search text submitted from the `/` prompt onto the log view below it. */
export function submitSearch(state: UiState, text: string): UiState {
	const below = state.modes.at(-1);
	if (below?.kind !== 'logs') {
		return state;
	}
	return replaceTop(state, {...below, search: text, match: -1});
}
