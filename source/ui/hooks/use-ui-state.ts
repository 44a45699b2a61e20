import {useCallback, useRef, useState} from 'react';
import {initialUiState, type UiState} from '../../state/ui-state.js';

/**
 * The UI state with an updater that always sees the latest state, even from key
 * handlers and async action results that were created renders ago.
 */
export function useUiState(initial: UiState = initialUiState): [UiState, (change: (state: UiState) => UiState) => void, () => UiState] {
	const [state, setState] = useState(initial);
	const latest = useRef(state);
	const update = useCallback((change: (state: UiState) => UiState) => {
		latest.current = change(latest.current);
		setState(latest.current);
	}, []);
	const read = useCallback(() => latest.current, []);
	return [state, update, read];
}
