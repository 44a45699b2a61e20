import {Box} from 'ink';
import {Text} from './text.js';

import {bindingHint, type Binding} from '../../keys/keymap.js';
import {fitLine} from '../../derive/table-fit.js';
import {safeLine} from '../../format/safe-text.js';
import type {StatusLine} from '../../state/ui-state.js';
import type {Theme} from '../theme.js';

interface FooterProps {
	status?: StatusLine;
	busy?: string;
	/** The bindings of the active scopes (from the keymap), shown as hints. */
	bindings: readonly Binding[];
	readonly: boolean;
	width: number;
	theme: Theme;
}

/** Hints kept when the line is short: how to get help and how to leave. */
const kept = new Set(['help', 'quit', 'back']);

/**
 * The key hints of what is on screen, computed from the keymap so they cannot drift. When they
 * do not fit the width, whole hints are left out from the end (help and quit/back stay), so no
 * hint is ever cut in the middle of a word, in any language.
 */
export function hintText(bindings: readonly Binding[], readonly: boolean, width = Number.POSITIVE_INFINITY): string {
	const hints = bindings
		.filter(binding => binding.hint && !(readonly && binding.mutates))
		.map(binding => ({command: binding.command, text: `${binding.command === 'up' ? '↑↓' : binding.label} ${bindingHint(binding)}`}));
	const length = () => hints.reduce((sum, hint) => sum + hint.text.length, 0) + 2 * Math.max(0, hints.length - 1);
	for (let index = hints.length - 1; index >= 0 && length() > width; index--) {
		if (!kept.has(hints[index]!.command)) {
			hints.splice(index, 1);
		}
	}
	return hints.map(hint => hint.text).join('  ');
}

/** Status line (the last action and its kubectl command), then key hints. */
export function Footer({status, busy, bindings, readonly, width, theme}: FooterProps) {
	// Server messages and names in them are measured as they will be shown (made safe).
	const kubectl = safeLine(status?.kubectl ? `   $ ${status.kubectl}` : '');
	// A blank status still takes its line, so the frame keeps its height.
	const text = safeLine(busy ? `… ${busy}` : status ? status.text : ' ');
	// The result comes first; the kubectl command takes what is left (at least half the line).
	const textWidth = Math.min(text.length, Math.max(Math.floor(width / 2), width - kubectl.length));
	return (
		<Box flexDirection="column">
			<Text wrap="truncate">
				<Text color={busy ? theme.tone('info') : status ? theme.tone(status.tone) : undefined}>{fitLine(text, textWidth)}</Text>
				<Text color={theme.accent}>{fitLine(kubectl, width - textWidth)}</Text>
			</Text>
			<Text color={theme.dim} wrap="truncate">
				{fitLine(hintText(bindings, readonly, width), width)}
			</Text>
		</Box>
	);
}
