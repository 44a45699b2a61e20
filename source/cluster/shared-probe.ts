/**
 * One server check shared by every store of a cluster. A quiet watch asks whether the server
 * is still there; the stores of a cluster go quiet together, so one request answers for all (a
 * probe in flight is joined), and any sign of life counts as an answer: a watch event on any
 * store (the lab's node heartbeat, every 10 s) or a probe that succeeded. A failure is never reused.
 */
export class SharedProbe {
	private running: Promise<void> | undefined;
	private heardAt = Number.NEGATIVE_INFINITY;

	constructor(
		private readonly request: (signal: AbortSignal) => Promise<unknown>,
		private readonly timeoutMs: number,
		private readonly now: () => number = Date.now,
	) {}

	/** The moment (epoch ms) the server last showed it is there: a watch event or an answer to a probe. */
	lastHeard = (): number => this.heardAt;

	/** Notes a sign of life from the server (a watch event), now. */
	heard = (): void => {
		this.heardAt = this.now();
	};

	/** Resolves when the server answered (lastHeard is then now); rejects when it did not in time, or when `signal` aborts. */
	async probe(signal: AbortSignal): Promise<void> {
		// The shared request has its own time limit, not a caller's signal: a store that stops only stops waiting.
		this.running ??= this.ask().finally(() => {
			this.running = undefined;
		});
		return abortable(this.running, signal);
	}

	private async ask(): Promise<void> {
		// A timer cleared on the answer, not AbortSignal.timeout: that one fires (and dispatches abort) every time.
		const limit = new AbortController();
		const timer = setTimeout(() => limit.abort(new Error('timeout')), this.timeoutMs);
		try {
			await this.request(limit.signal);
			this.heardAt = this.now();
		} finally {
			clearTimeout(timer);
		}
	}
}

function abortable(work: Promise<void>, signal: AbortSignal): Promise<void> {
	if (signal.aborted) {
		return Promise.reject(signal.reason);
	}
	return new Promise((resolve, reject) => {
		const abort = () => reject(signal.reason);
		signal.addEventListener('abort', abort, {once: true});
		work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
	});
}
