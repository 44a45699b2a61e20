// What the first frame waits for, so that it is the rows' frame (start.ts).
import type {ResourceStore} from './cluster/types.js';

/**
 * How long the first frame waits for the pods, once the UI has loaded: a list that takes longer
 * (thousands of pods, a slow server) is drawn as "loading" until it comes.
 */
export const firstRowsWaitMs = 250;

/**
 * Resolves when the store has rows to draw (its first list, or a first page while the rest
 * streams) or has failed, or after `ms`. The first frame then shows the rows: a frame drawn
 * before them ("loading pods…") cost a whole first render, and Ink's frame throttle held the
 * rows' frame back behind it (lab: ~0.1 s).
 */
export async function firstOutcome(store: ResourceStore<unknown>, ms: number): Promise<void> {
	const settled = () => {
		const {synced, state} = store.getSnapshot();
		return synced || state.kind !== 'connecting' || state.loaded !== undefined;
	};
	if (settled()) {
		return;
	}
	await new Promise<void>(resolve => {
		const finish = () => {
			clearTimeout(timer);
			unsubscribe();
			resolve();
		};
		const timer = setTimeout(finish, ms);
		const unsubscribe = store.subscribe(() => {
			if (settled()) {
				finish();
			}
		});
	});
}

/** What the promise gives if it settles well within `ms`, else undefined. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<undefined>(resolve => {
		timer = setTimeout(resolve, ms, undefined);
	});
	try {
		return await Promise.race([promise.catch(() => undefined), late]);
	} finally {
		clearTimeout(timer);
	}
}
