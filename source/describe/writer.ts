import {humanDuration, timestampMs} from '../format/duration.js';
import {alignTabs} from './tab-writer.js';

/** What the describers write through: kubectl's PrefixWriter. */
export interface PrefixWriter {
	write(level: number, text: string): void;
	line(text: string): void;
}

/**
 * kubectl's describe prefix writer: text at an indentation level (two spaces a level), with
 * `\t` marking the cells the tab writer aligns when the text is finished.
 */
export class DescribeWriter implements PrefixWriter {
	private raw = '';

	/** Writes `text` after `level` indentation steps (kubectl's `Write(level, ...)`). */
	write(level: number, text: string): void {
		this.raw += escapeTerminal('  '.repeat(level) + text);
	}

	/** Ends the current line with `text` (kubectl's `WriteLine`). */
	line(text: string): void {
		this.raw += `${escapeTerminal(text)}\n`;
	}

	/** The finished text, aligned, ending with a newline as kubectl's does. */
	text(): string {
		return alignTabs(this.raw);
	}
}

/** What `printers.WriteEscaped` does to every piece of describe output: no raw ESC or CR reaches the terminal. */
export function escapeTerminal(text: string): string {
	return text.replaceAll('\u001B', '^[').replaceAll('\r', '\\r');
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number) => String(Math.abs(value)).padStart(2, '0');

/** Go's `time.RFC1123Z` in the machine's time zone (describe's dates); Go's zero time when unset. */
export function rfc1123z(timestamp: string | null | undefined): string {
	const ms = timestampMs(timestamp);
	if (ms === undefined) {
		return 'Mon, 01 Jan 0001 00:00:00 +0000';
	}
	const date = new Date(ms);
	const offset = -date.getTimezoneOffset();
	const zone = `${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}${pad(offset % 60)}`;
	return `${days[date.getDay()]}, ${pad(date.getDate())} ${months[date.getMonth()]} ${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${zone}`;
}

/** describe's `translateTimestampSince`: a human duration, `<unknown>` when unset. */
export function since(timestamp: string | null | undefined, now: number): string {
	const ms = timestampMs(timestamp);
	return ms === undefined ? '<unknown>' : humanDuration(now - ms);
}

/** Go's sort.Strings order (byte-wise, which for these keys is UTF-16 order). */
export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `Title:\tkey=value` lines, sorted, `<none>` when empty (printLabelsMultiline). */
export function writeLabels(
	w: PrefixWriter,
	title: string,
	labels: Record<string, string> | undefined,
	initialIndent = '',
	innerIndent = '\t',
): void {
	w.write(0, `${initialIndent}${title}:${innerIndent}`);
	const keys = Object.keys(labels ?? {}).sort(byteOrder);
	if (keys.length === 0) {
		w.line('<none>');
		return;
	}

	keys.forEach((key, index) => {
		if (index > 0) {
			w.write(0, initialIndent);
			w.write(0, innerIndent);
		}

		w.write(0, `${key}=${labels![key]}\n`);
	});
}

const maxAnnotationLength = 140;
const skippedAnnotations = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** `Annotations:` as kubectl prints them: long or multi-line values folded below the key. */
export function writeAnnotations(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
	w.write(0, `${title}:\t`);
	const keys = Object.keys(annotations ?? {})
		.filter(key => !skippedAnnotations.has(key))
		.sort(byteOrder);
	if (keys.length === 0) {
		w.line('<none>');
		return;
	}

	keys.forEach((key, index) => {
		if (index > 0) {
			w.write(0, '\t');
		}
		const value = annotations![key]!.replace(/\n$/, '');
		// Go measures in bytes.
		if (byteLength(value) + byteLength(key) + 2 > maxAnnotationLength || value.includes('\n')) {
			w.write(0, `${key}:\n`);
			for (const part of value.split('\n')) {
				w.write(0, `\t  ${shorten(part, maxAnnotationLength - 2)}\n`);
			}
		} else {
			w.write(0, `${key}: ${value}\n`);
		}
	});
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const byteLength = (text: string) => encoder.encode(text).length;

/** Go's `s[:max] + "..."` on the UTF-8 bytes. */
function shorten(text: string, max: number): string {
	const bytes = encoder.encode(text);
	return bytes.length > max ? `${decoder.decode(bytes.subarray(0, max))}...` : text;
}

/** A taint or toleration's effect, for sorting and printing. */
export interface Taint {
	key?: string;
	value?: string;
	effect?: string;
}

/** `key=value:effect` (Taint.ToString). */
export const taintText = (taint: Taint): string =>
	`${taint.key ?? ''}${taint.value ? `=${taint.value}` : ''}${taint.effect ? `:${taint.effect}` : ''}`;

/** `Taints:` lines, by effect then key. */
export function writeTaints(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
	w.write(0, `${title}:\t`);
	if (!taints || taints.length === 0) {
		w.line('<none>');
		return;
	}

	const sorted = [...taints].sort((a, b) => byteOrder(`${a.effect ?? ''},${a.key ?? ''}`, `${b.effect ?? ''},${b.key ?? ''}`));
	sorted.forEach((taint, index) => {
		if (index > 0) {
			w.write(0, '\t');
		}
		w.write(0, `${taintText(taint)}\n`);
	});
}

export interface Toleration extends Taint {
	operator?: string;
	tolerationSeconds?: number;
}

/** `Tolerations:` lines: `key=value:effect`, `op=Exists`, ` for 300s`; by key. */
export function writeTolerations(w: PrefixWriter, title: string, tolerations: readonly Toleration[] | undefined): void {
	w.write(0, `${title}:\t`);
	if (!tolerations || tolerations.length === 0) {
		w.line('<none>');
		return;
	}

	const sorted = [...tolerations].sort((a, b) => byteOrder(a.key ?? '', b.key ?? ''));
	sorted.forEach((toleration, index) => {
		if (index > 0) {
			w.write(0, '\t');
		}
		let text = taintText(toleration);
		// An Exists toleration with no key and no effect tolerates everything.
		if (toleration.operator === 'Exists' && !toleration.value) {
			text += toleration.key || toleration.effect ? ' op=Exists' : 'op=Exists';
		}
		if (toleration.tolerationSeconds !== undefined && toleration.tolerationSeconds !== null) {
			text += ` for ${toleration.tolerationSeconds}s`;
		}
		w.write(0, `${text}\n`);
	});
}

/** `<none>` for an empty string (stringOrNone). */
export const orNone = (text: string | undefined): string => (text ? text : '<none>');

/** Go's `%v` of a string slice: `[a b c]`. */
export const goList = (items: readonly unknown[] | undefined): string => `[${(items ?? []).join(' ')}]`;
