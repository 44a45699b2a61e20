// Enter on a tutorial step, pure: each step opens what the same key does elsewhere in kpods
// (the run prompt, the describe, the delete question, the apply dry run, a shell), filled in
// for the tutorial's objects, so every change still goes through its usual confirmation.
import {t} from '../i18n/index.js';
import {steps, type Step} from '../tutorial/steps.js';
import {push, withStatus} from './modes.js';
import type {Routed, ViewContext} from './route-types.js';
import {selectedIndex} from './selection.js';
import {textField} from './text-field.js';
import type {Target, UiState} from './ui-state.js';

/** The step under the tutorial's selection. */
export function selectedStep(state: UiState, view: ViewContext): {step: Step; index: number} | undefined {
	const index = selectedIndex(view.rowKeys, state.selection.tutorial);
	const step = steps.find(each => each.id === view.rowKeys[index]);
	return step ? {step, index} : undefined;
}

/** Enter on the selected step: the view, prompt or question that does it. */
export function runTutorialStep(state: UiState, view: ViewContext): Routed {
	const none = (next: UiState): Routed => ({state: next, effects: []});
	const selected = selectedStep(state, view);
	if (!selected) {
		return none(state);
	}
	const {step, index} = selected;
	if (step.mutates && view.readonly) {
		return none(withStatus(state, t('tutorial.readonly'), 'warn'));
	}
	const pod = (name: string): Target => ({kind: 'Pod', namespace: view.namespace, name});
	const {action} = step;
	switch (action.kind) {
		case 'next': {
			const next = Math.min(index + 1, steps.length - 1);
			return none({...state, selection: {...state.selection, tutorial: {key: steps[next]!.id, index: next}}});
		}

		case 'run':
			return none(
				push(state, {
					kind: 'prompt',
					prompt: {purpose: 'run', fields: [textField('name', action.name), textField('image', action.image)], focus: 0},
				}),
			);
		case 'show': {
			const {pane, name} = action;
			const selection = name ? {key: `${view.namespace}/${name}`, index: state.selection[pane].index} : state.selection[pane];
			return none({...state, pane, selection: {...state.selection, [pane]: selection}});
		}

		case 'describe':
			return none(push(state, {kind: 'detail', target: pod(action.name), scroll: 0}));
		case 'delete':
			return none(push(state, {kind: 'confirm', target: pod(action.name)}));
		case 'apply': {
			const paths = action.files.map(file => view.manifestPaths?.[file]);
			const missing = action.files.find((_file, position) => paths[position] === undefined);
			if (missing) {
				return none(withStatus(state, t('tutorial.noManifest', {file: missing}), 'error'));
			}
			return {state, effects: [{type: 'previewApply', scope: 'selected', paths: paths as string[]}]};
		}

		case 'shell':
			return {state, effects: [{type: 'shell', target: pod(action.name)}]};
	}
}
