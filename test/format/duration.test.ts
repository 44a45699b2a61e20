import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ageSince, humanDuration, timestampMs, translateTimestampSince} from '../../source/format/duration.js';

const ms = 1;
const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

describe('humanDuration: every boundary of apimachinery duration_test.go', () => {
	for (const [duration, expected] of [
		[1 * s, '1s'],
		[70 * s, '70s'],
		[2 * m - ms, '119s'],
		[2 * m, '2m'],
		[2 * m + 1 * s, '2m1s'],
		[190 * s, '3m10s'],
		[10 * m - ms, '9m59s'],
		[10 * m, '10m'],
		[70 * m, '70m'],
		[3 * h - ms, '179m'],
		[3 * h, '3h'],
		[3 * h + 1 * m, '3h1m'],
		[8 * h - ms, '7h59m'],
		[8 * h + 59 * m, '8h'],
		[47 * h, '47h'],
		[48 * h, '2d'],
		[49 * h, '2d1h'],
		[8 * d - ms, '7d23h'],
		[8 * d + 2 * h, '8d'],
		[367 * d, '367d'],
		[2 * y - ms, '729d'],
		[2 * y, '2y'],
		[2 * y + 1 * d, '2y1d'],
		[8 * y - ms, '7y364d'],
		[8 * y, '8y'],
		[-2 * s, '<invalid>'],
		[0, '0s'],
	] as const) {
		test(`${duration}ms → ${expected}`, () => {
			assert.equal(humanDuration(duration), expected);
		});
	}
});

describe('humanDuration: more edges', () => {
	for (const [duration, expected] of [
		[-1 * s, '0s'], // up to a second of clock skew reads as now
		[-1999 * ms, '0s'], // -1.999s truncates toward zero: -1
		[-2001 * ms, '<invalid>'],
		[999 * ms, '0s'],
		[119 * s + 999 * ms, '119s'],
		[60 * m, '60m'], // hours only from 3h on
		[2 * h + 30 * m, '150m'],
		[5 * h + 30 * m + 59 * s, '5h30m'],
		[24 * h, '24h'],
		[2 * d + 3 * h, '2d3h'],
		[364 * d, '364d'],
		[9 * y + 200 * d, '9y'],
	] as const) {
		test(`${duration}ms → ${expected}`, () => {
			assert.equal(humanDuration(duration), expected);
		});
	}
});

describe('translateTimestampSince', () => {
	const now = Date.parse('2026-11-24T12:00:00Z');

	test('an RFC 3339 timestamp', () => {
		assert.equal(translateTimestampSince('2026-11-24T11:46:52Z', now), '13m');
		assert.equal(translateTimestampSince('2026-11-24T13:46:52+02:00', now), '13m');
	});

	test('a MicroTime (eventTime) with microseconds', () => {
		assert.equal(translateTimestampSince('2026-11-24T11:58:00.123456Z', now), '119s');
	});

	test('absent, null, empty, unparsable or Go zero time → <unknown>', () => {
		for (const value of [undefined, null, '', 'yesterday', '0001-01-01T00:00:00Z']) {
			assert.equal(translateTimestampSince(value, now), '<unknown>');
		}
	});

	test('a timestamp in the future by more than a second → <invalid>', () => {
		assert.equal(translateTimestampSince('2026-11-24T12:00:05Z', now), '<invalid>');
	});

	test('timestampMs / ageSince work on parsed times', () => {
		assert.equal(timestampMs('2026-11-24T12:00:00Z'), now);
		assert.equal(timestampMs(undefined), undefined);
		assert.equal(ageSince(now - 3 * d, now), '3d');
		assert.equal(ageSince(undefined, now), '<unknown>');
	});
});
