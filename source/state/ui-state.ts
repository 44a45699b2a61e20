import {panes, type FilterPane, type Pane} from '../keys/panes.js';
import type {ColonNames} from './colon.js';
import type {TextField} from './text-field.js';

export {panes, type FilterPane, type Pane} from '../keys/panes.js';

/** An object on the cluster the user points at. */
export interface Target {
	kind: 'Pod' | 'Service';
	namespace: string;
	name: string;
}

/** The selected row, by key so it follows the object when rows move; index is the fallback. */
export interface Selection {
	key?: string;
	index: number;
}

export type Tone = 'info' | 'ok' | 'warn' | 'error';

export interface StatusLine {
	text: string;
	tone: Tone;
	/** The kubectl command that does what kpods just did. */
	kubectl?: string;
}

export interface HistoryEntry {
	at: number;
	kubectl: string;
	lines: string[];
	ok: boolean;
}

export type Prompt =
	| {purpose: 'filter'; pane: FilterPane; fields: [TextField]; focus: 0}
	| {purpose: 'run'; fields: [TextField, TextField]; focus: 0 | 1; error?: string}
	| {purpose: 'namespace'; fields: [TextField]; focus: 0; error?: string}
	/** A `:` command; `names` holds what Tab completes arguments from, once loaded. */
	| {purpose: 'command'; fields: [TextField]; focus: 0; error?: string; names?: ColonNames};

/** Overlays on top of the panes; the top of the stack gets the keys first. */
export type Mode =
	| {kind: 'help'; scroll: number}
	| {kind: 'history'; scroll: number}
	| {kind: 'detail'; target: Target; scroll: number}
	| {kind: 'confirm'; target: Target}
	/** What a server dry run says an apply will do; `y` applies, anything else cancels. */
	| {kind: 'applyPreview'; preview: ApplyPreview}
	| {kind: 'prompt'; prompt: Prompt}
	/** Namespaces (row 0 is "all namespaces") or kubeconfig contexts to choose from. */
	| {kind: 'picker'; purpose: 'namespace' | 'context'; names: string[]; selection: number};

export interface ApplyLine {
	text: string;
	ok: boolean;
}

/** The apply a dry run was made for, and what it said, line by line. */
export interface ApplyPreview {
	scope: 'selected' | 'all';
	path?: string;
	lines: Array<{text: string; tone: Tone}>;
	/** 'create 2, configure 1, unchanged 2, 1 failed'. */
	summary: string;
	/** The kubectl that makes the same dry run. */
	kubectl: string;
}

export interface UiState {
	pane: Pane;
	selection: Record<Pane, Selection>;
	/** Filter text per list pane: plain text, or `-l selector`. */
	filter: Record<FilterPane, string>;
	previewScroll: number;
	modes: Mode[];
	status?: StatusLine;
	history: HistoryEntry[];
	/** The per-object result of the last apply, shown in the manifests pane. */
	applyResult?: ApplyLine[];
	/** An action in flight ("applying 5 objects…"). */
	busy?: string;
}

export const initialUiState: UiState = {
	pane: 'pods',
	selection: Object.fromEntries(panes.map(pane => [pane, {index: 0}])) as Record<Pane, Selection>,
	filter: {pods: '', services: ''},
	previewScroll: 0,
	modes: [],
	history: [],
};

/** The overlay on top, if any. */
export function topMode(state: UiState): Mode | undefined {
	return state.modes.at(-1);
}
