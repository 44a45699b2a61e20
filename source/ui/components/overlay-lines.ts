import type {DetailLine} from '../../derive/describe.js';
import {bindingsFor, type Binding} from '../../keys/keymap.js';
import type {HistoryEntry, Pane} from '../../state/ui-state.js';

const paneNames: Record<Pane, string> = {pods: 'Pods', services: 'Services', manifests: 'Manifests'};

function bindingLine(binding: Binding, readonly: boolean): DetailLine {
	const keys = binding.label.padEnd(10);
	const refused = readonly && binding.mutates ? '   (disabled: --readonly)' : '';
	return {text: `  ${keys}${binding.description}${refused}`, tone: refused ? 'dim' : undefined};
}

/** Help for the pane on screen, generated from the keymap. */
export function helpLines(pane: Pane, readonly: boolean): DetailLine[] {
	const global = bindingsFor(['global']);
	const local = bindingsFor([pane, 'list']).filter(binding => !global.includes(binding));
	return [
		{text: `${paneNames[pane]} pane`, heading: true},
		...local.map(binding => bindingLine(binding, readonly)),
		{text: ''},
		{text: 'Everywhere', heading: true},
		...global.map(binding => bindingLine(binding, readonly)),
		{text: ''},
		{text: 'In a confirmation: y deletes, anything else (n, Esc, Enter) keeps it.', tone: 'dim'},
		{text: 'Every change kpods makes shows the kubectl command that does the same (h: history).', tone: 'dim'},
	];
}

/** Every action taken, newest last, each with its kubectl command and what it printed. */
export function historyLines(history: readonly HistoryEntry[]): DetailLine[] {
	if (history.length === 0) return [{text: 'Nothing done yet. Actions (run, delete, apply) and their kubectl commands appear here.', tone: 'dim'}];
	return history.flatMap(entry => {
		const time = new Date(entry.at).toTimeString().slice(0, 8);
		return [
			{text: `${time}  $ ${entry.kubectl}`, heading: true},
			...entry.lines.map(line => ({text: `          ${line}`, tone: entry.ok ? undefined : 'error' as const})),
		];
	});
}
