import {t} from '../i18n/index.js';
import {NetworkError} from './api-client.js';

/** A store's check of its quiet watch (StoreTuning.health), shared by a cluster's stores through SharedProbe. */
export interface HealthCheck {
	idleMs: number;
	timeoutMs: number;
	probe: (signal: AbortSignal) => Promise<unknown>;
	/** When the server last showed it is there, on any watch of the cluster (SharedProbe.lastHeard). */
	lastHeard?: () => number;
	/** Called on every watch event: a sign of life for the cluster's other stores. */
	heard?: () => void;
}

/**
 * Probes the server while a watch is quiet (see StoreTuning.health); drops the watch when it
 * does not answer. One timer, set for the moment the watch has been quiet for idleMs, not a
 * poll: an idle kpods wakes once per idleMs per store.
 */
export function watchHealth(health: HealthCheck | undefined, watch: AbortController): {sawEvent: () => void; end: () => void} {
	if (!health) {
		return {sawEvent() {}, end() {}};
	}
	let last = Date.now();
	let timer: NodeJS.Timeout | undefined;
	let deadline: NodeJS.Timeout | undefined;
	// A probe may answer after its watch ended (the server closed the stream): then no new timer.
	let ended = false;
	const fail = () => {
		if (!ended && !watch.signal.aborted) {
			watch.abort(new NetworkError(t('network.stopped', {seconds: health.timeoutMs / 1000})));
		}
	};
	const check = () => {
		// Heard from lately, on this watch or (shared by the cluster's stores) on any other.
		const heard = Math.max(last, health.lastHeard?.() ?? Number.NEGATIVE_INFINITY);
		const quiet = Date.now() - heard;
		if (quiet < health.idleMs) {
			timer = setTimeout(check, health.idleMs - quiet);
			return;
		}
		deadline = setTimeout(fail, health.timeoutMs);
		health.probe(watch.signal).then(
			() => {
				clearTimeout(deadline);
				last = Date.now();
				if (!ended && !watch.signal.aborted) {
					timer = setTimeout(check, health.idleMs);
				}
			},
			() => {
				clearTimeout(deadline);
				fail();
			},
		);
	};
	timer = setTimeout(check, health.idleMs);
	return {
		sawEvent() {
			last = Date.now();
			health.heard?.();
		},
		end() {
			ended = true;
			clearTimeout(timer);
			clearTimeout(deadline);
		},
	};
}
