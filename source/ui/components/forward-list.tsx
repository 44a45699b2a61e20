import {Box} from 'ink';
import {Text} from './text.js';
import type {ForwardRow} from '../../cluster/port-forward.js';
import {fitLine} from '../../derive/table-fit.js';
import {useScrollTop} from '../hooks/use-scroll-top.js';
import type {Theme} from '../theme.js';
import {formatNumber, t} from '../../i18n/index.js';

/** Bytes as a person reads them: 512B, 4.1KiB, 2.0MiB. */
export function byteCount(bytes: number): string {
	if (bytes < 1024) {
		return `${bytes}B`;
	}
	const oneDecimal = {minimumFractionDigits: 1, maximumFractionDigits: 1};
	if (bytes < 1024 * 1024) {
		return `${formatNumber(bytes / 1024, undefined, oneDecimal)}KiB`;
	}
	return `${formatNumber(bytes / 1024 / 1024, undefined, oneDecimal)}MiB`;
}

/** One row's cells: where it listens, what it reaches, connections open/total, bytes each way, the last error. */
export function forwardCells(row: ForwardRow): string[] {
	return [
		`127.0.0.1:${row.local}`,
		`${row.spec.target} → ${row.spec.namespace}/${row.spec.pod}:${row.spec.remote}`,
		`${row.active}/${row.connections}`,
		byteCount(row.sent),
		byteCount(row.received),
		row.lastError ?? '',
	];
}

/** `:pf`: the active port-forwards, one per row; ctrl-d stops the selected one. */
export function ForwardList({
	rows,
	selection,
	width,
	height,
	theme,
}: {
	rows: readonly ForwardRow[];
	selection: number;
	width: number;
	height: number;
	theme: Theme;
}) {
	// kpods' own table, so its headers are in the language (kubectl's are not).
	const headers = t('forwards.headers').split('|');
	const cells = [headers, ...rows.map(row => forwardCells(row))];
	const widths = headers.map((_, column) => Math.max(...cells.map(line => line[column]!.length)));
	const line = (values: string[]) =>
		values
			.map((value, column) => (column === values.length - 1 ? value : value.padEnd(widths[column]!)))
			.join('   ')
			.trimEnd();
	const room = Math.max(0, height - 2);
	const top = useScrollTop(selection, room, rows.length);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent}>
				{fitLine(t('forwards.title', {count: rows.length}), width)}
			</Text>
			{rows.length === 0 ? (
				<Text color={theme.dim}>{fitLine(t('forwards.none'), width)}</Text>
			) : (
				<Text bold>{fitLine(line(headers), width)}</Text>
			)}
			{rows.slice(top, top + room).map((row, index) => (
				<Text key={row.id} inverse={top + index === selection} color={row.lastError ? theme.tone('warn') : undefined}>
					{fitLine(line(forwardCells(row)), width)}
				</Text>
			))}
		</Box>
	);
}
