import type {Change, Store} from './store.js';

/**
 * What the simulated controllers share: a store subscription filtered to the resources they
 * watch, their timers, and one `stop` that ends both. Subclasses write through the registry.
 */
export abstract class Controller {
	private readonly unsubscribe: () => void;
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly intervals = new Set<NodeJS.Timeout>();
	private batch: NodeJS.Immediate | undefined;

	/** Watches `watched` resources, or every resource when it is undefined. */
	protected constructor(
		protected readonly store: Store,
		watched: readonly string[] | undefined,
	) {
		this.unsubscribe = store.subscribe(change => {
			if (!watched || watched.includes(change.resource)) {
				this.changed(change);
			}
		});
	}

	/** Ends the subscription and every timer. */
	stop(): void {
		this.unsubscribe();
		for (const timer of this.timers) {
			clearTimeout(timer);
		}

		for (const interval of this.intervals) {
			clearInterval(interval);
		}

		if (this.batch) {
			clearImmediate(this.batch);
		}

		this.timers.clear();
		this.intervals.clear();
	}

	/** Called for each change to a watched resource, inside the store's dispatch. */
	protected abstract changed(change: Change): void;

	/** Runs `work` after `ms`, unless stopped or cancelled first; returns the timer to cancel. */
	protected after(ms: number, work: () => void): NodeJS.Timeout {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			work();
		}, ms);
		this.timers.add(timer);
		return timer;
	}

	/** Cancels a timer from `after`. */
	protected cancel(timer: NodeJS.Timeout): void {
		clearTimeout(timer);
		this.timers.delete(timer);
	}

	/** Runs `work` every `ms` until stopped. */
	protected every(ms: number, work: () => void): void {
		this.intervals.add(setInterval(work, ms));
	}

	/** Runs `flush` once on the next turn, however many times it is asked for in this one (outside the store's dispatch). */
	protected soon(flush: () => void): void {
		this.batch ??= setImmediate(() => {
			this.batch = undefined;
			flush();
		});
	}
}
