import {Box} from 'ink';
import {fitLine} from '../../derive/table-fit.js';
import {t, text} from '../../i18n/index.js';
import type {ApplyPreview} from '../../state/ui-state.js';
import type {StepCheck, StepState} from '../../tutorial/checks.js';
import {stepDetail, stepLines, type TutorialLine, type TutorialTexts} from '../../tutorial/layout.js';
import {steps} from '../../tutorial/steps.js';
import {Text} from '../components/text.js';
import type {Theme} from '../theme.js';
import {noteText} from '../hooks/use-tutorial.js';

interface TutorialPaneProps {
	checks: readonly StepCheck[];
	selected: number;
	namespace: string;
	/** An apply's dry run waiting for y (Enter on an apply step): shown instead of the step's text. */
	preview?: ApplyPreview;
	width: number;
	height: number;
	theme: Theme;
}

/** The catalog's words for the layout, in the language on screen. */
function texts(namespace: string): TutorialTexts {
	return {
		heading: t('tutorial.heading', {namespace}),
		title: index => text(`tutorial.${steps[index]!.id}.title`),
		text: index => text(`tutorial.${steps[index]!.id}.text`),
		note: noteText,
		keys: t('tutorial.keys'),
		enter: t('tutorial.enter'),
		next: t('tutorial.next'),
	};
}

/** The tutorial: its steps checked off live, and the selected one spelled out. */
export function TutorialPane({checks, selected, namespace, preview, width, height, theme}: TutorialPaneProps) {
	const words = texts(namespace);
	const heading: TutorialLine[] = height >= 20 ? [{text: words.heading, role: 'heading'}] : [];
	const list = stepLines(checks, selected, words, width);
	const room = Math.max(0, height - heading.length - list.length);
	const check = checks[selected];
	const below: TutorialLine[] = preview
		? [
				{text: `── ${preview.kubectl}`, role: 'title'},
				...preview.lines.map((line): TutorialLine => ({text: line.text, role: line.tone === 'error' ? 'note' : 'text'})),
			]
		: check
			? stepDetail(check, selected, words, width)
			: [];
	// A blank line between the list and the step, where the step still fits whole.
	const gap: TutorialLine[] = below.length < room ? [{text: '', role: 'blank'}] : [];
	const lines = [...heading, ...list, ...gap, ...below.slice(0, room - gap.length)];
	return (
		<Box flexDirection="column" height={height}>
			{lines.map((line, index) => (
				<Line key={index} line={line} width={width} theme={theme} />
			))}
		</Box>
	);
}

const tones: Record<StepState, 'ok' | 'info' | 'dim'> = {done: 'ok', pending: 'info', unchecked: 'dim'};

function Line({line, width, theme}: {line: TutorialLine; width: number; theme: Theme}) {
	const text = fitLine(line.text, width);
	switch (line.role) {
		case 'heading':
		case 'title':
			return <Text bold>{text}</Text>;
		case 'selected':
			return <Text inverse>{text.padEnd(width)}</Text>;
		case 'step':
		case 'note':
			return <Text color={line.state ? theme.tone(tones[line.state]) : undefined}>{text}</Text>;
		case 'command':
			return <Text color={theme.accent}>{text}</Text>;
		default:
			return <Text>{text === '' ? ' ' : text}</Text>;
	}
}
