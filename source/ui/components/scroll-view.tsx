import type {ReactNode} from 'react';
import {Box} from 'ink';
import {Text} from './text.js';

import type {DetailLine} from '../../derive/describe.js';
import {fitLine} from '../../derive/table-fit.js';
import {matchRanges, type TextSearch} from '../../derive/text-search.js';
import type {Theme} from '../theme.js';
import {t} from '../../i18n/index.js';

interface ScrollViewProps {
	title: string;
	lines: readonly DetailLine[];
	scroll: number;
	width: number;
	height: number;
	theme: Theme;
	/** Matches shown in inverse video; the line the search is on also bold. */
	search?: TextSearch;
}

/** A line's text with the search's matches in inverse video. */
function Highlighted({text, query}: {text: string; query: string}) {
	const ranges = matchRanges(text, query);
	if (ranges.length === 0) {
		return <>{text}</>;
	}
	const parts: ReactNode[] = [];
	let at = 0;
	for (const [start, end] of ranges) {
		if (start > at) {
			parts.push(<Text key={`t${at}`}>{text.slice(at, start)}</Text>);
		}
		parts.push(
			<Text key={`m${start}`} inverse>
				{text.slice(start, end)}
			</Text>,
		);
		at = end;
	}

	if (at < text.length) {
		parts.push(<Text key={`t${at}`}>{text.slice(at)}</Text>);
	}
	return <>{parts}</>;
}

/** A full-pane view of lines with a title (help, history, detail); scrolls with the movement keys. */
export function ScrollView({title, lines, scroll, width, height, theme, search}: ScrollViewProps) {
	const room = Math.max(0, height - 1);
	const first = Math.min(scroll, Math.max(0, lines.length - room));
	const position =
		lines.length > room ? t('scroll.position', {first: first + 1, last: Math.min(lines.length, first + room), total: lines.length}) : '';
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent}>
				{fitLine(`${title}${position}`, width)}
			</Text>
			{lines.slice(first, first + room).map((line, index) => (
				<Text
					key={index}
					bold={line.heading || (search?.line !== undefined && search.line === first + index)}
					color={line.tone ? theme.tone(line.tone) : undefined}
				>
					{search ? <Highlighted text={fitLine(line.text, width)} query={search.query} /> : fitLine(line.text, width)}
				</Text>
			))}
		</Box>
	);
}
