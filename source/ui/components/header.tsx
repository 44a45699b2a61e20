import {Box} from 'ink';
import {memo} from 'react';
import {Text} from './text.js';

import type {ClusterInfo, ConnectionState} from '../../cluster/types.js';
import type {PodCounts} from '../../derive/pod-view.js';
import {fitTabLine, type TabCount} from '../../derive/header-tabs.js';
import {fitLine} from '../../derive/table-fit.js';
import {safeLine} from '../../format/safe-text.js';
import {paneEntry, paneTable, type Pane} from '../../keys/panes.js';
import type {Theme} from '../theme.js';
import {t, text} from '../../i18n/index.js';

interface HeaderProps {
	info: ClusterInfo;
	state: ConnectionState;
	/** Other stores that are not live, named (e.g. "services forbidden"). */
	notes: string[];
	counts: PodCounts;
	pane: Pane;
	/** What each tab shows after its title: a count of rows, the tutorial's progress (`3/11`), or nothing before its store is listed. */
	paneCounts: Readonly<Record<Pane, TabCount>>;
	readonly: boolean;
	width: number;
	theme: Theme;
}

const healthWords: Array<Exclude<keyof PodCounts, 'total'>> = ['ok', 'progressing', 'warning', 'failed', 'completed', 'terminating'];

/** The connection state in words, with its reason. */
export function stateText(state: ConnectionState): string {
	switch (state.kind) {
		case 'connecting':
			return state.loaded === undefined
				? t('state.connecting')
				: state.total === undefined
					? t('state.loading', {loaded: state.loaded})
					: t('state.loadingOf', {loaded: state.loaded, total: state.total});
		case 'live':
			return t('state.live');
		case 'reconnecting':
			return t('state.reconnecting', {attempt: state.attempt, reason: state.reason});
		case 'forbidden':
			return t('state.forbidden', {reason: state.reason});
		case 'error':
			return t('state.error', {reason: state.reason});
	}
}

/**
 * Two lines: where kpods looks (context, server, namespace, state), then panes and pod health.
 * Drawn again only when what it shows changed: under a watch storm the screen renders 20 times
 * a second for rows whose changes leave the counts as they were.
 */
export const Header = memo(HeaderLines, sameHeader);

function sameHeader(before: HeaderProps, after: HeaderProps): boolean {
	return (
		before.info === after.info &&
		before.state === after.state &&
		before.counts === after.counts &&
		before.pane === after.pane &&
		before.readonly === after.readonly &&
		before.width === after.width &&
		before.theme === after.theme &&
		before.notes.length === after.notes.length &&
		before.notes.every((note, index) => note === after.notes[index]) &&
		paneTable.every(({id}) => before.paneCounts[id] === after.paneCounts[id])
	);
}

function HeaderLines({info, state, notes, counts, pane, paneCounts, readonly, width, theme}: HeaderProps) {
	const namespace = info.allNamespaces ? t('header.allNamespaces') : info.namespace;
	// Context and namespace always show; the server only where the state leaves room.
	// Kubeconfig names and server messages are measured as they will be shown (made safe).
	const essentials = safeLine(
		t('header.where', {
			context: info.context,
			sandbox: info.sandbox ? t('header.sandbox') : '',
			namespace,
			readonly: readonly ? t('header.readonly') : '',
		}),
	);
	const server = safeLine(t('header.server', {server: info.server}));
	const tone = state.kind === 'live' ? 'ok' : state.kind === 'connecting' || state.kind === 'reconnecting' ? 'warn' : 'error';
	const status = safeLine(`● ${stateText(state)}${notes.length > 0 ? ` · ${notes.join(' · ')}` : ''}`);
	const statusWidth = Math.max(0, Math.min(status.length, width - essentials.length - 2));
	const where = essentials + (essentials.length + server.length + 2 + statusWidth <= width ? server : '');
	const whereWidth = Math.max(0, width - statusWidth - 2);
	const health = healthWords
		.filter(key => counts[key] > 0)
		.map(key => t(`health.${key}`, {count: counts[key]}))
		.join(' · ');
	// A pane with tabWhenOpen (the tutorial) has a tab only while it is open.
	const sources = paneTable
		.filter(({id}) => !paneEntry(id).tabWhenOpen || id === pane)
		.map(({id, key, title, short}) => ({id, key, title: text(title), short}));
	const {tabs, right} = fitTabLine(sources, paneCounts, pane, health, t('header.help'), width);
	const tabText = tabs.map(tab => tab.text).join(' ');
	const gap = Math.max(1, width - tabText.length - right.length);
	return (
		<Box flexDirection="column">
			<Text wrap="truncate">
				<Text bold>{fitLine(where, whereWidth).padEnd(whereWidth)}</Text>
				{'  '}
				<Text color={theme.tone(tone)}>{fitLine(status, statusWidth)}</Text>
			</Text>
			<Text wrap="truncate">
				{tabs
					.map(({id, text: label}) => (
						<Text key={id} inverse={id === pane} bold={id === pane}>
							{label}
						</Text>
					))
					.flatMap((tab, index) => (index === 0 ? [tab] : [' ', tab]))}
				{' '.repeat(gap)}
				<Text color={theme.dim}>{fitLine(right, Math.max(0, width - tabText.length - gap))}</Text>
			</Text>
		</Box>
	);
}
