/** What the key router takes (the screen it routes for) and gives back (the next state and the work to do). */

import type {ForwardPlan, PlannedPort} from '../derive/forward-plan.js';
import type {DetailTarget, Target, UiState} from './ui-state.js';

/** Work the router asks the app to do; the router itself stays pure. */
export type Effect =
	| {type: 'quit'}
	| {type: 'delete'; target: Target}
	| {type: 'run'; namespace: string; name: string; image: string}
	/** A server dry run of the apply, shown for confirmation. */
	| {type: 'previewApply'; scope: 'selected' | 'all'; path?: string; paths?: readonly string[]}
	| {type: 'apply'; scope: 'selected' | 'all'; path?: string; paths?: readonly string[]}
	| {type: 'loadNamespaces'}
	| {type: 'switchNamespace'; namespace: string | undefined}
	| {type: 'loadContexts'}
	| {type: 'switchContext'; context: string}
	/** Names for Tab on a `:` line (namespaces, contexts). */
	| {type: 'loadCompletions'; names: 'namespace' | 'context'}
	/** `l`: a pod's log (its containers are looked up; several ask which) or a service's pods' logs. */
	| {type: 'openLogs'; target: Target; container?: string}
	/** `e`: kubectl edit in $EDITOR. */
	| {type: 'edit'; target: Target}
	/** A view opened (YAML): its kubectl command goes to the status line and the history. */
	| {type: 'note'; text: string; kubectl: string}
	/** `F`: work out the pod and ports (kubectl port-forward's), then forward or ask. */
	| {type: 'planForward'; target: Target}
	| {type: 'startForward'; plan: ForwardPlan; ports: PlannedPort[]}
	| {type: 'stopForward'; id: number}
	/** `s`: kubectl exec -it into the pod, on the terminal handed over. */
	| {type: 'shell'; target: Target};

/** What the router needs to know about the screen it routes for. */
export interface ViewContext {
	/** Keys of the current pane's rows, filtered, in display order. */
	rowKeys: readonly string[];
	/** Rows that fit on screen: the PgUp/PgDn step. */
	pageSize: number;
	/** The detail's lines, when a detail is open (what `/`, `n` and `N` search). */
	detailText?: readonly string[];
	/** Lines of the overlay content on top (detail, help, history), for scrolling. */
	overlayLines: number;
	readonly: boolean;
	/** Where `r` creates pods. */
	namespace: string;
	/** The log view's lines and search matches (`source/state/logs-keys.ts`). */
	logs?: {lineCount: number; matches: readonly number[]};
	/** The object an events-pane row is about (Enter goes there). */
	eventTarget?: (key: string) => DetailTarget | undefined;
	/** The ids of the port-forwards `:pf` lists, in order. */
	forwardIds?: readonly number[];
	/** The context's namespace: kubectl commands leave -n out for it. */
	contextNamespace?: string;
	/** The manifests' paths by file name (the tutorial applies its files by name). */
	manifestPaths?: Readonly<Record<string, string>>;
}

export interface Routed {
	state: UiState;
	effects: Effect[];
}
