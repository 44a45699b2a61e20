/**
 * Holds the stores' news until one store has its first whole list (KubeCluster: the pods'), so
 * that what the others list meanwhile (the node count, services) reaches the screen in the frame
 * of that list's rows, not in a frame of its own in the middle of reading it: on one thread, such
 * a frame (~20–30 ms at start, measured on the lab at 3,000 pods) only delays the one with every
 * row. The first frame is not held: it reads every store's snapshot as it is then.
 */
export class FrameHold {
	private holds = 0;
	private readonly waiting = new Set<() => void>();

	/** Holds until the returned release is called (once; later calls do nothing), or for `limitMs` at most. */
	hold(limitMs: number): () => void {
		this.holds++;
		let released = false;
		const release = () => {
			if (released) {
				return;
			}
			released = true;
			clearTimeout(limit);
			this.holds--;
			if (this.holds === 0) {
				// Called in one turn of the event loop: React renders all of them in one frame.
				const waiting = [...this.waiting];
				this.waiting.clear();
				for (const notify of waiting) {
					notify();
				}
			}
		};
		const limit = setTimeout(release, limitMs);
		limit.unref();
		return release;
	}

	/** Resolves once nothing holds it (at once when nothing does). */
	async idle(): Promise<void> {
		await new Promise<void>(resolve => {
			this.notify(resolve);
		});
	}

	/** Runs notify now, or, while held, once when the hold ends (the same function queued twice runs once). */
	notify(notify: () => void): void {
		if (this.holds === 0) {
			notify();
		} else {
			this.waiting.add(notify);
		}
	}
}
