import {Box} from 'ink';
import {Text} from './text.js';

import {fitLine} from '../../derive/table-fit.js';
import {bindingHint, bindingsFor} from '../../keys/keymap.js';
import {type MessageKey, t, text} from '../../i18n/index.js';
import {completeColon} from '../../state/colon.js';
import {promptScopes} from '../../state/route-key.js';
import type {TextField} from '../../state/text-field.js';
import type {ApplyPreview, Prompt, Target} from '../../state/ui-state.js';
import type {Theme} from '../theme.js';
import {confirmKeys} from './overlay-lines.js';

function FieldText({field, focused}: {field: TextField; focused: boolean}) {
	if (!focused) {
		return <Text>{field.value}</Text>;
	}
	const before = field.value.slice(0, field.cursor);
	const at = field.value.slice(field.cursor, field.cursor + 1) || ' ';
	const after = field.value.slice(field.cursor + 1);
	return (
		<Text>
			{before}
			<Text inverse>{at}</Text>
			{after}
		</Text>
	);
}

const titles: Record<Prompt['purpose'], MessageKey> = {
	filter: 'prompt.filter',
	run: 'prompt.run',
	namespace: 'prompt.namespace',
	command: 'prompt.command',
	search: 'prompt.search',
	forward: 'prompt.forward',
};

/** A field's label as shown: the run prompt's are words of the language. */
const fieldLabels: Record<string, MessageKey> = {name: 'field.name', image: 'field.image', namespace: 'field.namespace'};

/** What the keys do in this prompt, from the keymap. */
function promptKeys(prompt: Prompt): string {
	return bindingsFor(promptScopes(prompt))
		.filter(binding => binding.hint && (binding.command !== 'nextField' || prompt.fields.length > 1))
		.map(
			binding =>
				`${binding.label}: ${binding.command === 'submit' && prompt.purpose === 'run' ? t('prompt.runSubmit') : bindingHint(binding)}`,
		)
		.join('  ');
}

/** On a `:` line, what Tab can complete the word being typed to. */
function candidatesText(prompt: Prompt): string {
	if (prompt.purpose !== 'command') {
		return '';
	}
	const {of, candidates} = completeColon(prompt.fields[0].value, prompt.names ?? {});
	return candidates.length === 0 ? '' : `   ${candidates.map(name => (of === 'command' ? `:${name}` : name)).join(' ')}`;
}

/** Two lines at the bottom: the fields being typed, then the error or what the keys do. */
export function PromptBar({prompt, width, theme}: {prompt: Prompt; width: number; theme: Theme}) {
	const error = 'error' in prompt ? prompt.error : undefined;
	const help = promptKeys(prompt) + candidatesText(prompt);
	return (
		<Box flexDirection="column">
			<Text wrap="truncate">
				{prompt.purpose === 'filter' || prompt.purpose === 'search' ? (
					<Text color={theme.accent}>/</Text>
				) : prompt.purpose === 'command' ? (
					<Text color={theme.accent}>:</Text>
				) : (
					<Text color={theme.accent}>{`${text(titles[prompt.purpose])}  `}</Text>
				)}
				{prompt.fields.map((field, index) => (
					<Text key={index}>
						{prompt.purpose === 'run' ? (
							<Text color={theme.dim}>
								{index > 0 ? '   ' : ''}
								{fieldLabels[field.label] ? text(fieldLabels[field.label]!) : field.label}:{' '}
							</Text>
						) : null}
						<FieldText field={field} focused={index === prompt.focus} />
					</Text>
				))}
			</Text>
			<Text color={error ? theme.tone('error') : theme.dim} wrap="truncate">
				{fitLine(
					error ?? `${prompt.purpose === 'filter' || prompt.purpose === 'search' ? `${text(titles[prompt.purpose])}  ` : ''}${help}`,
					width,
				)}
			</Text>
		</Box>
	);
}

/** The y/N question before a delete; No is the default. */
export function ConfirmBar({target, width, theme}: {target: Target; width: number; theme: Theme}) {
	const question = t('confirm.delete', {kind: target.kind.toLowerCase(), name: target.name, namespace: target.namespace});
	return (
		<Box flexDirection="column">
			<Text bold color={theme.tone('warn')} wrap="truncate">
				{fitLine(question, width)}
			</Text>
			<Text color={theme.dim} wrap="truncate">
				{fitLine(t('confirm.deleteKeys', {yes: confirmKeys('confirm'), no: confirmKeys('cancel')}), width)}
			</Text>
		</Box>
	);
}

/**
 * The y/N question after an apply's dry run (the pane above shows it object by object);
 * No is the default. kpods applies as kubectl apply does, client-side, so there is no force.
 */
export function ApplyConfirmBar({preview, width, theme}: {preview: ApplyPreview; width: number; theme: Theme}) {
	const question = `${preview.summary} [y/N]`;
	return (
		<Box flexDirection="column">
			<Text bold color={theme.tone('warn')} wrap="truncate">
				{fitLine(question, width)}
			</Text>
			<Text color={theme.dim} wrap="truncate">
				{fitLine(t('confirm.applyKeys'), width)}
			</Text>
		</Box>
	);
}
