import {useInput} from 'ink';
import {keyName, splitKeys} from '../../keys/key-name.js';
import {routeKey, type Effect, type ViewContext} from '../../state/route-key.js';
import type {UiState} from '../../state/ui-state.js';
import type {UpdateUi} from './use-ui-state.js';

interface KeyRouterOptions {
	read: () => UiState;
	update: UpdateUi;
	/** What the router needs to know about the screen, for the state a key arrives in. */
	context: (state: UiState) => ViewContext;
	run: (effect: Effect) => Promise<void>;
}

/** The one input router: each key press goes through the pure `routeKey`, then its effects run. */
export function useKeyRouter({read, update, context, run}: KeyRouterOptions): void {
	useInput((input, key) => {
		// Ink splits input only at escape sequences: keys typed (or sent) faster than a render,
		// Enter and ctrl keys included, arrive as one string. Each is its own key press.
		const presses = input.length > 1 && !input.startsWith('\u001B') ? splitKeys(input) : [keyName(input, key)];
		for (const each of presses) {
			const current = read();
			const routed = routeKey(current, each, context(current));
			if (routed.state !== current) {
				update(() => routed.state);
			}
			for (const effect of routed.effects) {
				void run(effect);
			}
		}
	});
}
