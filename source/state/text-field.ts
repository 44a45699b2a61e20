import type {KeyPress} from '../keys/key-name.js';

/**
 * A one-line text field, edited by a pure function. kpods routes every key through one
 * input router (modes first), so it edits text here rather than through a text-input
 * component that would read stdin on its own.
 */
export interface TextField {
	label: string;
	value: string;
	cursor: number;
}

export function textField(label: string, value = ''): TextField {
	return {label, value, cursor: value.length};
}

/** Applies an editing key; returns undefined when the key is not an edit. */
export function editText(field: TextField, key: KeyPress): TextField | undefined {
	const {value, cursor} = field;
	switch (key.name) {
		case 'backspace': {
			if (cursor === 0) {
				return field;
			}
			return {...field, value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1};
		}

		case 'left': {
			return {...field, cursor: Math.max(0, cursor - 1)};
		}

		case 'right': {
			return {...field, cursor: Math.min(value.length, cursor + 1)};
		}

		case 'home':
		case 'ctrl+a': {
			return {...field, cursor: 0};
		}

		case 'end':
		case 'ctrl+e': {
			return {...field, cursor: value.length};
		}

		case 'ctrl+u': {
			return {...field, value: value.slice(cursor), cursor: 0};
		}

		case 'ctrl+w': {
			const start = value.slice(0, cursor).replace(/\S+\s*$/, '').length;
			return {...field, value: value.slice(0, start) + value.slice(cursor), cursor: start};
		}

		default: {
			// Control characters never become text; a paste may bring several printable ones.
			const text = key.text.replace(/[\u0000-\u001F\u007F]/g, '');
			if (text === '') {
				return undefined;
			}
			return {...field, value: value.slice(0, cursor) + text + value.slice(cursor), cursor: cursor + text.length};
		}
	}
}
