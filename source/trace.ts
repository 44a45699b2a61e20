import {appendFileSync} from 'node:fs';

const file = process.env.KPODS_TRACE;

/**
 * Start-up milestones for the benchmarks: with KPODS_TRACE=FILE each call appends
 * "ms-since-process-start label" to FILE; without it, nothing happens.
 */
export function trace(label: string): void {
	if (!file) {
		return;
	}
	appendFileSync(file, `${(performance.now()).toFixed(1)} ${label} rss=${Math.round(process.memoryUsage.rss() / 1e6)}MB\n`);
}
