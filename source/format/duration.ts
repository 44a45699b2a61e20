/**
 * AGE cells: a port of apimachinery `pkg/util/duration` `HumanDuration` and of printers.go
 * `translateTimestampSince`. The clock is a parameter so AGE can tick from one shared `now`.
 */

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/** Go's zero `time.Time` (0001-01-01T00:00:00Z), which `metav1.Time.IsZero` treats as unset. */
const goZeroTime = -62_135_596_800_000;

/**
 * A kubectl duration with ~2-3 significant figures (apimachinery `HumanDuration`).
 * @example humanDuration(190_000) // '3m10s'
 */
export function humanDuration(ms: number): string {
	// Go truncates toward zero; -1.5s is still "0s" (a little clock skew is tolerated).
	const seconds = Math.trunc(ms / second);
	if (seconds < -1) {
		return '<invalid>';
	}
	if (seconds < 0) {
		return '0s';
	}
	if (seconds < 60 * 2) {
		return `${seconds}s`;
	}
	const minutes = Math.trunc(ms / minute);
	if (minutes < 10) {
		const s = seconds % 60;
		return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
	}
	if (minutes < 60 * 3) {
		return `${minutes}m`;
	}
	const hours = Math.trunc(ms / hour);
	if (hours < 8) {
		const m = minutes % 60;
		return m === 0 ? `${hours}h` : `${hours}h${m}m`;
	}
	if (hours < 48) {
		return `${hours}h`;
	}
	const days = Math.trunc(hours / 24);
	if (hours < 24 * 8) {
		const h = hours % 24;
		return h === 0 ? `${days}d` : `${days}d${h}h`;
	}
	if (hours < 24 * 365 * 2) {
		return `${days}d`;
	}
	const years = Math.trunc(days / 365);
	if (hours < 24 * 365 * 8) {
		const dy = days % 365;
		return dy === 0 ? `${years}y` : `${years}y${dy}d`;
	}
	return `${years}y`;
}

const day = 24 * hour;

/**
 * The smallest elapsed time (ms, > `ms`) at which humanDuration's text differs from its text at
 * `ms`: the step it is on ends there (seconds below 10 minutes, then minutes, hours, days, years).
 * @example nextDurationChange(61 * minute) // 62 * minute: '61m' turns '62m'
 */
export function nextDurationChange(ms: number): number {
	const seconds = Math.trunc(ms / second);
	if (seconds < -1) {
		return -2 * second + 1; // '<invalid>' until -1.999 s, which reads '0s'
	}
	if (ms < 10 * minute) {
		return Math.max(seconds + 1, 1) * second; // '0s' covers -1.999 s to 0.999 s
	}
	if (ms < 8 * hour) {
		return (Math.trunc(ms / minute) + 1) * minute;
	}
	if (ms < 8 * day) {
		return (Math.trunc(ms / hour) + 1) * hour;
	}
	return (Math.trunc(ms / day) + 1) * day;
}

/** The epoch ms at which ageSince(at, now) next changes; Infinity for an unset time ('<unknown>' never changes). */
export function ageChangesAt(at: number | undefined, now: number): number {
	return at === undefined ? Number.POSITIVE_INFINITY : at + nextDurationChange(now - at);
}

/**
 * Epoch ms of an RFC 3339 timestamp (second or micro precision), or undefined when absent,
 * unparsable or Go's zero time — the cases `metav1.Time.IsZero` reports as unset.
 */
export function timestampMs(timestamp: string | null | undefined): number | undefined {
	if (!timestamp) {
		return undefined;
	}
	const ms = Date.parse(timestamp);
	if (Number.isNaN(ms) || ms === goZeroTime) {
		return undefined;
	}
	return ms;
}

/**
 * The AGE text for a timestamp at `now` (epoch ms): `'<unknown>'` when absent, as printers.go does.
 * @example translateTimestampSince('2026-11-24T11:46:52Z', Date.parse('2026-11-24T12:00:00Z')) // '13m'
 */
export function translateTimestampSince(timestamp: string | null | undefined, now: number): string {
	return ageSince(timestampMs(timestamp), now);
}

/** Like translateTimestampSince for a timestamp already parsed to epoch ms (undefined = unset). */
export function ageSince(at: number | undefined, now: number): string {
	return at === undefined ? '<unknown>' : humanDuration(now - at);
}
