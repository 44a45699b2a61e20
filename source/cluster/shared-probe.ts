/**
 * One server probe shared by every store of a cluster. Each quiet watch checks the server every
 * 10 s, and the stores of a cluster go quiet together, so four stores made four requests (on a
 * real cluster, four TLS handshakes) where one answers for all: a probe in flight is joined, and
 * one that succeeded within `freshMs` is taken as the answer. A failure is never reused.
 */
export class SharedProbe {
	private running: Promise<void> | undefined;
	private answeredAt = Number.NEGATIVE_INFINITY;

	constructor(
		private readonly request: (signal: AbortSignal) => Promise<unknown>,
		private readonly freshMs: number,
		private readonly timeoutMs: number,
		private readonly now: () => number = Date.now,
	) {}

	/** Resolves when the server answered (now or within freshMs); rejects when it did not, or when `signal` aborts. */
	async probe(signal: AbortSignal): Promise<void> {
		if (this.now() - this.answeredAt < this.freshMs) {
			return;
		}
		// The shared request has its own time limit, not a caller's signal: a store that stops only stops waiting.
		this.running ??= this.request(AbortSignal.timeout(this.timeoutMs)).then(
			() => {
				this.answeredAt = this.now();
				this.running = undefined;
			},
			(error: unknown) => {
				this.running = undefined;
				throw error;
			},
		);
		return abortable(this.running, signal);
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
