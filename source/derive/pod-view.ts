import type {PodHealth, PodRow} from '../format/pod.js';
import {matchesSelector, parseSelector, type Requirement} from '../k8s/labels.js';

/** A pane filter: plain text matched in the row, or `-l selector` as kubectl takes it. */
export type RowFilter =
	| {kind: 'none'}
	| {kind: 'text'; text: string}
	| {kind: 'labels'; requirements: Requirement[]}
	| {kind: 'invalid'; error: string};

/**
 * Reads what the user typed after `/`.
 * @example parseFilter('-l app=pod-label') // {kind: 'labels', requirements: [...]}
 */
export function parseFilter(input: string): RowFilter {
	const text = input.trim();
	if (text === '') {
		return {kind: 'none'};
	}
	const selector = /^(?:-l|--selector)(?:\s+|=)(.*)$/.exec(text);
	if (selector) {
		const parsed = parseSelector(selector[1]!.trim());
		return parsed.ok ? {kind: 'labels', requirements: parsed.requirements} : {kind: 'invalid', error: parsed.error};
	}

	return {kind: 'text', text: text.toLowerCase()};
}

/** Applies a filter to rows that have labels and a searchable text. */
export function applyFilter<T>(
	rows: readonly T[],
	filter: RowFilter,
	labelsOf: (row: T) => Record<string, string> | undefined,
	textOf: (row: T) => string,
): readonly T[] {
	switch (filter.kind) {
		case 'text':
			return rows.filter(row => textOf(row).toLowerCase().includes(filter.text));
		case 'labels':
			return rows.filter(row => matchesSelector(filter.requirements, labelsOf(row)));
		default:
			return rows;
	}
}

/** What a text filter searches in a pod row: the cells a user reads. */
export function podSearchText(row: PodRow): string {
	return `${row.namespace} ${row.name} ${row.status} ${row.ip} ${row.node}`;
}

export function filterPods(rows: readonly PodRow[], filter: RowFilter): readonly PodRow[] {
	return applyFilter(rows, filter, row => row.labels, podSearchText);
}

export type PodCounts = Record<PodHealth, number> & {total: number};

/** Pods by health, for the header. */
export function countPods(rows: readonly PodRow[]): PodCounts {
	const counts: PodCounts = {total: rows.length, ok: 0, progressing: 0, warning: 0, failed: 0, completed: 0, terminating: 0};
	for (const row of rows) {
		counts[row.health]++;
	}
	return counts;
}

/**
 * countPods(rows), from the counts of an earlier rows array: only rows that are not the same
 * object at the same place are counted again (a watch burst replaces a few rows of 10,000);
 * when the store says which rows it replaced since `earlier.rows`, only those are looked at.
 */
export function recountPods(
	earlier: {rows: readonly PodRow[]; counts: PodCounts} | undefined,
	rows: readonly PodRow[],
	replaced?: {readonly before: readonly PodRow[]; readonly at: readonly number[]},
): PodCounts {
	if (!earlier) {
		return countPods(rows);
	}
	const before = earlier.rows;
	const counts = {...earlier.counts, total: rows.length};
	if (replaced?.before === before && before.length === rows.length) {
		for (const index of replaced.at) {
			counts[before[index]!.health]--;
			counts[rows[index]!.health]++;
		}
		return counts;
	}
	const shared = Math.min(before.length, rows.length);
	for (let index = 0; index < shared; index++) {
		const was = before[index]!;
		const is = rows[index]!;
		if (was !== is) {
			counts[was.health]--;
			counts[is.health]++;
		}
	}
	for (let index = shared; index < before.length; index++) {
		counts[before[index]!.health]--;
	}
	for (let index = shared; index < rows.length; index++) {
		counts[rows[index]!.health]++;
	}
	return counts;
}
