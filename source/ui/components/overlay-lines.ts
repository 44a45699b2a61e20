import type {DetailLine} from '../../derive/describe.js';
import {bindingDescription, bindingsFor, keysText, type Binding} from '../../keys/keymap.js';
import {paneEntry, type Pane} from '../../keys/panes.js';
import type {HistoryEntry} from '../../state/ui-state.js';
import {formatTime, t, text} from '../../i18n/index.js';

function bindingLine(binding: Binding, readonly: boolean): DetailLine {
	const keys = binding.label.padEnd(10);
	const refused = readonly && binding.mutates ? t('help.disabled') : '';
	return {text: `  ${keys}${bindingDescription(binding)}${refused}`, tone: refused ? 'dim' : undefined};
}

/** Help for the pane on screen, generated from the keymap. */
export function helpLines(pane: Pane, readonly: boolean): DetailLine[] {
	const global = bindingsFor(['global']);
	const local = bindingsFor([pane, 'list']).filter(binding => !global.includes(binding));
	return [
		{text: t('help.paneHeading', {pane: text(paneEntry(pane).title)}), heading: true},
		...local.map(binding => bindingLine(binding, readonly)),
		{text: ''},
		{text: t('help.everywhere'), heading: true},
		...global.map(binding => bindingLine(binding, readonly)),
		{text: ''},
		{text: t('help.confirmation', {yes: confirmKeys('confirm'), no: confirmKeys('cancel')}), tone: 'dim'},
		{text: t('help.kubectlNote'), tone: 'dim'},
	];
}

/** The keys that answer a confirmation yes or no, from the keymap. */
export function confirmKeys(answer: 'confirm' | 'cancel'): string {
	const binding = bindingsFor(['confirm']).find(each => each.command === answer);
	return binding ? keysText(binding) : '';
}

/** Every action taken, newest last, each with its kubectl command and what it printed. */
export function historyLines(history: readonly HistoryEntry[]): DetailLine[] {
	if (history.length === 0) {
		return [{text: t('history.empty'), tone: 'dim'}];
	}
	return history.flatMap(entry => {
		const time = formatTime(new Date(entry.at));
		return [
			{text: `${time}  $ ${entry.kubectl}`, heading: true},
			...entry.lines.map(line => ({text: `          ${line}`, tone: entry.ok ? undefined : ('error' as const)})),
		];
	});
}
