import type {Mode, Tone, UiState} from './ui-state.js';

/** Opens an overlay on top of the others. */
export function push(state: UiState, mode: Mode): UiState {
	return {...state, modes: [...state.modes, mode]};
}

/** Closes the overlay on top. */
export function pop(state: UiState): UiState {
	return {...state, modes: state.modes.slice(0, -1)};
}

/** Replaces the overlay on top (its scroll, its fields). */
export function replaceTop(state: UiState, mode: Mode): UiState {
	return {...state, modes: [...state.modes.slice(0, -1), mode]};
}

/** Sets the status line, with the kubectl command that does the same when there is one. */
export function withStatus(state: UiState, text: string, tone: Tone, kubectl?: string): UiState {
	return {...state, status: {text, tone, kubectl}};
}
