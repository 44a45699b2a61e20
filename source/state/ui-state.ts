import type {Pane} from '../keys/keymap.js';
import type {TextField} from './text-field.js';

export type {Pane} from '../keys/keymap.js';

export const panes: readonly Pane[] = ['pods', 'services', 'manifests'];

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
	| {purpose: 'filter'; pane: 'pods' | 'services'; fields: [TextField]; focus: 0}
	| {purpose: 'run'; fields: [TextField, TextField]; focus: 0 | 1; error?: string}
	| {purpose: 'namespace'; fields: [TextField]; focus: 0; error?: string}
	| {purpose: 'command'; fields: [TextField]; focus: 0; error?: string};

/** Overlays on top of the panes; the top of the stack gets the keys first. */
export type Mode =
	| {kind: 'help'; scroll: number}
	| {kind: 'history'; scroll: number}
	| {kind: 'detail'; target: Target; scroll: number}
	| {kind: 'confirm'; target: Target}
	| {kind: 'prompt'; prompt: Prompt}
	/** Namespaces (row 0 is "all namespaces") or kubeconfig contexts to choose from. */
	| {kind: 'picker'; purpose: 'namespace' | 'context'; names: string[]; selection: number};

export interface ApplyLine {
	text: string;
	ok: boolean;
}

export interface UiState {
	pane: Pane;
	selection: Record<Pane, Selection>;
	/** Filter text per list pane: plain text, or `-l selector`. */
	filter: Record<'pods' | 'services', string>;
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
	selection: {pods: {index: 0}, services: {index: 0}, manifests: {index: 0}},
	filter: {pods: '', services: ''},
	previewScroll: 0,
	modes: [],
	history: [],
};

export function topMode(state: UiState): Mode | undefined {
	return state.modes.at(-1);
}
