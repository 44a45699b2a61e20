// `kubectl get -o yaml` text of one object, byte for byte. kubectl turns the JSON into YAML
// with sigs.k8s.io/yaml (a fork of go-yaml v2), whose output no npm YAML library reproduces:
// map keys in go-yaml's "natural" order, sequences not indented under their key, long plain
// strings folded at the first space past column 80, strings that YAML 1.1 would read as
// something else ("80", "true", "y", "2026-01-01") double-quoted, multi-line strings as
// literal blocks. The input is JSON (objects, arrays, strings, numbers, booleans, null), so
// the emitter below only needs those. Since 1.21 kubectl leaves metadata.managedFields out.

/** The object without metadata.managedFields, as kubectl ≥1.21 prints and edits it. */
export function withoutManagedFields<T extends Record<string, unknown>>(object: T): T {
	const metadata = object['metadata'] as Record<string, unknown> | undefined;
	if (!metadata || !('managedFields' in metadata)) {
		return object;
	}
	const {managedFields: _hidden, ...rest} = metadata;
	return {...object, metadata: rest};
}

/**
 * The YAML kubectl prints for an object (`kubectl get KIND NAME -o yaml`).
 * @example objectYaml({kind: 'Pod', apiVersion: 'v1', metadata: {name: 'a'}}) // 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n'
 */
export function objectYaml(object: Record<string, unknown>): string {
	const out: string[] = [];
	emitMap(withoutManagedFields(object), 0, out);
	return out.join('');
}

const bestWidth = 80;

/** go-yaml's key order: runs of digits compare as numbers, and a non-letter sorts before a letter. */
export function compareKeys(a: string, b: string): number {
	const isLetter = (char: string) => /\p{L}/u.test(char);
	const isDigit = (char: string) => char >= '0' && char <= '9';
	const ar = [...a];
	const br = [...b];
	for (let index = 0; index < ar.length && index < br.length; index++) {
		if (ar[index] === br[index]) {
			continue;
		}
		const al = isLetter(ar[index]!);
		const bl = isLetter(br[index]!);
		if (al && bl) {
			return ar[index]! < br[index]! ? -1 : 1;
		}
		if (al || bl) {
			return bl ? -1 : 1;
		}
		// From here, runs of digits compare by value (a non-digit counts as 0); leading zeros after other digits count.
		let an = 0;
		let bn = 0;
		if (ar[index] === '0' || br[index] === '0') {
			for (let back = index - 1; back >= 0 && isDigit(ar[back]!); back--) {
				if (ar[back] !== '0') {
					an = 1;
					bn = 1;
					break;
				}
			}
		}

		let ai = index;
		for (; ai < ar.length && isDigit(ar[ai]!); ai++) {
			an = an * 10 + Number(ar[ai]);
		}
		let bi = index;
		for (; bi < br.length && isDigit(br[bi]!); bi++) {
			bn = bn * 10 + Number(br[bi]);
		}
		if (an !== bn) {
			return an < bn ? -1 : 1;
		}
		if (ai !== bi) {
			return ai < bi ? -1 : 1;
		}
		return ar[index]! < br[index]! ? -1 : 1;
	}

	return ar.length - br.length;
}

function emitMap(map: Record<string, unknown>, indent: number, out: string[], firstInline = false): void {
	const keys = Object.keys(map).sort(compareKeys);
	for (const [position, key] of keys.entries()) {
		const pad = firstInline && position === 0 ? '' : ' '.repeat(indent);
		const keyText = scalar(key, indent, pad.length, true);
		emitEntry(`${pad}${keyText}:`, map[key], indent, out);
	}
}

/** A `key:` or `-` line and its value: inline when scalar or empty, else on the lines below. */
function emitEntry(lead: string, value: unknown, indent: number, out: string[]): void {
	if (Array.isArray(value)) {
		if (value.length === 0) {
			out.push(`${lead} []\n`);
			return;
		}

		out.push(`${lead}\n`);
		// A sequence under a key is not indented; under a `-` it is.
		emitSequence(value, lead.trimStart().startsWith('-') ? indent + 2 : indent, out);
		return;
	}

	if (value !== null && typeof value === 'object') {
		if (Object.keys(value).length === 0) {
			out.push(`${lead} {}\n`);
			return;
		}

		out.push(`${lead}\n`);
		emitMap(value as Record<string, unknown>, indent + 2, out);
		return;
	}

	out.push(`${lead} ${scalar(value, indent + 2, lead.length + 1, false)}\n`);
}

function emitSequence(items: readonly unknown[], indent: number, out: string[]): void {
	const pad = ' '.repeat(indent);
	for (const item of items) {
		if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0) {
			out.push(`${pad}- `);
			emitMap(item as Record<string, unknown>, indent + 2, out, true);
		} else if (Array.isArray(item) && item.length > 0) {
			out.push(`${pad}-\n`);
			emitSequence(item, indent + 2, out);
		} else {
			emitEntry(`${pad}-`, item, indent, out);
		}
	}
}

/** A scalar as go-yaml writes it; `column` is where it starts (for folding), `indent` its continuation lines'. */
function scalar(value: unknown, indent: number, column: number, key: boolean): string {
	if (value === null || value === undefined) {
		return 'null';
	}
	if (typeof value === 'boolean') {
		return String(value);
	}
	if (typeof value === 'number') {
		return Number.isInteger(value) ? String(value) : goFloat(value);
	}
	const text = String(value);
	if (!key && text.includes('\n') && literalAllowed(text)) {
		return literal(text, indent);
	}
	if (resolvesToOther(text)) {
		return doubleQuoted(text, indent, column, key);
	}
	if (plainAllowed(text)) {
		return key ? text : fold(text, indent, column);
	}
	if (singleQuotedAllowed(text)) {
		return singleQuoted(text, indent, column, key);
	}
	return doubleQuoted(text, indent, column, key);
}

/** float64 as Go's strconv 'g' prints it (JavaScript agrees except for the exponent's sign and width). */
function goFloat(value: number): string {
	const text = String(value);
	return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

// What a plain (unquoted) scalar would mean instead of a string, per go-yaml's resolver (YAML 1.1 and 1.2 spellings).
const otherMeanings =
	/^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*|(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+|[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)|\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?|<<)$/;

function resolvesToOther(text: string): boolean {
	return text === '' || otherMeanings.test(text);
}

/** go-yaml's analysis: may this string be written plain in block context? */
function plainAllowed(text: string): boolean {
	if (text === '' || /^\s|\s$/.test(text)) {
		return false;
	}
	if (/^(?:---|\.\.\.)/.test(text)) {
		return false;
	}
	if (/[^\t\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(text) || /[\n\r\t]/.test(text)) {
		return false;
	}
	const first = text[0]!;
	if ('#,[]{}&*!|>\'"%@`'.includes(first)) {
		return false;
	}
	if ('?:-'.includes(first) && (text.length === 1 || text[1] === ' ')) {
		return false;
	}
	if (/: |:$| #/.test(text)) {
		return false;
	}
	return true;
}

/** Single quotes hold any printable text on one line (go-yaml falls back to them when plain is not allowed). */
function singleQuotedAllowed(text: string): boolean {
	return !/[^\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(text);
}

/** A single-quoted scalar ('' for a quote), folded at single spaces past column 80 (not for keys). */
function singleQuoted(text: string, indent: number, column: number, key: boolean): string {
	let out = "'";
	let at = column + 1;
	for (let index = 0; index < text.length; index++) {
		const char = text[index]!;
		if (
			!key &&
			char === ' ' &&
			at > bestWidth &&
			index > 0 &&
			index < text.length - 1 &&
			text[index - 1] !== ' ' &&
			text[index + 1] !== ' '
		) {
			out += `\n${' '.repeat(indent)}`;
			at = indent;
			continue;
		}

		const piece = char === "'" ? "''" : char;
		out += piece;
		at += piece.length;
	}

	return `${out}'`;
}

/** A literal block keeps the text as it is: not when it has trailing spaces on a line or special characters. */
function literalAllowed(text: string): boolean {
	return (
		!/[ \t]\n|[^\n\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(text) &&
		!/^\n/.test(text) &&
		!/[ \t]$/.test(text)
	);
}

function literal(text: string, indent: number): string {
	const trailing = /\n+$/.exec(text)?.[0].length ?? 0;
	const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
	const hint = /^[ ]/.test(text) ? '2' : '';
	const body = (trailing > 0 ? text.slice(0, -1) : text)
		.split('\n')
		.map(line => (line === '' ? '' : ' '.repeat(indent) + line))
		.join('\n');
	return `|${hint}${chomp}\n${body}`;
}

/** A plain scalar folded as go-yaml folds it: at the first single space once the column is past 80. */
function fold(text: string, indent: number, column: number): string {
	let out = '';
	let at = column;
	for (let index = 0; index < text.length; index++) {
		const char = text[index]!;
		if (char === ' ' && at > bestWidth && text[index - 1] !== ' ' && text[index + 1] !== ' ') {
			out += `\n${' '.repeat(indent)}`;
			at = indent;
			continue;
		}

		out += char;
		at++;
	}

	return out;
}

const escapes: Record<string, string> = {
	'\0': '\\0',
	'\u0007': '\\a',
	'\b': '\\b',
	'\t': '\\t',
	'\n': '\\n',
	'\u000B': '\\v',
	'\f': '\\f',
	'\r': '\\r',
	'\u001B': '\\e',
	'"': '\\"',
	'\\': '\\\\',
	'\u0085': '\\N',
	'\u00A0': '\\_',
	'\u2028': '\\L',
	'\u2029': '\\P',
};

/** A double-quoted scalar with go-yaml's escapes, folded at spaces past column 80 (not for keys). */
function doubleQuoted(text: string, indent: number, column: number, key: boolean): string {
	let out = '"';
	let at = column + 1;
	const chars = [...text];
	for (const [index, char] of chars.entries()) {
		const code = char.codePointAt(0)!;
		let piece = escapes[char];
		if (piece === undefined) {
			if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
				piece = `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
			} else if (code === 0xfeff) {
				piece = '\\uFEFF';
			} else {
				piece = char;
			}
		}

		if (!key && char === ' ' && at > bestWidth && index > 0 && index < chars.length - 1 && chars[index - 1] !== ' ') {
			out += `\n${' '.repeat(indent)}`;
			at = indent;
			if (chars[index + 1] === ' ') {
				out += '\\';
				at++;
			}

			continue;
		}

		out += piece;
		at += piece.length;
	}

	return `${out}"`;
}
