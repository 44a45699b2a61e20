// The numbers a benchmark recorded in the readme, read back from the readme itself, so that a run
// that got slower says so loudly and fails (exit 1) in its own run. The readme's table is the
// record: a run prints rows in the same shape, and pasting them in is how a new number is recorded.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';

/** The body rows (cells trimmed) of the first table under the readme heading that starts with `heading`. */
export function recordedTable(heading: string): string[][] {
	const readme = readFileSync(join(import.meta.dirname, '..', 'readme.md'), 'utf8');
	const start = readme.split('\n').findIndex(line => line.startsWith('#') && line.replace(/^#+\s*/, '').startsWith(heading));
	if (start === -1) {
		throw new Error(`readme: no heading "${heading}"`);
	}
	const lines = readme.split('\n').slice(start + 1);
	const first = lines.findIndex(line => line.startsWith('|'));
	const table = lines.slice(
		first,
		lines.findIndex((line, index) => index > first && !line.startsWith('|')),
	);
	return table.slice(2).map(line =>
		line
			.split('|')
			.slice(1, -1)
			.map(cell => cell.trim()),
	);
}

/** A cell such as "0.35 s", "74 MB" or "1,000" as a number. */
export function cellNumber(cell: string): number {
	return Number(cell.replaceAll(',', '').replace(/\s*(s|ms|MB|%)$/, ''));
}

const regressions: string[] = [];

/**
 * Compares a measured number with the recorded one, where more is worse. `tolerance` is the
 * share above the record that this shared 2-core machine's noise is allowed (BENCH_TOLERANCE
 * overrides it); past it the run is a regression.
 */
export function checkNotSlower(
	what: string,
	measured: number,
	recorded: number,
	tolerance = Number(process.env.BENCH_TOLERANCE ?? 0.4),
): void {
	const limit = recorded * (1 + tolerance);
	const verdict = measured > limit ? 'SLOWER THAN RECORDED' : 'ok';
	process.stderr.write(`${verdict}: ${what} ${measured.toFixed(2)}, recorded ${recorded.toFixed(2)} (limit ${limit.toFixed(2)})\n`);
	if (measured > limit) {
		regressions.push(
			`${what}: ${measured.toFixed(2)} against the readme's ${recorded.toFixed(2)} (limit ${limit.toFixed(2)}, +${Math.round(tolerance * 100)}%)`,
		);
	}
}

/** Ends the run: every regression on its own line, loudly, and exit status 1. */
export function reportRegressions(bench: string): void {
	if (regressions.length === 0) {
		return;
	}
	process.stderr.write(
		`\n${bench}: SLOWER THAN THE README RECORDS (${regressions.length}):\n${regressions.map(line => `  ${line}\n`).join('')}`,
	);
	process.exitCode = 1;
}
