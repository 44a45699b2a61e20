import {createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode} from 'react';

/** Where time comes from: the real clock, or a test's fake one. */
export interface TimeSource {
	now(): number;
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

const realTime: TimeSource = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: handle => clearTimeout(handle as NodeJS.Timeout),
};

/** Node fires a longer timeout at once; a far-off wake is reached in steps. */
const longestWait = 2 ** 31 - 1;

/**
 * One timer for the whole screen, set for the earliest moment a visible cell's text changes
 * (views ask with useWakeAt); when it fires every clock reader renders again, at the new time.
 * Nothing asked: no timer, no frames.
 */
export class Ticker {
	private due = Number.POSITIVE_INFINITY;
	private handle: unknown;
	private ticks = 0;
	private readonly listeners = new Set<() => void>();

	constructor(private readonly time: TimeSource) {}

	subscribe = (listener: () => void) => {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	};

	/** How many times the clock has ticked (what readers re-render on). */
	getTicks = () => this.ticks;

	/** The moment (epoch ms) of the next tick; Infinity when none is set. */
	get next(): number {
		return this.due;
	}

	/** Ticks at `at` (epoch ms) unless an earlier tick is already set. */
	wakeAt(at: number): void {
		if (!(at < this.due)) {
			return;
		}
		this.cancel();
		this.due = at;
		this.arm();
	}

	stop(): void {
		this.cancel();
		this.due = Number.POSITIVE_INFINITY;
		this.listeners.clear();
	}

	private arm(): void {
		const wait = Math.min(longestWait, Math.max(0, this.due - this.time.now()));
		this.handle = this.time.setTimeout(this.fire, wait);
	}

	private cancel(): void {
		if (this.handle !== undefined) {
			this.time.clearTimeout(this.handle);
			this.handle = undefined;
		}
	}

	private readonly fire = () => {
		this.handle = undefined;
		// A timer may fire a millisecond early, or be one step of a long wait: never tick before the moment.
		if (this.time.now() < this.due) {
			this.arm();
			return;
		}
		this.due = Number.POSITIVE_INFINITY;
		this.ticks++;
		for (const listener of this.listeners) {
			listener();
		}
	};
}

interface Clock {
	ticker: Ticker;
	time: TimeSource;
	fixed?: number;
}

const NowContext = createContext<Clock>({ticker: new Ticker(realTime), time: realTime});

/**
 * The clock of every AGE and RESTARTS cell. Tests pass `fixed` and get frames that never change
 * with time, or `time` (a fake clock) to see when frames are drawn.
 */
export function NowProvider({fixed, time = realTime, children}: {fixed?: number; time?: TimeSource; children: ReactNode}) {
	const ticker = useMemo(() => new Ticker(time), [time]);
	useEffect(() => () => ticker.stop(), [ticker]);
	const clock = useMemo(() => ({ticker, time, fixed}), [ticker, time, fixed]);
	return <NowContext.Provider value={clock}>{children}</NowContext.Provider>;
}

/**
 * The time to draw this render at: read fresh on every render (a row that arrives between
 * ticks gets its age at the moment it is drawn), and the component renders again on every tick.
 */
export function useNow(): number {
	const {ticker, time, fixed} = useContext(NowContext);
	useSyncExternalStore(ticker.subscribe, ticker.getTicks);
	return fixed ?? time.now();
}

/**
 * Asks for a tick at `at` (epoch ms), when something this component shows changes with time;
 * asked again after every render, so the moment follows what is on screen. undefined: nothing ticks.
 */
export function useWakeAt(at: number | undefined): void {
	const {ticker, fixed} = useContext(NowContext);
	useEffect(() => {
		if (at !== undefined && fixed === undefined) {
			ticker.wakeAt(at);
		}
	});
}

/** The next whole second after `now`: for views that show time but do not say when it changes. */
export function nextSecond(now: number): number {
	return now - (now % 1000) + 1000;
}
