/**
 * The panes, as data: the tab order, the key and the `:` names that show each one, and what
 * its rows are. The keymap, the router, the header's tabs and help all read this table;
 * a new pane is one entry here and one component in `ui/views.tsx`.
 */

import type {MessageKey} from '../i18n/index.js';

interface PaneEntry {
	id: string;
	/** The tab's and help's title (a catalog key). */
	title: Extract<MessageKey, `pane.${string}`>;
	/** The tab's title where the full ones do not fit: a `:` alias, the same in every language. */
	short: string;
	/** The key that shows the pane. */
	key: string;
	/** What help says the key shows (a catalog key). */
	description: Extract<MessageKey, `help.pane.${string}`>;
	/** `:` names, the first one shown in help and completion. */
	colon: readonly string[];
	/** `:NAME ARG` switches to the namespace ARG instead of showing the pane (Tab completes ARG), as `:ns ARG` does. */
	namespaceArgument?: boolean;
	/** Rows are objects on the cluster (keyed `namespace/name`, or `name` when cluster-scoped): Enter details them. */
	target?: 'Pod' | 'Service' | 'Node' | 'Namespace';
	/** `/` filters the rows. */
	filter?: boolean;
	/** The header shows its tab only while the pane is open (the tutorial: a guide, not a list of objects). */
	tabWhenOpen?: boolean;
}

/** Each pane, in tab order, with its key, title and `:` names. */
export const paneTable = [
	{
		id: 'pods',
		title: 'pane.pods',
		short: 'Pods',
		key: '1',
		description: 'help.pane.pods',
		colon: ['pods', 'pod', 'po'],
		target: 'Pod',
		filter: true,
	},
	{
		id: 'services',
		title: 'pane.services',
		short: 'Svc',
		key: '2',
		description: 'help.pane.services',
		colon: ['svc', 'service', 'services'],
		target: 'Service',
		filter: true,
	},
	{
		id: 'manifests',
		title: 'pane.manifests',
		short: 'Mf',
		key: '3',
		description: 'help.pane.manifests',
		colon: ['manifests', 'manifest', 'mf'],
	},
	{
		id: 'events',
		title: 'pane.events',
		short: 'Ev',
		key: '4',
		description: 'help.pane.events',
		colon: ['events', 'event', 'ev'],
		filter: true,
	},
	{
		id: 'nodes',
		title: 'pane.nodes',
		short: 'No',
		key: '5',
		description: 'help.pane.nodes',
		colon: ['nodes', 'node', 'no'],
		target: 'Node',
		filter: true,
	},
	{
		id: 'namespaces',
		title: 'pane.namespaces',
		short: 'Ns',
		key: '6',
		description: 'help.pane.namespaces',
		colon: ['namespaces', 'namespace'],
		namespaceArgument: true,
		target: 'Namespace',
		filter: true,
	},
	{
		id: 'tutorial',
		title: 'pane.tutorial',
		short: 'Tut',
		key: 't',
		description: 'help.pane.tutorial',
		colon: ['tutorial', 'tut'],
		tabWhenOpen: true,
	},
] as const satisfies readonly PaneEntry[];

export type Pane = (typeof paneTable)[number]['id'];

/** The panes whose rows `/` filters. */
export type FilterPane = Extract<(typeof paneTable)[number], {filter: true}>['id'];

/** The pane ids in tab order. */
export const panes: readonly Pane[] = paneTable.map(entry => entry.id);

/** A pane's entry. */
export function paneEntry(pane: Pane): PaneEntry {
	return paneTable.find(entry => entry.id === pane)!;
}

/** Whether `/` filters this pane's rows. */
export function isFilterPane(pane: Pane): pane is FilterPane {
	return paneEntry(pane).filter === true;
}
