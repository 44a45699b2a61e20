import {useCallback, useRef, useState} from 'react';
import {initialUiState, type UiState} from '../../state/ui-state.js';

/** A change to the UI state, as a pure function of the latest state. */
export type UpdateUi = (change: (state: UiState) => UiState) => void;

/** The UI state, how to change it, and how to read the latest one from a callback. */
export interface UiStore {
	state: UiState;
	update: UpdateUi;
	/** The latest state, even from key handlers and async action results created renders ago. */
	read: () => UiState;
}

/** The UI state with an updater that always sees the latest state. */
export function useUiState(initial: UiState = initialUiState): UiStore {
	const [state, setState] = useState(initial);
	const latest = useRef(state);
	const update = useCallback((change: (state: UiState) => UiState) => {
		latest.current = change(latest.current);
		setState(latest.current);
	}, []);
	const read = useCallback(() => latest.current, []);
	return {state, update, read};
}
