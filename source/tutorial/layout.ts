/**
 * The tutorial pane's text, as lines: one line a step (✓ done, ○ pending, – cannot be checked),
 * then the selected step's paragraph, its kubectl command, its key and the check's note, wrapped
 * to the width. Pure, so the pane is a plain list of lines and tests can read it.
 */
import type {StepCheck, StepState} from './checks.js';
import {steps} from './steps.js';

/** The words the layout needs, already in the language on screen. */
export interface TutorialTexts {
	heading: string;
	title: (index: number) => string;
	text: (index: number) => string;
	note: (check: StepCheck) => string | undefined;
	keys: string;
	enter: string;
	/** What Enter does on a step with nothing to change. */
	next: string;
}

export type LineRole = 'heading' | 'step' | 'selected' | 'title' | 'text' | 'command' | 'note' | 'blank';

export interface TutorialLine {
	text: string;
	role: LineRole;
	state?: StepState;
}

/** The mark a step's line starts with. */
export const marks: Record<StepState, string> = {done: '✓', pending: '○', unchecked: '–'};

/** Breaks a paragraph into lines of at most `width` characters, at spaces (a longer word is cut). */
export function wrapWords(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line === '') {
			line = word;
		} else if (line.length + 1 + word.length <= width) {
			line += ` ${word}`;
		} else {
			lines.push(line);
			line = word;
		}
		while (line.length > width && width > 0) {
			lines.push(line.slice(0, width));
			line = line.slice(width);
		}
	}
	if (line !== '') {
		lines.push(line);
	}
	return lines;
}

/** The list of steps: mark, number, title, and the note where the width leaves room. */
export function stepLines(checks: readonly StepCheck[], selected: number, texts: TutorialTexts, width: number): TutorialLine[] {
	const titleWidth = Math.max(...steps.map((_step, index) => texts.title(index).length));
	return checks.map((check, index) => {
		const head = `${marks[check.state]} ${String(index + 1).padStart(2)}  ${texts.title(index).padEnd(titleWidth)}`;
		const note = texts.note(check);
		const room = width - head.length - 2;
		const text = note && room >= 12 ? `${head}  ${note.length > room ? `${note.slice(0, room - 1)}…` : note}` : head;
		return {text, role: index === selected ? 'selected' : 'step', state: check.state};
	});
}

/** The selected step spelled out: its paragraph, kubectl, keys, and the note in full. */
export function stepDetail(check: StepCheck, index: number, texts: TutorialTexts, width: number): TutorialLine[] {
	const step = steps[index]!;
	const lines: TutorialLine[] = [
		{text: `${index + 1}. ${texts.title(index)}`, role: 'title'},
		...wrapWords(texts.text(index), width).map((text): TutorialLine => ({text, role: 'text'})),
	];
	// The command's name labels its lines: the same word in every language.
	const label = Math.max('kubectl'.length, texts.keys.length);
	step.kubectl.forEach((command, position) => {
		lines.push({text: `${(position === 0 ? 'kubectl' : '').padEnd(label)}  $ ${command}`, role: 'command'});
	});
	const keys = step.action.kind === 'next' ? texts.next : `${step.keys}   (${texts.enter})`;
	lines.push({text: `${texts.keys.padEnd(label)}  ${keys}`, role: 'command'});
	const note = texts.note(check);
	if (note) {
		lines.push(
			...wrapWords(`${marks[check.state]} ${note}`, width).map((text): TutorialLine => ({text, role: 'note', state: check.state})),
		);
	}
	return lines;
}
