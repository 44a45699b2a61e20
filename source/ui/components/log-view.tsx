import {Box} from 'ink';
import {Text} from './text.js';
import {useMemo} from 'react';
import type {LogSnapshot} from '../../cluster/log-session.js';
import {logLineText} from '../../derive/log-lines.js';
import {fitLine} from '../../derive/table-fit.js';
import type {LogsMode} from '../../state/ui-state.js';
import type {Theme} from '../theme.js';
import {t} from '../../i18n/index.js';

interface LogViewProps {
	title: string;
	log: LogSnapshot;
	mode: LogsMode;
	width: number;
	height: number;
	theme: Theme;
}

/** The log lines as shown (timestamps when asked for), computed once per change of the lines or the setting. */
export function useLogTexts(log: LogSnapshot, timestamps: boolean): readonly string[] {
	return useMemo(() => log.lines.map(entry => logLineText(entry, timestamps)), [log.lines, timestamps]);
}

/** The rows on screen: from the scroll position down, or (following) the newest that fit; wrapped or cut. */
function visibleRows(texts: readonly string[], mode: LogsMode, room: number, width: number): string[] {
	const pieces = (text: string): string[] => {
		if (!mode.wrap || text.length <= width) {
			return [text];
		}
		const chunks: string[] = [];
		for (let start = 0; start < text.length; start += width) {
			chunks.push(text.slice(start, start + width));
		}
		return chunks;
	};

	const rows: string[] = [];
	if (mode.follow) {
		for (let index = texts.length - 1; index >= 0 && rows.length < room; index--) {
			rows.unshift(...pieces(texts[index]!));
		}
		return rows.slice(-room);
	}

	const first = Math.min(mode.scroll, Math.max(0, texts.length - room));
	for (let index = first; index < texts.length && rows.length < room; index++) {
		rows.push(...pieces(texts[index]!));
	}
	return rows.slice(0, room);
}

/** One row with every occurrence of the search text highlighted. */
function Highlighted({text, search, theme}: {text: string; search: string; theme: Theme}) {
	if (search === '') {
		return <Text>{text}</Text>;
	}
	const parts: Array<{text: string; hit: boolean}> = [];
	const lower = text.toLowerCase();
	const needle = search.toLowerCase();
	let at = 0;
	for (let found = lower.indexOf(needle); found !== -1; found = lower.indexOf(needle, found + needle.length)) {
		if (found > at) {
			parts.push({text: text.slice(at, found), hit: false});
		}
		parts.push({text: text.slice(found, found + needle.length), hit: true});
		at = found + needle.length;
	}

	if (at < text.length) {
		parts.push({text: text.slice(at), hit: false});
	}
	return (
		<Text>
			{parts.map((part, index) =>
				part.hit ? (
					<Text key={index} inverse color={theme.tone('warn')}>
						{part.text}
					</Text>
				) : (
					part.text
				),
			)}
		</Text>
	);
}

/** A container's log (or a service's pods' logs), followed live; the title says where it stands. */
export function LogView({title, log, mode, width, height, theme}: LogViewProps) {
	const texts = useLogTexts(log, mode.timestamps);
	const note = log.note ? 1 : 0;
	const room = Math.max(0, height - 1 - note);
	const rows = visibleRows(texts, mode, room, width);
	const where = t(mode.follow ? (log.ended ? 'logs.ended' : 'logs.following') : 'logs.paused');
	const dropped = log.dropped > 0 ? t('logs.dropped', {count: log.dropped}) : '';
	const empty = log.ended || log.note ? '' : t('logs.waiting');
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent}>
				{fitLine(
					`${title} — ${where} — ${t('logs.lines', {count: texts.length})}${dropped}${mode.search ? `  /${mode.search}` : ''}`,
					width,
				)}
			</Text>
			{log.note ? <Text color={theme.tone(log.note.tone)}>{fitLine(log.note.text, width)}</Text> : null}
			{rows.length === 0 && empty ? <Text color={theme.dim}>{empty}</Text> : null}
			{rows.map((row, index) => (
				<Highlighted key={index} text={fitLine(row, width)} search={mode.search} theme={theme} />
			))}
		</Box>
	);
}
