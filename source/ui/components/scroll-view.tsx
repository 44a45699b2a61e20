import {Box, Text} from 'ink';

import type {DetailLine} from '../../derive/describe.js';
import {fitLine} from '../../derive/table-fit.js';
import type {Theme} from '../theme.js';

interface ScrollViewProps {
	title: string;
	lines: readonly DetailLine[];
	scroll: number;
	width: number;
	height: number;
	theme: Theme;
}

/** A full-pane view of lines with a title (help, history, detail); scrolls with the movement keys. */
export function ScrollView({title, lines, scroll, width, height, theme}: ScrollViewProps) {
	const room = Math.max(0, height - 1);
	const first = Math.min(scroll, Math.max(0, lines.length - room));
	const position = lines.length > room ? `  (${first + 1}-${Math.min(lines.length, first + room)} of ${lines.length})` : '';
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent}>{fitLine(`${title}${position}`, width)}</Text>
			{lines.slice(first, first + room).map((line, index) => (
				<Text key={index} bold={line.heading} color={line.tone ? theme.tone(line.tone) : undefined}>{fitLine(line.text, width)}</Text>
			))}
		</Box>
	);
}
