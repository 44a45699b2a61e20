// The prompts' keys, pure: editing the field, Tab, and what submitting each kind of prompt
// does (filter, search, namespace, run, a `:` line).
import type {CommandId} from '../keys/keymap.js';
import type {KeyPress} from '../keys/key-name.js';
import {nextMatch} from '../derive/text-search.js';
import {isDns1123Subdomain, namespaceProblem} from '../k8s/names.js';
import {completeColon} from './colon.js';
import {submitSearch} from './logs-keys.js';
import {submitForward} from './forward-keys.js';
import {pop, replaceTop, withStatus} from './modes.js';
import type {Routed, ViewContext} from './route-types.js';
import {editText, textField} from './text-field.js';
import type {Mode, Prompt, UiState} from './ui-state.js';
import {t} from '../i18n/index.js';

type DetailMode = Extract<Mode, {kind: 'detail'}>;

/** While `/` is typed, the detail below finds the first match from where it stands. */
function searchWhileTyping(state: UiState, query: string, view: ViewContext): UiState {
	const below = state.modes.length - 2;
	const mode = state.modes[below];
	if (mode?.kind !== 'detail') {
		return state;
	}
	const line = query === '' ? undefined : nextMatch(view.detailText ?? [], query, mode.scroll - 1, 1);
	const detail: DetailMode = {...mode, search: query === '' ? undefined : {query, line}, scroll: line ?? mode.scroll};
	return {...state, modes: state.modes.map((each, index) => (index === below ? detail : each))};
}

/** An editing key in the prompt on top: the field changes (a filter or a search applies as it is typed); undefined when the key is not an edit. */
export function editPrompt(state: UiState, prompt: Prompt, key: KeyPress, view: ViewContext): UiState | undefined {
	const field = prompt.fields[prompt.focus]!;
	const edited = editText(field, key);
	if (!edited) {
		return undefined;
	}
	const fields = prompt.fields.map((old, index) => (index === prompt.focus ? edited : old)) as Prompt['fields'];
	const next = {...prompt, fields, error: undefined} as Prompt;
	let result = replaceTop(state, {kind: 'prompt', prompt: next});
	// The filter applies while it is typed.
	if (prompt.purpose === 'filter') {
		result = {...result, filter: {...result.filter, [prompt.pane]: edited.value}};
	}
	if (prompt.purpose === 'search') {
		result = searchWhileTyping(result, edited.value, view);
	}
	return result;
}

/** A command in the prompt on top: cancel, Tab (complete, next field), or submit; a `:` line is run by `runColon`. */
export function submitPrompt(
	state: UiState,
	prompt: Prompt,
	command: CommandId,
	view: ViewContext,
	runColon: (state: UiState, line: string) => Routed,
): Routed {
	const none = (next: UiState): Routed => ({state: next, effects: []});
	if (command === 'cancel') {
		const popped = pop(state);
		if (prompt.purpose === 'search') {
			return none(pop(searchWhileTyping(state, '', view)));
		}
		return none(prompt.purpose === 'filter' ? {...popped, filter: {...popped.filter, [prompt.pane]: ''}} : popped);
	}

	if (command === 'complete' && prompt.purpose === 'command') {
		const completion = completeColon(prompt.fields[0].value, prompt.names ?? {});
		if (completion.needs) {
			return {state, effects: [{type: 'loadCompletions', names: completion.needs}]};
		}
		return none(replaceTop(state, {kind: 'prompt', prompt: {...prompt, fields: [textField(prompt.fields[0].label, completion.line)]}}));
	}

	if (command === 'nextField' && prompt.purpose === 'run') {
		return none(replaceTop(state, {kind: 'prompt', prompt: {...prompt, focus: prompt.focus === 0 ? 1 : 0}}));
	}

	if (command !== 'submit') {
		return none(state);
	}
	const value = prompt.fields[0].value.trim();
	switch (prompt.purpose) {
		case 'filter':
			return none(pop(state));
		case 'search': {
			if (state.modes.at(-2)?.kind === 'logs') {
				return none(submitSearch(pop(state), prompt.fields[0].value));
			}
			const detail = state.modes.at(-2);
			const missed = value !== '' && detail?.kind === 'detail' && detail.search?.line === undefined;
			return none(missed ? withStatus(pop(state), t('status.notFound', {text: value}), 'warn') : pop(state));
		}

		case 'namespace': {
			const problem = value === '' ? t('prompt.typeNamespace') : namespaceProblem(value);
			if (problem) {
				return none(replaceTop(state, {kind: 'prompt', prompt: {...prompt, error: problem}}));
			}
			return {state: pop(state), effects: [{type: 'switchNamespace', namespace: value}]};
		}

		case 'run':
			return submitRun(state, prompt, view.namespace);
		case 'forward':
			return submitForward(state, prompt);
		case 'command':
			return runColon(pop(state), value);
	}
}

function submitRun(state: UiState, prompt: Extract<Prompt, {purpose: 'run'}>, namespace: string): Routed {
	const name = prompt.fields[0].value.trim();
	const image = prompt.fields[1].value.trim();
	const invalid = (error: string, focus: 0 | 1): Routed => ({
		state: replaceTop(state, {kind: 'prompt', prompt: {...prompt, error, focus}}),
		effects: [],
	});
	if (name === '') {
		return invalid(t('prompt.nameRequired'), 0);
	}
	const problems = isDns1123Subdomain(name);
	if (problems.length > 0) {
		return invalid(`Invalid value: "${name}": ${problems.join(', ')}`, 0);
	}
	if (image === '') {
		return invalid(t('prompt.imageRequired'), 1);
	}
	return {state: pop(state), effects: [{type: 'run', namespace, name, image}]};
}
