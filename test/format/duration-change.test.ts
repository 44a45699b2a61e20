import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ageChangesAt, humanDuration, nextDurationChange} from '../../source/format/duration.js';

const ms = 1;
const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

// elapsed → the elapsed time at which humanDuration's text next changes, on each of its steps.
const cases: Array<[number, number, string]> = [
	[-5 * s, -2 * s + ms, "'<invalid>' until it reads '0s'"],
	[-2 * s + ms, 1 * s, "'0s' from -1.999 s"],
	[0, 1 * s, "'0s'"],
	[999 * ms, 1 * s, "'0s' to '1s'"],
	[1 * s, 2 * s, 'seconds'],
	[119 * s + 500 * ms, 2 * m, "'119s' to '2m'"],
	[2 * m, 2 * m + 1 * s, "'2m' to '2m1s'"],
	[9 * m + 59 * s, 10 * m, "'9m59s' to '10m'"],
	[10 * m, 11 * m, 'minutes past 10 minutes'],
	[61 * m + 30 * s, 62 * m, "'61m' to '62m'"],
	[3 * h - ms, 3 * h, "'179m' to '3h'"],
	[3 * h + 30 * s, 3 * h + 1 * m, "'3h' to '3h1m'"],
	[8 * h - ms, 8 * h, "'7h59m' to '8h'"],
	[8 * h, 9 * h, 'hours past 8 hours'],
	[47 * h + 59 * m, 48 * h, "'47h' to '2d'"],
	[48 * h + 1 * s, 49 * h, "'2d' to '2d1h'"],
	[8 * d - ms, 8 * d, "'7d23h' to '8d'"],
	[8 * d + 5 * h, 9 * d, 'days past 8 days'],
	[2 * y - ms, 2 * y, "'729d' to '2y'"],
	[2 * y + 3 * h, 2 * y + 1 * d, "'2y' to '2y1d'"],
	[9 * y + 100 * d + 1 * h, 9 * y + 101 * d, "'9y' may change no sooner than the next day (a day early is harmless)"],
];

describe('nextDurationChange: where each HumanDuration step ends', () => {
	for (const [elapsed, next, what] of cases) {
		test(`${humanDuration(elapsed)} at ${elapsed} ms → ${next} ms (${what})`, () => {
			assert.equal(nextDurationChange(elapsed), next);
		});
	}
});

describe('nextDurationChange agrees with humanDuration', () => {
	// Never late: the text is the same up to the moment and differs at it (or, for 8 years and
	// more, stays the same: waking early costs one frame that changes nothing).
	const samples = [
		...cases.map(([elapsed]) => elapsed),
		...Array.from({length: 400}, (_, index) => Math.round(((index * 7919) % 400) ** 3 * 600 - 3000)),
	];
	test('the text stays the same until the moment, and changes there (below 8 years)', () => {
		for (const elapsed of samples) {
			const next = nextDurationChange(elapsed);
			assert.ok(next > elapsed, `${elapsed}: ${next} is not later`);
			assert.equal(humanDuration(next - ms), humanDuration(elapsed), `${elapsed}: the text changed before ${next}`);
			if (elapsed < 8 * y - d) {
				assert.notEqual(humanDuration(next), humanDuration(elapsed), `${elapsed}: nothing changes at ${next}`);
			}
		}
	});
});

describe('ageChangesAt: a fixed now', () => {
	const now = Date.parse('2026-11-24T12:00:00Z');
	test('a pod created 61m30s ago reads 61m until 62m', () => {
		assert.equal(ageChangesAt(now - 61 * m - 30 * s, now), now + 30 * s);
	});
	test('a pod created 5s ago changes in one second', () => {
		assert.equal(ageChangesAt(now - 5 * s - 250 * ms, now), now + 750 * ms);
	});
	test("an unset time ('<unknown>') never changes", () => {
		assert.equal(ageChangesAt(undefined, now), Number.POSITIVE_INFINITY);
	});
});
