import {t} from '../i18n/index.js';
import {NetworkError} from './api-client.js';

/** What a store tells the health check about one open watch (see SharedProbe.watch). */
export interface WatchCheck {
	/** A watch event arrived: the server is there. */
	sawEvent(): void;
	/** The watch ended: stop checking it. */
	end(): void;
}

/** The health check of a store's watches (StoreTuning.health); a cluster's stores share one. */
export interface WatchHealth {
	/** Checks `watch` until end(); aborts it with a NetworkError when the server stops answering. */
	watch(watch: AbortController): WatchCheck;
}

export interface ProbeTiming {
	/** How long every open watch may go without a sign of life from the server before it is asked. */
	idleMs: number;
	/** How long the server has to answer. */
	timeoutMs: number;
	/** The clock and its timers (a test's fake ones). */
	now?: () => number;
	timers?: Timers;
}

/** setTimeout and clearTimeout, or a test's fake ones. */
export interface Timers {
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: handle => clearTimeout(handle as NodeJS.Timeout),
};

interface OpenWatch {
	readonly controller: AbortController;
	readonly since: number;
}

/**
 * The server check of a cluster, after client-go's HTTP/2 health check (read idle, then ping),
 * shared by every store: any sign of life counts for all — a watch event on any store (the lab's
 * node heartbeat, every 10 s) or an answer to a probe — and one timer, set for the moment the
 * cluster has been quiet for idleMs, stands for every open watch. A watch event only notes the
 * time, so a busy cluster moves no timer; an idle kpods wakes for the check at most once per
 * idleMs (a timer per watch woke once per idleMs per store). When the server does not answer in
 * timeoutMs, every watch open since before the probe is aborted. A failure is never reused.
 */
export class SharedProbe implements WatchHealth {
	private heardAt = Number.NEGATIVE_INFINITY;
	private readonly open = new Set<OpenWatch>();
	private timer: unknown;
	private checking = false;
	private readonly now: () => number;
	private readonly timers: Timers;

	constructor(
		private readonly request: (signal: AbortSignal) => Promise<unknown>,
		private readonly timing: ProbeTiming,
	) {
		this.now = timing.now ?? Date.now;
		this.timers = timing.timers ?? realTimers;
	}

	/** The moment (epoch ms) the server last showed it is there: a watch event or an answer to a probe. */
	lastHeard = (): number => this.heardAt;

	/** Notes a sign of life from the server (a watch event), now. */
	heard = (): void => {
		this.heardAt = this.now();
	};

	watch(controller: AbortController): WatchCheck {
		const entry: OpenWatch = {controller, since: this.now()};
		this.open.add(entry);
		this.schedule();
		return {
			sawEvent: this.heard,
			end: () => {
				this.open.delete(entry);
				if (this.open.size === 0 && this.timer !== undefined) {
					this.timers.clearTimeout(this.timer);
					this.timer = undefined;
				}
			},
		};
	}

	/** Since when every open watch has been quiet: the later of the oldest watch's start and the last sign of life. */
	private quietSince(): number {
		let oldest = Number.POSITIVE_INFINITY;
		for (const {since} of this.open) {
			oldest = Math.min(oldest, since);
		}
		return Math.max(oldest, this.heardAt);
	}

	private schedule(): void {
		if (this.timer !== undefined || this.checking || this.open.size === 0) {
			return;
		}
		this.timer = this.timers.setTimeout(this.check, Math.max(0, this.quietSince() + this.timing.idleMs - this.now()));
	}

	private readonly check = (): void => {
		this.timer = undefined;
		if (this.open.size === 0) {
			return;
		}
		const started = this.now();
		if (started - this.quietSince() < this.timing.idleMs) {
			this.schedule(); // heard from meanwhile: no request, the timer moves on
			return;
		}
		this.checking = true;
		this.ask().then(
			() => {
				this.checking = false;
				this.schedule();
			},
			() => {
				this.checking = false;
				const reason = new NetworkError(t('network.stopped', {seconds: this.timing.timeoutMs / 1000}));
				for (const watch of [...this.open]) {
					if (watch.since <= started && !watch.controller.signal.aborted) {
						watch.controller.abort(reason);
					}
				}
				this.schedule();
			},
		);
	};

	/** One request (check() sends no other while it is out); its answer is a sign of life. */
	private async ask(): Promise<void> {
		// A timer cleared on the answer, not AbortSignal.timeout: that one fires (and dispatches abort) every time.
		const limit = new AbortController();
		const timer = this.timers.setTimeout(() => limit.abort(new Error('timeout')), this.timing.timeoutMs);
		try {
			await this.request(limit.signal);
			this.heardAt = this.now();
		} finally {
			this.timers.clearTimeout(timer);
		}
	}
}
