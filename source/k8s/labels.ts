/**
 * Labels and label selectors as apimachinery `pkg/labels` defines them: `FormatLabels`, the
 * selector lexer/parser of `selector.go` (`Parse`), `Requirement.Matches` and `SelectorFromSet`.
 * Parse errors are the server's texts, e.g. for `kubectl get pods -l 'a b'`.
 */

import {fieldInvalid, isQualifiedName, isValidLabelValue} from './names.js';

/**
 * Labels as `k=v` sorted by key and joined by ',', or '<none>' (labels.FormatLabels).
 * @example formatLabels({run: 'hello', app: 'web'}) // 'app=web,run=hello'
 */
export function formatLabels(labels: Record<string, string> | undefined): string {
	const keys = Object.keys(labels ?? {}).sort();
	return keys.length === 0 ? '<none>' : keys.map(key => `${key}=${labels![key]}`).join(',');
}

/** One AND-ed term of a selector; '=' also stands for '=='. */
export type Requirement = {key: string; operator: 'in' | 'notin' | 'exists' | '!' | '=' | '!=' | 'gt' | 'lt'; values: string[]};

type Operator = Requirement['operator'];

type Token = 'error' | 'end' | ')' | ',' | '!' | '==' | '=' | '>' | 'identifier' | 'in' | '<' | '!=' | 'notin' | '(';

/** Literals the lexer turns into tokens (selector.go `string2token`). */
const keywords = new Map<string, Token>([
	[')', ')'],
	[',', ','],
	['!', '!'],
	['==', '=='],
	['=', '='],
	['>', '>'],
	['in', 'in'],
	['<', '<'],
	['!=', '!='],
	['notin', 'notin'],
	['(', '('],
]);

interface Item {
	token: Token;
	literal: string;
}

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecial = (ch: string): boolean => '=!(),><'.includes(ch) && ch !== '';

/** selector.go's Lexer; '' plays Go's 0 byte, returned at the end of input (and for a NUL). */
function lex(text: string): Item[] {
	let pos = 0;
	const read = (): string => {
		const ch = pos < text.length ? text[pos]! : '';
		pos++;
		return ch === '\0' ? '' : ch;
	};
	const items: Item[] = [];
	for (;;) {
		let ch = read();
		while (isWhitespace(ch)) {
			ch = read();
		}
		if (ch === '') {
			items.push({token: 'end', literal: ''});
			return items;
		}
		pos--;
		let buffer = '';
		if (isSpecial(ch)) {
			// The longest run of special characters that is still an operator: '!=' but '<' then '='.
			let last: Item | undefined;
			for (;;) {
				const next = read();
				if (next === '') {
					break;
				}
				if (!isSpecial(next)) {
					pos--;
					break;
				}
				buffer += next;
				const token = keywords.get(buffer);
				if (token) {
					last = {token, literal: buffer};
				} else if (last) {
					pos--;
					break;
				}
			}
			items.push(last ?? {token: 'error', literal: `error expected: keyword found '${buffer}'`});
		} else {
			for (;;) {
				const next = read();
				if (next === '') {
					break;
				}
				if (isSpecial(next) || isWhitespace(next)) {
					pos--;
					break;
				}
				buffer += next;
			}
			items.push({token: keywords.get(buffer) ?? 'identifier', literal: buffer});
		}
	}
}

/** Thrown inside the parser; its message is the server's error text. */
class SelectorError extends Error {}

const binaryOperators = 'in, notin, =, ==, !=, gt, lt';

const operatorOf: Partial<Record<Token, Operator>> = {in: 'in', '=': '=', '==': '=', '>': 'gt', '<': 'lt', notin: 'notin', '!=': '!='};

/** An int64 in base 10, as strconv.ParseInt(value, 10, 64) accepts it; undefined otherwise. */
function parseInt64(value: string): bigint | undefined {
	if (!/^[+-]?\d+$/.test(value)) {
		return undefined;
	}
	const parsed = BigInt(value);
	return parsed >= -(2n ** 63n) && parsed < 2n ** 63n ? parsed : undefined;
}

/** labels.NewRequirement's checks on what the parser produced (the key is already checked). */
function requirement(key: string, operator: Operator, values: string[]): Requirement {
	const errors: string[] = [];
	if (operator === 'gt' || operator === 'lt') {
		values.forEach((value, index) => {
			if (parseInt64(value) === undefined) {
				errors.push(fieldInvalid(`values[${index}]`, value, "for 'Gt', 'Lt' operators, the value must be an integer"));
			}
		});
	}
	values.forEach((value, index) => {
		const messages = isValidLabelValue(value);
		if (messages.length > 0) {
			errors.push(fieldInvalid(`values[${index}][${key}]`, value, messages.join('; ')));
		}
	});
	// utilerrors.NewAggregate: one error as is, several de-duplicated inside [...].
	const unique = [...new Set(errors)];
	if (unique.length === 1) {
		throw new SelectorError(unique[0]);
	}
	if (unique.length > 1) {
		throw new SelectorError(`[${unique.join(', ')}]`);
	}
	return {key, operator, values};
}

/** selector.go's recursive-descent Parser over the lexed items. */
function parseItems(items: Item[]): Requirement[] {
	let position = 0;
	// In a value position, 'in' and 'notin' are plain identifiers ('x in (in)').
	const asValue = (item: Item): Item =>
		item.token === 'in' || item.token === 'notin' ? {token: 'identifier', literal: item.literal} : item;
	// The lexer always ends with an 'end' item; reading past it keeps returning that item.
	const at = (): Item => items[Math.min(position, items.length - 1)]!;
	const lookahead = (values = true): Item => (values ? asValue(at()) : at());
	const consume = (values = true): Item => {
		const item = lookahead(values);
		position++;
		return item;
	};

	const sortedSet = (values: Iterable<string>): string[] => [...new Set(values)].sort();

	const parseValues = (): string[] => {
		const open = consume();
		if (open.token !== '(') {
			throw new SelectorError(`found '${open.literal}' expected: '('`);
		}
		const next = lookahead();
		if (next.token === ')') {
			consume();
			return [''];
		}
		if (next.token !== 'identifier' && next.token !== ',') {
			throw new SelectorError(`found '${next.literal}', expected: ',', ')' or identifier`);
		}
		const values = new Set<string>();
		for (;;) {
			const item = consume();
			if (item.token === 'identifier') {
				values.add(item.literal);
				const after = lookahead();
				if (after.token === ',') {
					continue;
				}
				if (after.token === ')') {
					break;
				}
				throw new SelectorError(`found '${after.literal}', expected: ',' or ')'`);
			} else if (item.token === ',') {
				if (values.size === 0) {
					values.add(''); // '(,' holds an empty value
				}
				const after = lookahead();
				if (after.token === ')') {
					values.add(''); // ',)' too
					break;
				}
				if (after.token === ',') {
					consume();
					values.add(''); // and ',,'
				}
			} else {
				throw new SelectorError(`found '${item.literal}', expected: ',', or identifier`);
			}
		}
		// Go reports the token seen before the list here, not the one that is not ')'.
		if (consume().token !== ')') {
			throw new SelectorError(`found '${next.literal}', expected: ')'`);
		}
		return sortedSet(values);
	};

	const parseExactValue = (): string[] => {
		const next = lookahead();
		if (next.token === 'end' || next.token === ',') {
			return [''];
		}
		const item = consume();
		if (item.token === 'identifier') {
			return [item.literal];
		}
		throw new SelectorError(`found '${item.literal}', expected: identifier`);
	};

	const parseRequirement = (): Requirement => {
		let item = consume();
		let operator: Operator | undefined;
		if (item.token === '!') {
			operator = '!';
			item = consume();
		}
		if (item.token !== 'identifier') {
			throw new SelectorError(`found '${item.literal}', expected: identifier`);
		}
		const key = item.literal;
		const keyErrors = isQualifiedName(key);
		if (keyErrors.length > 0) {
			throw new SelectorError(fieldInvalid('<nil>', key, keyErrors.join('; ')));
		}
		const next = lookahead().token;
		if ((next === 'end' || next === ',') && operator !== '!') {
			operator = 'exists';
		}
		if (operator === 'exists' || operator === '!') {
			return requirement(key, operator, []);
		}
		const opItem = consume(false);
		const binary = operatorOf[opItem.token];
		if (!binary) {
			throw new SelectorError(`found '${opItem.literal}', expected: ${binaryOperators}`);
		}
		const values = binary === 'in' || binary === 'notin' ? parseValues() : parseExactValue();
		return requirement(key, binary, values);
	};

	const requirements: Requirement[] = [];
	for (;;) {
		const item = lookahead();
		if (item.token === 'end') {
			return requirements;
		}
		if (item.token !== 'identifier' && item.token !== '!') {
			throw new SelectorError(`found '${item.literal}', expected: !, identifier, or 'end of string'`);
		}
		try {
			requirements.push(parseRequirement());
		} catch (error) {
			if (error instanceof SelectorError) {
				throw new SelectorError(`unable to parse requirement: ${error.message}`);
			}
			throw error;
		}
		const after = consume();
		if (after.token === 'end') {
			return requirements;
		}
		if (after.token !== ',') {
			throw new SelectorError(`found '${after.literal}', expected: ',' or 'end of string'`);
		}
		const next = lookahead();
		if (next.token !== 'identifier' && next.token !== '!') {
			throw new SelectorError(`found '${next.literal}', expected: identifier after ','`);
		}
	}
}

/**
 * Parses a label selector (`a=b,c!=d,e in (x,y),!f,g`, also `==`, `notin`, `>`, `<`), sorted by
 * key as labels.Parse does. '' selects everything.
 * @example parseSelector('app=web,tier notin (db)')
 */
export function parseSelector(text: string): {ok: true; requirements: Requirement[]} | {ok: false; error: string} {
	try {
		const requirements = parseItems(lex(text));
		// sort.Sort(ByKey): by key only.
		requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
		return {ok: true, requirements};
	} catch (error) {
		if (error instanceof SelectorError) {
			return {ok: false, error: error.message};
		}
		throw error;
	}
}

/** Requirement.Matches for one term. */
function matchesOne(requirement: Requirement, labels: Record<string, string>): boolean {
	const has = Object.hasOwn(labels, requirement.key);
	const value = labels[requirement.key];
	switch (requirement.operator) {
		case 'in':
		case '=':
			return has && requirement.values.includes(value!);
		case 'notin':
		case '!=':
			return !has || !requirement.values.includes(value!);
		case 'exists':
			return has;
		case '!':
			return !has;
		case 'gt':
		case 'lt': {
			if (!has || requirement.values.length !== 1) {
				return false;
			}
			const actual = parseInt64(value!);
			const bound = parseInt64(requirement.values[0]!);
			if (actual === undefined || bound === undefined) {
				return false;
			}
			return requirement.operator === 'gt' ? actual > bound : actual < bound;
		}
	}
}

/** True when the labels satisfy every requirement (an empty selector matches everything). */
export function matchesSelector(requirements: Requirement[], labels: Record<string, string> | undefined): boolean {
	const set = labels ?? {};
	return requirements.every(requirement => matchesOne(requirement, set));
}

/** The requirements of a Service's spec.selector: one `key=value` per entry; none for an empty set. */
export function selectorFromSet(set: Record<string, string> | undefined): Requirement[] {
	return Object.keys(set ?? {})
		.sort()
		.map(key => ({key, operator: '=', values: [set![key]!]}));
}

/**
 * A selector as text, the form `?labelSelector=` takes (Requirement.String joined by ',').
 * @example formatSelector(selectorFromSet({app: 'web'})) // 'app=web'
 */
export function formatSelector(requirements: Requirement[]): string {
	return requirements
		.map(requirement => {
			const values = [...requirement.values].sort().join(',');
			switch (requirement.operator) {
				case 'exists':
					return requirement.key;
				case '!':
					return `!${requirement.key}`;
				case 'in':
				case 'notin':
					return `${requirement.key} ${requirement.operator} (${values})`;
				case 'gt':
					return `${requirement.key}>${values}`;
				case 'lt':
					return `${requirement.key}<${values}`;
				default:
					return `${requirement.key}${requirement.operator}${values}`;
			}
		})
		.join(',');
}
