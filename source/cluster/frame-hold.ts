/**
 * Holds the stores' news while one store reads its first whole list (KubeCluster: the pods'), so
 * that what the others list meanwhile (the node count, services) reaches the screen in the frame
 * of that list's rows, not in a frame of its own in the middle of reading it: on one thread, such
 * a frame (~10–20 ms at start, measured on the lab at 3,000 pods) only delays the one with every row.
 */
export class FrameHold {
	private holds = 0;
	private readonly waiting = new Set<() => void>();

	/** Holds until the returned release is called (once; later calls do nothing). */
	hold(): () => void {
		this.holds++;
		let released = false;
		return () => {
			if (released) {
				return;
			}
			released = true;
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
