import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	LogRing,
	ResumePoint,
	compareLogTime,
	logLineText,
	parseLogTime,
	searchLines,
	splitTimestamp,
} from '../../source/derive/log-lines.js';

describe('log lines', () => {
	test('timestamps split off as the server sends them (RFC 3339, up to nanoseconds)', () => {
		assert.deepEqual(splitTimestamp('2026-11-30T10:04:03.651170496Z GET / 200'), {
			time: '2026-11-30T10:04:03.651170496Z',
			text: 'GET / 200',
		});
		assert.deepEqual(splitTimestamp('2026-11-30T10:04:03Z '), {time: '2026-11-30T10:04:03Z', text: ''});
		assert.deepEqual(splitTimestamp('no stamp here'), {time: '', text: 'no stamp here'});
	});

	test("times compare to the nanosecond, whatever the fraction's length", () => {
		const [a, b, c] = ['2026-11-30T10:00:01Z', '2026-11-30T10:00:01.5Z', '2026-11-30T10:00:01.45Z'].map(time => parseLogTime(time)!);
		assert.ok(compareLogTime(a!, b!) < 0);
		assert.ok(compareLogTime(c!, b!) < 0);
		assert.equal(compareLogTime(b!, parseLogTime('2026-11-30T10:00:01.500000000Z')!), 0);
	});

	test('resuming: from the start of the last second, skipping what was seen (lines sharing a time counted)', () => {
		const resume = new ResumePoint();
		for (const time of ['2026-11-30T10:00:00.9Z', '2026-11-30T10:00:01.2Z', '2026-11-30T10:00:01.2Z']) {
			resume.seen(time);
		}
		assert.equal(resume.sinceTime(), '2026-11-30T10:00:01Z');
		const again = [
			'2026-11-30T10:00:01.1Z',
			'2026-11-30T10:00:01.2Z',
			'2026-11-30T10:00:01.2Z',
			'2026-11-30T10:00:01.2Z',
			'2026-11-30T10:00:01.3Z',
		];
		assert.deepEqual(
			again.map(time => resume.repeated(time)),
			[true, true, true, false, false],
		);
	});

	test('the ring keeps the newest lines and counts the dropped ones', () => {
		const ring = new LogRing(3);
		for (let index = 0; index < 5; index++) {
			ring.push({time: '', text: String(index), prefix: ''});
		}
		assert.deepEqual(
			ring.toArray().map(entry => entry.text),
			['2', '3', '4'],
		);
		assert.equal(ring.dropped, 2);
	});

	test('shown with the timestamp when asked, the pod prefix, and searched case-insensitively', () => {
		const entry = {time: '2026-11-30T10:00:00Z', text: 'GET /Healthz', prefix: '[pod/a/web] '};
		assert.equal(logLineText(entry, false), '[pod/a/web] GET /Healthz');
		assert.equal(logLineText(entry, true), '2026-11-30T10:00:00Z [pod/a/web] GET /Healthz');
		assert.deepEqual(searchLines(['a healthz', 'b', 'HEALTHZ c'], 'healthz'), [0, 2]);
	});
});
