import {appendFileSync} from 'node:fs';

const file = process.env.KPODS_TRACE;

/**
 * Start-up milestones for the benchmarks: with KPODS_TRACE=FILE each call appends
 * "ms-since-process-start label cpu=ms rss=MB" to FILE (cpu: user + system so far, all
 * threads); without it, nothing happens.
 */
export function trace(label: string): void {
	if (!file) {
		return;
	}
	const {user, system} = process.cpuUsage();
	appendFileSync(
		file,
		`${performance.now().toFixed(1)} ${label} cpu=${((user + system) / 1000).toFixed(0)} rss=${Math.round(process.memoryUsage.rss() / 1e6)}MB\n`,
	);
}

/** With KPODS_TRACE, traces the first `count` frames written to the terminal (when each reached it). */
export function traceWrites(stream: NodeJS.WriteStream, count = 4): void {
	if (!file) {
		return;
	}
	const write = stream.write.bind(stream) as (...parameters: unknown[]) => boolean;
	let left = count;
	stream.write = ((...parameters: unknown[]) => {
		const written = write(...parameters);
		const {length} = String(parameters[0]);
		// Frames, not the cursor and screen switches around them.
		if (left > 0 && length > 100) {
			left--;
			trace(`frame written (${length} chars)`);
		}
		return written;
	}) as typeof stream.write;
}
