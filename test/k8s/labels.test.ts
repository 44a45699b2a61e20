import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {formatLabels, formatSelector, matchesSelector, parseSelector, selectorFromSet, type Requirement} from '../../source/k8s/labels.js';

const keyNameMessage =
	"name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const valueMessage =
	"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const requirement = (key: string, operator: Requirement['operator'], ...values: string[]): Requirement => ({key, operator, values});

describe('formatLabels', () => {
	test('sorted k=v joined by commas, <none> when empty', () => {
		assert.equal(
			formatLabels({run: 'hello', app: 'web', 'app.kubernetes.io/name': 'shop'}),
			'app=web,app.kubernetes.io/name=shop,run=hello',
		);
		assert.equal(formatLabels({'empty-value': ''}), 'empty-value=');
		assert.equal(formatLabels({}), '<none>');
		assert.equal(formatLabels(undefined), '<none>');
	});
});

describe('parseSelector: valid selectors', () => {
	for (const [text, expected] of [
		['', []],
		['app', [requirement('app', 'exists')]],
		['!app', [requirement('app', '!')]],
		['app=web', [requirement('app', '=', 'web')]],
		['app==web', [requirement('app', '=', 'web')]],
		['app!=web', [requirement('app', '!=', 'web')]],
		['app=', [requirement('app', '=', '')]],
		['tier in (web,db)', [requirement('tier', 'in', 'db', 'web')]],
		['tier in (db,web,db)', [requirement('tier', 'in', 'db', 'web')]],
		['tier notin (cache)', [requirement('tier', 'notin', 'cache')]],
		['tier in ()', [requirement('tier', 'in', '')]],
		['tier in (,a)', [requirement('tier', 'in', '', 'a')]],
		['tier in (a,)', [requirement('tier', 'in', '', 'a')]],
		['tier in (a,,b)', [requirement('tier', 'in', '', 'a', 'b')]],
		['replicas>2', [requirement('replicas', 'gt', '2')]],
		['replicas<10', [requirement('replicas', 'lt', '10')]],
		[
			'a=b,c!=d,e in (x,y),!f,g',
			[
				requirement('a', '=', 'b'),
				requirement('c', '!=', 'd'),
				requirement('e', 'in', 'x', 'y'),
				requirement('f', '!'),
				requirement('g', 'exists'),
			],
		],
		['zeta=1,alpha=2', [requirement('alpha', '=', '2'), requirement('zeta', '=', '1')]],
		['  app = web ,\ttier  notin(cache) ', [requirement('app', '=', 'web'), requirement('tier', 'notin', 'cache')]],
		['app.kubernetes.io/name=web', [requirement('app.kubernetes.io/name', '=', 'web')]],
		['x in (in,notin)', [requirement('x', 'in', 'in', 'notin')]],
		['in=notin', [requirement('in', '=', 'notin')]],
		['app=a,app=b', [requirement('app', '=', 'a'), requirement('app', '=', 'b')]],
	] as const) {
		test(JSON.stringify(text), () => {
			assert.deepEqual(parseSelector(text), {ok: true, requirements: expected});
		});
	}
});

describe('parseSelector: errors with the server texts', () => {
	for (const [text, error] of [
		['a_', `unable to parse requirement: <nil>: Invalid value: "a_": ${keyNameMessage}`],
		[
			'Example.com/x=1',
			"unable to parse requirement: <nil>: Invalid value: \"Example.com/x\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
		],
		['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
		['a=b c', "found 'c', expected: ',' or 'end of string'"],
		['a=b=c', "found '=', expected: ',' or 'end of string'"],
		['!a=b', "found '=', expected: ',' or 'end of string'"],
		['a=b,', "found '', expected: identifier after ','"],
		['a=b,,c', "found ',', expected: identifier after ','"],
		['=b', "found '=', expected: !, identifier, or 'end of string'"],
		['(a)', "found '(', expected: !, identifier, or 'end of string'"],
		['!', "unable to parse requirement: found '', expected: identifier"],
		['!!a', "unable to parse requirement: found '!', expected: identifier"],
		['a in b', "unable to parse requirement: found 'b' expected: '('"],
		['a in', "unable to parse requirement: found '' expected: '('"],
		['a in (b', "unable to parse requirement: found '', expected: ',' or ')'"],
		['a in (b c)', "unable to parse requirement: found 'c', expected: ',' or ')'"],
		['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
		['a notin (,', "unable to parse requirement: found '', expected: ',', or identifier"],
		['a in (b,,)', "unable to parse requirement: found ')', expected: ',', or identifier"],
		['a=(b)', "unable to parse requirement: found '(', expected: identifier"],
		['a<=1', "unable to parse requirement: found '=', expected: identifier"],
		['a=-x', `unable to parse requirement: values[0][a]: Invalid value: "-x": ${valueMessage}`],
		['a=bad value', "found 'value', expected: ',' or 'end of string'"],
		[
			`a=${'v'.repeat(64)}`,
			`unable to parse requirement: values[0][a]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`,
		],
		['x>abc', "unable to parse requirement: values[0]: Invalid value: \"abc\": for 'Gt', 'Lt' operators, the value must be an integer"],
		['x>-1', `unable to parse requirement: values[0][x]: Invalid value: "-1": ${valueMessage}`],
		[
			'x in (a_, -b)',
			`unable to parse requirement: [values[0][x]: Invalid value: "-b": ${valueMessage}, values[1][x]: Invalid value: "a_": ${valueMessage}]`,
		],
	] as const) {
		test(JSON.stringify(text), () => {
			assert.deepEqual(parseSelector(text), {ok: false, error});
		});
	}
});

describe('matchesSelector', () => {
	const labels = {app: 'web', tier: 'frontend', version: '3'};
	for (const [text, expected] of [
		['', true],
		['app=web', true],
		['app=db', false],
		['app==web', true],
		['app!=db', true],
		['app!=web', false],
		['missing!=x', true],
		['missing=', false],
		['app in (web,db)', true],
		['app in (db)', false],
		['app notin (web)', false],
		['missing notin (x)', true],
		['app', true],
		['missing', false],
		['!app', false],
		['!missing', true],
		['version>2', true],
		['version>3', false],
		['version<4', true],
		['version<3', false],
		['tier>1', false],
		['missing>1', false],
		['app=web,tier=frontend', true],
		['app=web,tier=backend', false],
	] as const) {
		test(`${JSON.stringify(text)} → ${expected}`, () => {
			const parsed = parseSelector(text);
			assert.ok(parsed.ok);
			assert.equal(matchesSelector(parsed.requirements, labels), expected);
		});
	}

	test('labels may be absent', () => {
		assert.equal(matchesSelector([requirement('app', '!')], undefined), true);
		assert.equal(matchesSelector([requirement('app', 'exists')], undefined), false);
		assert.equal(matchesSelector([], undefined), true);
	});

	test('Gt/Lt compare as 64-bit integers, beyond double precision', () => {
		const big = {n: '9007199254740993'};
		assert.equal(matchesSelector([requirement('n', 'gt', '9007199254740992')], big), true);
		assert.equal(matchesSelector([requirement('n', 'gt', '9223372036854775808')], big), false);
		assert.equal(matchesSelector([requirement('n', 'gt', '1', '2')], big), false);
	});

	test('a label key inherited from Object.prototype is not a label', () => {
		assert.equal(matchesSelector([requirement('constructor', 'exists')], {}), false);
	});
});

describe('selectorFromSet and formatSelector', () => {
	test("a Service's spec.selector becomes sorted key=value requirements", () => {
		const requirements = selectorFromSet({tier: 'frontend', app: 'web'});
		assert.deepEqual(requirements, [requirement('app', '=', 'web'), requirement('tier', '=', 'frontend')]);
		assert.equal(matchesSelector(requirements, {app: 'web', tier: 'frontend', extra: 'x'}), true);
		assert.equal(matchesSelector(requirements, {app: 'web'}), false);
		assert.deepEqual(selectorFromSet(undefined), []);
		assert.deepEqual(selectorFromSet({}), []);
	});

	test('formatSelector writes what labels.Selector.String() writes', () => {
		const parsed = parseSelector('e=x,b notin (z,y),a,!c,d>5,f<7,g!=h');
		assert.ok(parsed.ok);
		assert.equal(formatSelector(parsed.requirements), 'a,b notin (y,z),!c,d>5,e=x,f<7,g!=h');
		assert.equal(formatSelector(selectorFromSet({app: 'web', tier: 'frontend'})), 'app=web,tier=frontend');
		assert.equal(formatSelector([]), '');
	});
});
