/** Keys on a pane (no overlay open) and `:` commands: move, switch panes, open a view, start an action. */

import {bindingDescription, colonCommandFor, colonUsage, type Binding, type CommandId} from '../keys/keymap.js';
import {t} from '../i18n/index.js';
import {isFilterPane, paneEntry} from '../keys/panes.js';
import {namespaceProblem} from '../k8s/names.js';
import {parseColon} from './colon.js';
import {openYaml} from './detail-keys.js';
import {push, withStatus} from './modes.js';
import type {Routed, ViewContext} from './route-types.js';
import {moveSelection, selectedIndex} from './selection.js';
import {textField} from './text-field.js';
import {runTutorialStep} from './tutorial-keys.js';
import {isActionTarget, panes, type DetailTarget, type Pane, type Target, type UiState} from './ui-state.js';

/** --readonly in one place: a command that changes the cluster is refused, saying so. */
export function refuseReadonly(state: UiState, binding: Binding, view: ViewContext): Routed | undefined {
	if (!binding.mutates || !view.readonly) {
		return undefined;
	}
	return {state: withStatus(state, t('footer.readonly', {action: bindingDescription(binding)}), 'warn'), effects: []};
}

/** A command on a pane (a key, or a `:` command with its argument). */
export function runPaneCommand(state: UiState, command: CommandId, view: ViewContext, argument?: string): Routed {
	const none = (next: UiState): Routed => ({state: next, effects: []});
	const pane = command.startsWith('pane.') && panes.includes(command.slice(5) as Pane) ? (command.slice(5) as Pane) : undefined;
	// `:namespace NAME` switches to NAME, as it did before `:namespace` named the namespaces pane.
	if (pane && argument !== undefined && paneEntry(pane).namespaceArgument) {
		return runPaneCommand(state, 'namespace', view, argument);
	}
	if (pane) {
		return none(switchPane(state, pane));
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
			const target = selectedActionTarget(state, view);
			return target
				? {state, effects: [command === 'logs' ? {type: 'openLogs', target} : {type: 'edit', target}]}
				: none(withStatus(state, t('status.nothingSelected'), 'warn'));
		}

		case 'portForward': {
			const target = selectedActionTarget(state, view);
			return target ? {state, effects: [{type: 'planForward', target}]} : none(withStatus(state, t('status.nothingSelected'), 'warn'));
		}

		case 'forwards':
			return none(push(state, {kind: 'forwards', selection: 0}));
		case 'shell': {
			const target = selectedActionTarget(state, view);
			return target?.kind === 'Pod'
				? {state, effects: [{type: 'shell', target}]}
				: none(withStatus(state, t('status.noPodSelected'), 'warn'));
		}

		case 'yaml': {
			const target = selectedTarget(state, view);
			return target
				? openYaml(push(state, {kind: 'detail', target, scroll: 0, text: 'yaml'}), target, view)
				: none(withStatus(state, t('status.nothingSelected'), 'warn'));
		}

		case 'tutorialStep':
			return runTutorialStep(state, view);
		case 'jump': {
			const key = selectedKey(state, view);
			const target = key === undefined ? undefined : view.eventTarget?.(key);
			if (!target) {
				return none(withStatus(state, t('status.eventNotAboutObject'), 'warn'));
			}
			const pane = paneOfKind[target.kind];
			const rowKey = target.namespace === '' ? target.name : `${target.namespace}/${target.name}`;
			return none({...state, pane, selection: {...state.selection, [pane]: {key: rowKey, index: state.selection[pane].index}}});
		}

		case 'useNamespace': {
			// Row keys of the namespaces pane are the names.
			const namespace = selectedKey(state, view);
			return namespace
				? {state: switchPane(state, 'pods'), effects: [{type: 'switchNamespace', namespace}]}
				: none(withStatus(state, t('status.noNamespaceSelected'), 'warn'));
		}

		case 'delete': {
			const target = selectedActionTarget(state, view);
			return none(target ? push(state, {kind: 'confirm', target}) : withStatus(state, t('status.nothingToDelete'), 'warn'));
		}

		case 'apply': {
			const path = selectedKey(state, view);
			return path
				? {state, effects: [{type: 'previewApply', scope: 'selected', path}]}
				: none(withStatus(state, t('status.noManifestSelected'), 'warn'));
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

/** A `:` line (`:pods`, `:ns NAME`, `:ctx`, …, as k9s users type them): the keymap's `:` names say which command it runs. */
export function runColonCommand(state: UiState, line: string, view: ViewContext): Routed {
	const {word, argument} = parseColon(line);
	if (word === '') {
		return {state, effects: []};
	}
	const binding = colonCommandFor(word);
	if (!binding) {
		return {state: withStatus(state, t('status.unknownCommand', {word, commands: colonUsage()}), 'warn'), effects: []};
	}
	return refuseReadonly(state, binding, view) ?? runPaneCommand(state, binding.command, view, argument);
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

/** The pane that lists each kind, where `Enter` on an event goes. */
const paneOfKind = {Pod: 'pods', Service: 'services', Node: 'nodes', Namespace: 'namespaces'} as const satisfies Record<
	DetailTarget['kind'],
	Pane
>;

/** Row keys of the pods and services panes are `namespace/name`; of the nodes and namespaces panes (cluster-scoped), the name. */
function selectedTarget(state: UiState, view: ViewContext): DetailTarget | undefined {
	const kind = paneEntry(state.pane).target;
	const key = kind && selectedKey(state, view);
	if (!kind || !key) {
		return undefined;
	}
	if (kind === 'Node' || kind === 'Namespace') {
		return {kind, namespace: '', name: key};
	}
	const slash = key.indexOf('/');
	return {kind, namespace: key.slice(0, slash), name: key.slice(slash + 1)};
}

/** The selected pod or service, which kpods acts on (its keys are bound on those panes only). */
function selectedActionTarget(state: UiState, view: ViewContext): Target | undefined {
	const target = selectedTarget(state, view);
	return target && isActionTarget(target) ? target : undefined;
}

function switchPane(state: UiState, pane: Pane): UiState {
	return {...state, pane};
}
