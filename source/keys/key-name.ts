import type {Key} from 'ink';

/** A key press reduced to what kpods routes on: a name, and the typed text for prompts. */
export interface KeyPress {
	/** 'j', 'G', '?', 'up', 'pagedown', 'enter', 'escape', 'tab', 'shift+tab', 'backspace', 'ctrl+d', … */
	name: string;
	/** Printable text (one char, or a whole paste), for text fields. */
	text: string;
}

/** Normalises Ink's (input, key) pair; the keymap is written in these names. */
export function keyName(input: string, key: Partial<Key>): KeyPress {
	const named = (name: string): KeyPress => ({name, text: ''});
	if (key.upArrow) {
		return named('up');
	}
	if (key.downArrow) {
		return named('down');
	}
	if (key.leftArrow) {
		return named('left');
	}
	if (key.rightArrow) {
		return named('right');
	}
	if (key.pageUp) {
		return named('pageup');
	}
	if (key.pageDown) {
		return named('pagedown');
	}
	if (key.home) {
		return named('home');
	}
	if (key.end) {
		return named('end');
	}
	if (key.return) {
		return named('enter');
	}
	if (key.escape) {
		return named('escape');
	}
	if (key.tab) {
		return named(key.shift ? 'shift+tab' : 'tab');
	}
	// Most terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
	if (key.backspace || key.delete) {
		return named('backspace');
	}
	if (key.ctrl && input) {
		return named(`ctrl+${input.toLowerCase()}`);
	}
	return {name: input, text: key.meta ? '' : input};
}

const controlNames: Record<string, string> = {
	'\r': 'enter',
	'\n': 'enter',
	'\t': 'tab',
	'\u001B': 'escape',
	'\u007F': 'backspace',
	'\b': 'backspace',
};

/**
 * Splits a burst of typed characters (keys typed faster than a render arrive as one
 * string) into one press per key; control characters get their key names.
 * @example splitKeys('jj\r') // [{name: 'j', text: 'j'}, {name: 'j', text: 'j'}, {name: 'enter', text: ''}]
 */
export function splitKeys(text: string): KeyPress[] {
	return [...text].map(char => {
		if (controlNames[char]) {
			return {name: controlNames[char]!, text: ''};
		}
		const code = char.codePointAt(0)!;
		if (code < 32) {
			return {name: `ctrl+${String.fromCodePoint(code + 96)}`, text: ''};
		}
		return {name: char, text: char};
	});
}
