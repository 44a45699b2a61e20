/**
 * Name and label validation with the API server's exact messages: ports of apimachinery
 * `pkg/util/validation` (IsDNS1123Subdomain, IsDNS1123Label, IsDNS1035Label) and
 * `pkg/api/validate/content` (IsLabelKey a.k.a. IsQualifiedName, IsLabelValue), plus the
 * `field.Invalid` text a 422 Status carries. Each check returns [] when valid.
 */

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?';
const labelKeyFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const labelValueFmt = `(${labelKeyFmt})?`;

const dns1123LabelRegexp = new RegExp(`^${dns1123LabelFmt}$`);
const dns1123SubdomainRegexp = new RegExp(`^${dns1123SubdomainFmt}$`);
const dns1035LabelRegexp = new RegExp(`^${dns1035LabelFmt}$`);
const labelKeyRegexp = new RegExp(`^${labelKeyFmt}$`);
const labelValueRegexp = new RegExp(`^${labelValueFmt}$`);

const dns1123LabelErrMsg =
	"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const dns1123SubdomainErrMsg =
	"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const dns1035LabelErrMsg =
	"a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const labelKeyErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const labelValueErrMsg =
	"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** Go measures `len(value)` in UTF-8 bytes. */
function byteLength(value: string): number {
	return new TextEncoder().encode(value).length;
}

/** validation.MaxLenError. */
export function maxLenError(length: number): string {
	return `must be no more than ${length} characters`;
}

/** validation.RegexError: the message, examples and the regex the server validated with. */
export function regexError(message: string, format: string, ...examples: string[]): string {
	if (examples.length === 0) {
		return `${message} (regex used for validation is '${format}')`;
	}
	// The doubled space before "or" is the server's: each example ends in "', " and then " or ".
	const shown = examples.map(example => `'${example}', `).join(' or ');
	return `${message} (e.g. ${shown}regex used for validation is '${format}')`;
}

/**
 * Pod (and most object) names: a lowercase RFC 1123 subdomain of at most 253 characters.
 * @example isDns1123Subdomain('bad_name') // ["a lowercase RFC 1123 subdomain must consist of ..."]
 */
export function isDns1123Subdomain(value: string): string[] {
	const errors: string[] = [];
	if (byteLength(value) > 253) {
		errors.push(maxLenError(253));
	}
	if (!dns1123SubdomainRegexp.test(value)) {
		errors.push(regexError(dns1123SubdomainErrMsg, dns1123SubdomainFmt, 'example.com'));
	}
	return errors;
}

/** Namespace names: a lowercase RFC 1123 label of at most 63 characters. */
export function isDns1123Label(value: string): string[] {
	const errors: string[] = [];
	if (byteLength(value) > 63) {
		errors.push(maxLenError(63));
	}
	if (!dns1123LabelRegexp.test(value)) {
		// A valid subdomain that is not a valid label (length already checked) must have dots.
		errors.push(
			dns1123SubdomainRegexp.test(value) ? 'must not contain dots' : regexError(dns1123LabelErrMsg, dns1123LabelFmt, 'my-name', '123-abc'),
		);
	}
	return errors;
}

/**
 * Why a namespace name cannot exist (the server's own validation words), or undefined.
 * @example namespaceProblem('..') // 'invalid namespace "..": a lowercase RFC 1123 label must consist of …'
 */
export function namespaceProblem(name: string): string | undefined {
	const problems = isDns1123Label(name);
	return problems.length > 0 ? `invalid namespace ${goQuote(name)}: ${problems.join('; ')}` : undefined;
}

/** Service names: a DNS-1035 label (starts with a letter) of at most 63 characters. */
export function isDns1035Label(value: string): string[] {
	const errors: string[] = [];
	if (byteLength(value) > 63) {
		errors.push(maxLenError(63));
	}
	if (!dns1035LabelRegexp.test(value)) {
		errors.push(regexError(dns1035LabelErrMsg, dns1035LabelFmt, 'my-name', 'abc-123'));
	}
	return errors;
}

/** Label keys (and other qualified names): `[prefix/]name`, prefix a DNS subdomain, name up to 63 characters. */
export function isQualifiedName(value: string): string[] {
	const errors: string[] = [];
	const parts = value.split('/');
	let name: string;
	if (parts.length === 1) {
		name = parts[0]!;
	} else if (parts.length === 2) {
		const prefix = parts[0]!;
		name = parts[1]!;
		if (prefix.length === 0) {
			errors.push('prefix part must be non-empty');
		} else {
			errors.push(...isDns1123Subdomain(prefix).map(message => `prefix part ${message}`));
		}
	} else {
		return [
			`a valid label key ${regexError(labelKeyErrMsg, labelKeyFmt, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
		];
	}
	if (name.length === 0) {
		errors.push('name part must be non-empty');
	} else if (byteLength(name) > 63) {
		errors.push(`name part ${maxLenError(63)}`);
	}
	if (!labelKeyRegexp.test(name)) {
		errors.push(`name part ${regexError(labelKeyErrMsg, labelKeyFmt, 'MyName', 'my.name', '123-abc')}`);
	}
	return errors;
}

/** Label values: empty, or up to 63 alphanumerics, '-', '_', '.' starting and ending alphanumeric. */
export function isValidLabelValue(value: string): string[] {
	const errors: string[] = [];
	if (byteLength(value) > 63) {
		errors.push(maxLenError(63));
	}
	if (!labelValueRegexp.test(value)) {
		errors.push(regexError(labelValueErrMsg, labelValueFmt, 'MyValue', 'my_value', '12345'));
	}
	return errors;
}

/** Printable per Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space. */
const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/**
 * A string quoted as Go's `%q` / strconv.Quote does, as in `Invalid value: "bad_name"`.
 * @example goQuote('a"b') // '"a\\"b"'
 */
export function goQuote(value: string): string {
	let quoted = '"';
	for (const ch of value) {
		const code = ch.codePointAt(0)!;
		const simple: Record<string, string> = {
			'\u0007': '\\a',
			'\b': '\\b',
			'\f': '\\f',
			'\n': '\\n',
			'\r': '\\r',
			'\t': '\\t',
			'\v': '\\v',
			'"': '\\"',
			'\\': '\\\\',
		};
		if (simple[ch]) {
			quoted += simple[ch];
		} else if (printable.test(ch)) {
			quoted += ch;
		} else if (code < 0x20 || code === 0x7f) {
			quoted += `\\x${code.toString(16).padStart(2, '0')}`;
		} else if (code < 0x10000) {
			quoted += `\\u${code.toString(16).padStart(4, '0')}`;
		} else {
			quoted += `\\U${code.toString(16).padStart(8, '0')}`;
		}
	}
	return `${quoted}"`;
}

/**
 * A `field.Invalid` error's text, as it appears in a 422 Status's causes and message.
 * @example fieldInvalid('metadata.name', 'bad_name', isDns1123Subdomain('bad_name').join(', '))
 * // 'metadata.name: Invalid value: "bad_name": a lowercase RFC 1123 subdomain must ...'
 */
export function fieldInvalid(field: string, value: string | number, detail: string): string {
	const shown = typeof value === 'number' ? String(value) : goQuote(value);
	return `${field}: Invalid value: ${shown}${detail ? `: ${detail}` : ''}`;
}
