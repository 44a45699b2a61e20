// The pure parts of following a log: a bounded ring of lines, the timestamps the server puts
// in front of each line (`timestamps=true`), and where to resume after a dropped stream
// without repeating or losing a line (`sinceTime`).

/** One log line as kpods keeps it. */
export interface LogEntry {
	/** The server's RFC 3339 timestamp of the line, as sent ('' when it sent none). */
	time: string;
	text: string;
	/** `[pod/NAME/CONTAINER] ` for lines of several pods (kubectl logs --prefix), else ''. */
	prefix: string;
}

/** A point in time as the server's timestamps give it: whole seconds and nanoseconds. */
export interface LogTime {
	seconds: number;
	nanos: number;
}

const stamp = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d) /;

/**
 * Splits a `timestamps=true` line into its timestamp and text; a line without one keeps all its text.
 * @example splitTimestamp('2026-11-30T10:00:00.5Z hello') // {time: '2026-11-30T10:00:00.5Z', text: 'hello'}
 */
export function splitTimestamp(line: string): {time: string; text: string} {
	const match = stamp.exec(line);
	return match ? {time: line.slice(0, match[0].length - 1), text: line.slice(match[0].length)} : {time: '', text: line};
}

/** The time of an RFC 3339 timestamp to the nanosecond (undefined when it is not one). */
export function parseLogTime(time: string): LogTime | undefined {
	const match = stamp.exec(`${time} `);
	if (!match) {
		return undefined;
	}
	const seconds = Date.parse(`${match[1]}${match[3]}`) / 1000;
	if (Number.isNaN(seconds)) {
		return undefined;
	}
	return {seconds, nanos: Number((match[2] ?? '').padEnd(9, '0'))};
}

/** Orders two log times (negative: a is earlier). */
export function compareLogTime(a: LogTime, b: LogTime): number {
	return a.seconds === b.seconds ? a.nanos - b.nanos : a.seconds - b.seconds;
}

/**
 * Where a followed log stands, to resume it after the stream drops: the last line's time
 * and how many lines carried exactly that time. A resumed stream asks from the start of
 * that second (`sinceTime` is whole seconds on some servers) and skips what was seen.
 */
export class ResumePoint {
	private last: LogTime | undefined;
	private sameTime = 0;
	/** Lines that arrived without a timestamp: resuming cannot be exact. */
	untimed = false;
	/** Lines the current stream has skipped at the same time as the last one seen. */
	private skipping = 0;

	/** Records a line that was shown. */
	seen(time: string): void {
		const parsed = parseLogTime(time);
		if (!parsed) {
			this.untimed = true;
			return;
		}

		if (this.last && compareLogTime(parsed, this.last) === 0) {
			this.sameTime++;
		} else {
			this.last = parsed;
			this.sameTime = 1;
		}
	}

	/** The `sinceTime` to resume from (whole seconds, RFC 3339), undefined before any timed line. */
	sinceTime(): string | undefined {
		if (!this.last) {
			return undefined;
		}
		this.skipping = 0;
		return new Date(this.last.seconds * 1000).toISOString().replace('.000Z', 'Z');
	}

	/** Whether a line of a resumed stream was already shown (earlier than the last one, or one of the lines at its time). */
	repeated(time: string): boolean {
		const parsed = parseLogTime(time);
		if (!parsed || !this.last) {
			return false;
		}
		const order = compareLogTime(parsed, this.last);
		if (order < 0) {
			return true;
		}
		if (order > 0) {
			return false;
		}
		this.skipping++;
		return this.skipping <= this.sameTime;
	}
}

/** A fixed-size ring of log lines: the newest `capacity` are kept, older ones dropped (memory stays flat). */
export class LogRing {
	private readonly slots: LogEntry[] = [];
	private start = 0;
	/** Lines dropped off the front since the log began. */
	dropped = 0;

	constructor(readonly capacity: number) {}

	get size(): number {
		return this.slots.length;
	}

	push(entry: LogEntry): void {
		if (this.slots.length < this.capacity) {
			this.slots.push(entry);
			return;
		}

		this.slots[this.start] = entry;
		this.start = (this.start + 1) % this.capacity;
		this.dropped++;
	}

	/** The lines, oldest first. */
	toArray(): LogEntry[] {
		return this.start === 0 ? [...this.slots] : [...this.slots.slice(this.start), ...this.slots.slice(0, this.start)];
	}
}

/** How a line is shown: the timestamp when asked for, then the pod prefix, then the text. */
export function logLineText(entry: LogEntry, timestamps: boolean): string {
	return `${timestamps && entry.time ? `${entry.time} ` : ''}${entry.prefix}${entry.text}`;
}

/** The indexes of the lines that contain `term` (case-insensitive), in order. */
export function searchLines(lines: readonly string[], term: string): number[] {
	if (term === '') {
		return [];
	}
	const needle = term.toLowerCase();
	const found: number[] = [];
	for (const [index, line] of lines.entries()) {
		if (line.toLowerCase().includes(needle)) {
			found.push(index);
		}
	}
	return found;
}
