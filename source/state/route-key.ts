import type {ForwardPlan, PlannedPort} from '../derive/forward-plan.js';
import {routeForwards} from './forward-keys.js';
import {colonCommandFor, colonUsage, commandFor, type Binding, type CommandId, type Scope} from '../keys/keymap.js';
import type {KeyPress} from '../keys/key-name.js';
import {isFilterPane, paneEntry} from '../keys/panes.js';
import {nextMatch} from '../derive/text-search.js';
import {namespaceProblem} from '../k8s/names.js';
import {parseColon} from './colon.js';
import {routeLogs} from './logs-keys.js';
import {pop, push, replaceTop, withStatus} from './modes.js';
import {editPrompt, submitPrompt} from './prompt-keys.js';
import {moveSelection, selectedIndex} from './selection.js';
import {textField} from './text-field.js';
import {panes, topMode, type Mode, type Pane, type Prompt, type Target, type UiState} from './ui-state.js';

/** Work the router asks the app to do; the router itself stays pure. */
export type Effect =
	| {type: 'quit'}
	| {type: 'delete'; target: Target}
	| {type: 'run'; namespace: string; name: string; image: string}
	/** A server dry run of the apply, shown for confirmation. */
	| {type: 'previewApply'; scope: 'selected' | 'all'; path?: string}
	| {type: 'apply'; scope: 'selected' | 'all'; path?: string}
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
	eventTarget?: (key: string) => Target | undefined;
	/** The ids of the port-forwards `:pf` lists, in order. */
	forwardIds?: readonly number[];
	/** The context's namespace: kubectl commands leave -n out for it. */
	contextNamespace?: string;
}

export interface Routed {
	state: UiState;
	effects: Effect[];
}

/** The scopes searched for a key, innermost first: the top overlay alone, else the pane. */
export function activeScopes(state: UiState): Scope[] {
	const mode = topMode(state);
	if (mode?.kind === 'prompt') {
		return promptScopes(mode.prompt);
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
	return mode ? runInMode(state, mode, binding.command, view) : runCommand(state, binding.command, view);
}

/** --readonly in one place: a command that changes the cluster is refused, saying so. */
function refuseReadonly(state: UiState, binding: Binding, view: ViewContext): Routed | undefined {
	if (!binding.mutates || !view.readonly) {
		return undefined;
	}
	return {state: withStatus(state, `read-only mode (--readonly): "${binding.description}" is disabled`, 'warn'), effects: []};
}

/** A command on a pane (a key, or a `:` command with its argument). */
function runCommand(state: UiState, command: CommandId, view: ViewContext, argument?: string): Routed {
	const none = (next: UiState): Routed => ({state: next, effects: []});
	if (command.startsWith('pane.') && panes.includes(command.slice(5) as Pane)) {
		return none(switchPane(state, command.slice(5) as Pane));
	}
	switch (command) {
		case 'up':
			return none(move(state, view, -1));
		case 'down':
			return none(move(state, view, 1));
		case 'pageUp':
			return none(move(state, view, -Math.max(1, view.pageSize)));
		case 'pageDown':
			return none(move(state, view, Math.max(1, view.pageSize)));
		case 'top':
			return none(move(state, view, 'top'));
		case 'bottom':
			return none(move(state, view, 'bottom'));
		case 'pane.next':
			return none(switchPane(state, panes[(panes.indexOf(state.pane) + 1) % panes.length]!));
		case 'pane.previous':
			return none(switchPane(state, panes[(panes.indexOf(state.pane) + panes.length - 1) % panes.length]!));
		case 'help':
			return none(push(state, {kind: 'help', scroll: 0}));
		case 'history':
			return none(push(state, {kind: 'history', scroll: 0}));
		case 'quit':
			return {state, effects: [{type: 'quit'}]};
		case 'namespace': {
			if (argument === undefined) {
				return {state, effects: [{type: 'loadNamespaces'}]};
			}
			if (argument === 'all' || argument === '-A') {
				return {state, effects: [{type: 'switchNamespace', namespace: undefined}]};
			}
			const problem = namespaceProblem(argument);
			return problem ? none(withStatus(state, problem, 'error')) : {state, effects: [{type: 'switchNamespace', namespace: argument}]};
		}

		case 'allNamespaces':
			return {state, effects: [{type: 'switchNamespace', namespace: undefined}]};
		case 'context':
			return {state, effects: [argument ? {type: 'switchContext', context: argument} : {type: 'loadContexts'}]};
		case 'command':
			return none(push(state, {kind: 'prompt', prompt: {purpose: 'command', fields: [textField(':')], focus: 0}}));
		case 'run':
			return none(push(state, {kind: 'prompt', prompt: {purpose: 'run', fields: [textField('name'), textField('image')], focus: 0}}));
		case 'filter': {
			const {pane} = state;
			if (!isFilterPane(pane)) {
				return none(state);
			}
			return none(push(state, {kind: 'prompt', prompt: {purpose: 'filter', pane, fields: [textField('/', state.filter[pane])], focus: 0}}));
		}

		case 'back': {
			if (!isFilterPane(state.pane) || state.filter[state.pane] === '') {
				return none(state);
			}
			return none({...state, filter: {...state.filter, [state.pane]: ''}});
		}

		case 'detail': {
			const target = selectedTarget(state, view);
			return none(target ? push(state, {kind: 'detail', target, scroll: 0}) : state);
		}

		case 'logs':
		case 'edit': {
			const target = selectedTarget(state, view);
			return target
				? {state, effects: [command === 'logs' ? {type: 'openLogs', target} : {type: 'edit', target}]}
				: none(withStatus(state, 'nothing selected', 'warn'));
		}

		case 'portForward': {
			const target = selectedTarget(state, view);
			return target ? {state, effects: [{type: 'planForward', target}]} : none(withStatus(state, 'nothing selected', 'warn'));
		}

		case 'forwards':
			return none(push(state, {kind: 'forwards', selection: 0}));
		case 'shell': {
			const target = selectedTarget(state, view);
			return target?.kind === 'Pod' ? {state, effects: [{type: 'shell', target}]} : none(withStatus(state, 'no pod selected', 'warn'));
		}

		case 'yaml': {
			const target = selectedTarget(state, view);
			return target
				? openYaml(push(state, {kind: 'detail', target, scroll: 0, text: 'yaml'}), target, view)
				: none(withStatus(state, 'nothing selected', 'warn'));
		}

		case 'jump': {
			const key = selectedKey(state, view);
			const target = key === undefined ? undefined : view.eventTarget?.(key);
			if (!target) {
				return none(withStatus(state, 'this event is not about a pod or a service', 'warn'));
			}
			const pane = target.kind === 'Pod' ? 'pods' : 'services';
			return none({
				...state,
				pane,
				selection: {...state.selection, [pane]: {key: `${target.namespace}/${target.name}`, index: state.selection[pane].index}},
			});
		}

		case 'delete': {
			const target = selectedTarget(state, view);
			return none(target ? push(state, {kind: 'confirm', target}) : withStatus(state, 'nothing selected to delete', 'warn'));
		}

		case 'apply': {
			const path = selectedKey(state, view);
			return path
				? {state, effects: [{type: 'previewApply', scope: 'selected', path}]}
				: none(withStatus(state, 'no manifest selected', 'warn'));
		}

		case 'applyAll':
			return {state, effects: [{type: 'previewApply', scope: 'all'}]};
		case 'previewDown':
			return none({...state, previewScroll: state.previewScroll + 1});
		case 'previewUp':
			return none({...state, previewScroll: Math.max(0, state.previewScroll - 1)});
		default:
			return none(state);
	}
}

function runInMode(state: UiState, mode: Mode, command: CommandId, view: ViewContext): Routed {
	const none = (next: UiState): Routed => ({state: next, effects: []});
	if (command === 'quit') {
		return {state, effects: [{type: 'quit'}]};
	}
	switch (mode.kind) {
		case 'confirm': {
			const popped = pop(state);
			if (command === 'confirm') {
				return {state: popped, effects: [{type: 'delete', target: mode.target}]};
			}
			return none(withStatus(popped, `delete of ${mode.target.kind.toLowerCase()} "${mode.target.name}" cancelled`, 'info'));
		}

		case 'applyPreview': {
			const popped = pop(state);
			const {scope, path} = mode.preview;
			if (command === 'confirm') {
				return {state: popped, effects: [{type: 'apply', scope, ...(path === undefined ? {} : {path})}]};
			}
			return none(withStatus(popped, 'apply cancelled: nothing was changed', 'info'));
		}

		case 'picker': {
			const offset = mode.purpose === 'namespace' ? 1 : 0; // row 0 is "all namespaces"
			const count = mode.names.length + offset;
			const step = {up: -1, down: 1, pageUp: -view.pageSize, pageDown: view.pageSize, top: -count, bottom: count} as Record<string, number>;
			if (command in step) {
				const selection = Math.min(Math.max(mode.selection + step[command]!, 0), count - 1);
				return none(replaceTop(state, {...mode, selection}));
			}

			if (command === 'submit') {
				if (mode.purpose === 'container') {
					return {state: pop(state), effects: [{type: 'openLogs', target: mode.target, container: mode.names[mode.selection]!}]};
				}
				if (mode.purpose === 'context') {
					return {state: pop(state), effects: mode.names.length > 0 ? [{type: 'switchContext', context: mode.names[mode.selection]!}] : []};
				}
				const namespace = mode.selection === 0 ? undefined : mode.names[mode.selection - 1];
				return {state: pop(state), effects: [{type: 'switchNamespace', namespace}]};
			}

			return none(command === 'back' ? pop(state) : state);
		}

		case 'prompt':
			return submitPrompt(state, mode.prompt, command, view, (next, line) => runColonCommand(next, line, view));
		case 'forwards':
			return routeForwards(state, mode, command, view);
		case 'detail': {
			if (command === 'portForward') {
				return {state, effects: [{type: 'planForward', target: mode.target}]};
			}
			if (command === 'shell') {
				return mode.target.kind === 'Pod'
					? {state, effects: [{type: 'shell', target: mode.target}]}
					: none(withStatus(state, 'a shell runs in a pod, not a service', 'warn'));
			}
			if (command === 'delete') {
				return none(push(state, {kind: 'confirm', target: mode.target}));
			}
			if (command === 'logs') {
				return {state, effects: [{type: 'openLogs', target: mode.target}]};
			}
			if (command === 'edit') {
				return {state, effects: [{type: 'edit', target: mode.target}]};
			}
			if (command === 'yaml') {
				const switched = replaceTop(state, {...mode, scroll: 0, text: mode.text === 'yaml' ? 'describe' : 'yaml'});
				return mode.text === 'yaml' ? none(switched) : openYaml(switched, mode.target, view);
			}

			if (command === 'search') {
				return none(
					push(state, {kind: 'prompt', prompt: {purpose: 'search', fields: [textField('/', mode.search?.query ?? '')], focus: 0}}),
				);
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

		case 'logs': {
			if (command === 'back') {
				return none(pop(state));
			}
			return none(
				routeLogs(state, mode, command, {
					lineCount: view.logs?.lineCount ?? 0,
					pageSize: view.pageSize,
					matches: view.logs?.matches ?? [],
				}) ?? state,
			);
		}

		case 'help':
		case 'history': {
			if (command === mode.kind) {
				return none(pop(state));
			}
			return none(scrollOrBack(state, mode, command, view));
		}
	}
}

function scrollOrBack(state: UiState, mode: Extract<Mode, {scroll: number}>, command: CommandId, view: ViewContext): UiState {
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

type DetailMode = Extract<Mode, {kind: 'detail'}>;

/** `n`/`N`: the next or previous matching line, wrapping; the view scrolls to it. */
function searchAgain(state: UiState, mode: DetailMode, direction: 1 | -1, view: ViewContext): UiState {
	if (!mode.search) {
		return withStatus(state, 'no search yet: press / to search the text', 'info');
	}
	const from = mode.search.line ?? (direction === 1 ? mode.scroll - 1 : mode.scroll);
	const line = nextMatch(view.detailText ?? [], mode.search.query, from, direction);
	if (line === undefined) {
		return withStatus(replaceTop(state, {...mode, search: {query: mode.search.query}}), `not found: ${mode.search.query}`, 'warn');
	}
	return replaceTop(state, {...mode, scroll: line, search: {query: mode.search.query, line}});
}

/** A `:` line (`:pods`, `:ns NAME`, `:ctx`, …, as k9s users type them): the keymap's `:` names say which command it runs. */
function runColonCommand(state: UiState, line: string, view: ViewContext): Routed {
	const {word, argument} = parseColon(line);
	if (word === '') {
		return {state, effects: []};
	}
	const binding = colonCommandFor(word);
	if (!binding) {
		return {state: withStatus(state, `unknown command ":${word}" (try ${colonUsage()})`, 'warn'), effects: []};
	}
	return refuseReadonly(state, binding, view) ?? runCommand(state, binding.command, view, argument);
}

function move(state: UiState, view: ViewContext, movement: number | 'top' | 'bottom'): UiState {
	const selection = moveSelection(view.rowKeys, state.selection[state.pane], movement);
	return {
		...state,
		selection: {...state.selection, [state.pane]: selection},
		previewScroll: state.pane === 'manifests' ? 0 : state.previewScroll,
	};
}

function selectedKey(state: UiState, view: ViewContext): string | undefined {
	const index = selectedIndex(view.rowKeys, state.selection[state.pane]);
	return index === -1 ? undefined : view.rowKeys[index];
}

/** Row keys of the pods and services panes are `namespace/name`. */
function selectedTarget(state: UiState, view: ViewContext): Target | undefined {
	const kind = paneEntry(state.pane).target;
	const key = kind && selectedKey(state, view);
	if (!kind || !key) {
		return undefined;
	}
	const slash = key.indexOf('/');
	return {kind, namespace: key.slice(0, slash), name: key.slice(slash + 1)};
}

/** The YAML view's kubectl command, for the status line and the history. */
function openYaml(state: UiState, target: Target, view: ViewContext): Routed {
	const namespace = target.namespace === (view.contextNamespace ?? view.namespace) ? '' : ` -n ${target.namespace}`;
	return {
		state,
		effects: [
			{
				type: 'note',
				text: `YAML of ${target.kind.toLowerCase()} ${target.name} (y: describe)`,
				kubectl: `kubectl get ${target.kind.toLowerCase()} ${target.name}${namespace} -o yaml`,
			},
		],
	};
}

function switchPane(state: UiState, pane: Pane): UiState {
	return {...state, pane};
}
