import {Box} from 'ink';
import {useMemo} from 'react';
import {columnWidths, fitColumns, type FitColumn} from '../../derive/table-fit.js';
import {eventKey} from '../../derive/event-view.js';
import {headerOf} from '../../format/columns.js';
import {eventCells, eventColumns} from '../../format/event.js';
import type {Event} from '../../k8s/types.js';
import {Table} from '../components/table.js';
import {nextSecond, useWakeAt} from '../hooks/use-now.js';
import {useScrollTop} from '../hooks/use-scroll-top.js';
import {emptyText, type ListPaneProps} from './empty-text.js';

/** The cells `kubectl get events` shows (the -o wide ones left out): LAST SEEN TYPE REASON OBJECT MESSAGE. */
const shown = [0, 1, 2, 3, 6];

/** `kubectl get events --sort-by=.lastTimestamp`, live; warnings in the warning colour. */
export function EventsPane(props: ListPaneProps & {events: readonly Event[]}) {
	const {events, selected, allNamespaces, width, height, now, theme} = props;
	const headers = useMemo(
		() => [...(allNamespaces ? ['NAMESPACE'] : []), ...shown.map(index => headerOf(eventColumns[index]!))],
		[allNamespaces],
	);
	// MESSAGE is cut first, then OBJECT shrinks; the narrow cells stay.
	const columns: FitColumn[] = headers.map((header, index) => ({
		header,
		shrink: index === headers.length - 1 || index === headers.length - 2,
	}));
	const rows = events.map(event => {
		const all = eventCells(event, now);
		const cells = shown.map(index => all[index]!);
		const warning = event.type === 'Warning' ? theme.tone('warn') : undefined;
		const colored = allNamespaces ? [event.metadata.namespace ?? '', ...cells] : cells;
		return {
			key: eventKey(event),
			cells: colored,
			colors: warning ? Object.fromEntries(colored.map((_, index) => [index, warning])) : undefined,
		};
	});
	const fitted = fitColumns(
		columns,
		columnWidths(
			headers,
			rows.map(row => row.cells),
		),
		width,
	);
	const top = useScrollTop(selected, height - 1, rows.length);
	// LAST SEEN ticks, and is measured over every event: a frame every second while events are listed.
	useWakeAt(rows.length > 0 ? nextSecond(now) : undefined);
	const empty = emptyText({
		state: props.state,
		synced: props.synced,
		filtered: props.filtered,
		kind: 'events',
		namespace: allNamespaces ? undefined : props.namespace,
	});
	return (
		<Box flexDirection="column" height={height}>
			<Table
				headers={headers}
				fitted={fitted}
				rows={rows.slice(top, top + height - 1)}
				selected={selected - top}
				width={width}
				height={height}
				empty={empty}
				dim={theme.dim}
			/>
		</Box>
	);
}
