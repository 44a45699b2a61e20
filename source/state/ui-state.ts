import {panes, type FilterPane, type Pane} from '../keys/panes.js';
import type {TextSearch} from '../derive/text-search.js';
import type {ColonNames} from './colon.js';
import type {TextField} from './text-field.js';
import type {ForwardPlan} from '../derive/forward-plan.js';

export {panes, type FilterPane, type Pane} from '../keys/panes.js';

/** An object on the cluster the user points at and acts on (logs, edit, delete, forward). */
export interface Target {
	kind: 'Pod' | 'Service';
	namespace: string;
	name: string;
}

/** What the detail (describe, YAML) can show: a pod or a service, or a cluster-scoped node or namespace (namespace ''). */
export type DetailTarget = Target | {kind: 'Node' | 'Namespace'; namespace: ''; name: string};

/** Whether kpods acts on the object (pods and services), not only shows it (nodes and namespaces). */
export function isActionTarget(target: DetailTarget): target is Target {
	return target.kind === 'Pod' || target.kind === 'Service';
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
	| {purpose: 'command'; fields: [TextField]; focus: 0; error?: string; names?: ColonNames}
	/** `/` in the log view or the detail: the text to find and highlight (the detail finds while it is typed). */
	| {purpose: 'search'; fields: [TextField]; focus: 0}
	/** `F` when the port is taken or there are several: kubectl's `LOCAL:PORT` words for the plan's pod. */
	| {purpose: 'forward'; plan: ForwardPlan; fields: [TextField]; focus: 0; error?: string};

/** The log view (`l`): whose log, and how it is shown. */
export interface LogsMode {
	kind: 'logs';
	/** A pod, or a service (the logs of every pod behind it, prefixed). */
	target: Target;
	/** The container of a pod. */
	container?: string;
	/** A service's pods and their default containers, found when the view opened (`[pod/NAME/CONTAINER] ` prefixes). */
	pods?: ReadonlyArray<{namespace: string; pod: string; container: string}>;
	previous: boolean;
	timestamps: boolean;
	wrap: boolean;
	/** Pinned to the newest line; scrolling up pauses it, End or f resumes. */
	follow: boolean;
	/** The first line shown when not following. */
	scroll: number;
	search: string;
	/** Which match `n`/`N` last went to (-1: none yet). */
	match: number;
}

/** Overlays on top of the panes; the top of the stack gets the keys first. */
export type Mode =
	| {kind: 'help'; scroll: number}
	| {kind: 'history'; scroll: number}
	/** `text`: kubectl's describe (the default) or the object's YAML (`y`). */
	| {kind: 'detail'; target: DetailTarget; scroll: number; text?: 'describe' | 'yaml'; search?: TextSearch}
	| LogsMode
	| {kind: 'confirm'; target: Target}
	/** What a server dry run says an apply will do; `y` applies, anything else cancels. */
	| {kind: 'applyPreview'; preview: ApplyPreview}
	/** `:pf`: the active port-forwards; the selected row is the one ctrl-d stops. */
	| {kind: 'forwards'; selection: number}
	| {kind: 'prompt'; prompt: Prompt}
	/** Namespaces (row 0 is "all namespaces") or kubeconfig contexts to choose from. */
	| {kind: 'picker'; purpose: 'namespace' | 'context'; names: string[]; selection: number}
	/** A pod's containers (init containers included) to read the log of. */
	| {kind: 'picker'; purpose: 'container'; names: string[]; selection: number; target: Target};

export interface ApplyLine {
	text: string;
	ok: boolean;
}

/** The apply a dry run was made for, and what it said, line by line. */
export interface ApplyPreview {
	scope: 'selected' | 'all';
	path?: string;
	/** Several files, applied in this order (a tutorial step: the service, then its pod). */
	paths?: readonly string[];
	lines: Array<{text: string; tone: Tone}>;
	/** The y/N question, from the dry run: 'Apply 3 objects? dry run: 2 created, 1 unchanged'. */
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
	filter: {pods: '', services: '', events: '', nodes: '', namespaces: ''},
	previewScroll: 0,
	modes: [],
	history: [],
};

/** The overlay on top, if any. */
export function topMode(state: UiState): Mode | undefined {
	return state.modes.at(-1);
}
