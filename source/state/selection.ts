import type {Selection} from './ui-state.js';

/**
 * Where the selection stands in the current rows: on its object when that object is
 * still there (rows may have moved), else on the neighbour at the same position.
 * Returns -1 when there are no rows.
 */
export function selectedIndex(keys: readonly string[], selection: Selection): number {
	if (keys.length === 0) {
		return -1;
	}
	if (selection.key !== undefined) {
		const index = keys.indexOf(selection.key);
		if (index !== -1) {
			return index;
		}
	}

	return Math.min(Math.max(selection.index, 0), keys.length - 1);
}

export type Movement = number | 'top' | 'bottom';

/** Moves by a number of rows (negative is up) or to an end, and pins the new row's key. */
export function moveSelection(keys: readonly string[], selection: Selection, movement: Movement): Selection {
	if (keys.length === 0) {
		return {index: 0};
	}
	const current = selectedIndex(keys, selection);
	const target = movement === 'top' ? 0 : movement === 'bottom' ? keys.length - 1 : current + movement;
	const index = Math.min(Math.max(target, 0), keys.length - 1);
	return {key: keys[index], index};
}

/** The first visible row, so the selection stays on screen with as little scrolling as possible. */
export function scrollTop(previousTop: number, selected: number, visibleRows: number, total: number): number {
	if (visibleRows <= 0 || selected < 0) {
		return 0;
	}
	let top = Math.min(previousTop, Math.max(0, total - visibleRows));
	if (selected < top) {
		top = selected;
	}
	if (selected >= top + visibleRows) {
		top = selected - visibleRows + 1;
	}
	return Math.max(0, top);
}
