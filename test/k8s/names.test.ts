import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
	fieldInvalid,
	goQuote,
	isDns1035Label,
	isDns1123Label,
	isDns1123Subdomain,
	isQualifiedName,
	isValidLabelValue,
	regexError,
} from '../../source/k8s/names.js';
import type {Status} from '../../source/k8s/types.js';
import {loadReference} from '../fixtures/fixtures.js';

// The server's texts, written out in full rather than rebuilt from the module's pieces.
const subdomainMessage =
	"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const labelMessage =
	"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const dns1035Message =
	"a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const keyNameMessage =
	"name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const valueMessage =
	"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('the 422 of reference/api-responses/422-invalid-name.txt', () => {
	test('message and cause are rebuilt exactly', () => {
		const status = loadReference<Status>('422-invalid-name');
		const messages = isDns1123Subdomain('bad_name');
		assert.deepEqual(messages, [subdomainMessage]);
		const cause = fieldInvalid('metadata.name', 'bad_name', messages[0]!);
		assert.equal(`Pod "bad_name" is invalid: ${cause}`, status.message);
		assert.equal(cause.slice('metadata.name: '.length), status.details!.causes![0]!.message);
	});
});

describe('isDns1123Subdomain (pod and most object names)', () => {
	for (const valid of ['a', 'hello-pod', 'web.v2', '0abc', 'a'.repeat(253), `${'a'.repeat(63)}.${'b'.repeat(63)}`]) {
		test(`valid: ${valid.length > 20 ? `${valid.length} chars` : valid}`, () => assert.deepEqual(isDns1123Subdomain(valid), []));
	}
	for (const [value, expected] of [
		['bad_name', [subdomainMessage]],
		['Hello', [subdomainMessage]],
		['-start', [subdomainMessage]],
		['end-', [subdomainMessage]],
		['a..b', [subdomainMessage]],
		['', [subdomainMessage]],
		['a'.repeat(254), ['must be no more than 253 characters']],
		['A'.repeat(254), ['must be no more than 253 characters', subdomainMessage]],
	] as const) {
		test(`invalid: ${value.length > 20 ? `${value.length} chars` : JSON.stringify(value)}`, () =>
			assert.deepEqual(isDns1123Subdomain(value), expected));
	}
});

describe('isDns1123Label (namespace names)', () => {
	test('valid', () => {
		for (const value of ['default', 'kube-system', '123', 'a'.repeat(63)]) {
			assert.deepEqual(isDns1123Label(value), []);
		}
	});
	test('dots are called out when the rest is a valid subdomain', () => {
		assert.deepEqual(isDns1123Label('my.namespace'), ['must not contain dots']);
	});
	test('other invalid names', () => {
		assert.deepEqual(isDns1123Label('My_Namespace'), [labelMessage]);
		assert.deepEqual(isDns1123Label('a'.repeat(64)), ['must be no more than 63 characters']);
		assert.deepEqual(isDns1123Label(`-${'a'.repeat(63)}`), ['must be no more than 63 characters', labelMessage]);
	});
});

describe('isDns1035Label (service names)', () => {
	test('valid', () => {
		for (const value of ['hello-svc', 'a', 'abc-123', 'a'.repeat(63)]) {
			assert.deepEqual(isDns1035Label(value), []);
		}
	});
	test('must start with a letter', () => {
		assert.deepEqual(isDns1035Label('1web'), [dns1035Message]);
		assert.deepEqual(isDns1035Label('web.v2'), [dns1035Message]);
		assert.deepEqual(isDns1035Label('a'.repeat(64)), ['must be no more than 63 characters']);
	});
});

describe('isQualifiedName (label keys)', () => {
	test('valid', () => {
		for (const value of ['app', 'App_1.x', 'app.kubernetes.io/name', 'example.com/MyName', 'a'.repeat(63)]) {
			assert.deepEqual(isQualifiedName(value), []);
		}
	});
	for (const [value, expected] of [
		['a_', [keyNameMessage]],
		['', ['name part must be non-empty', keyNameMessage]],
		['/name', ['prefix part must be non-empty']],
		['Example.com/name', [`prefix part ${subdomainMessage}`]],
		['example.com/', ['name part must be non-empty', keyNameMessage]],
		['a'.repeat(64), ['name part must be no more than 63 characters']],
		[
			'a/b/c',
			[
				"a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
			],
		],
	] as const) {
		test(`invalid: ${JSON.stringify(value.length > 20 ? `${value.length} chars` : value)}`, () =>
			assert.deepEqual(isQualifiedName(value), expected));
	}
});

describe('isValidLabelValue', () => {
	test('valid, including the empty value', () => {
		for (const value of ['', 'web', 'MyValue', 'my_value', '12345', 'a.b-c_d', 'a'.repeat(63)]) {
			assert.deepEqual(isValidLabelValue(value), []);
		}
	});
	test('invalid', () => {
		assert.deepEqual(isValidLabelValue('-x'), [valueMessage]);
		assert.deepEqual(isValidLabelValue('a b'), [valueMessage]);
		assert.deepEqual(isValidLabelValue('a'.repeat(64)), ['must be no more than 63 characters']);
		// Length is measured in UTF-8 bytes, as Go's len() does.
		assert.deepEqual(isValidLabelValue('é'.repeat(32)), ['must be no more than 63 characters', valueMessage]);
	});
});

describe('message helpers', () => {
	test('regexError without examples', () => {
		assert.equal(regexError('must be a number', '[0-9]+'), "must be a number (regex used for validation is '[0-9]+')");
	});

	test('goQuote quotes like Go %q', () => {
		assert.equal(goQuote('bad_name'), '"bad_name"');
		assert.equal(goQuote('say "hi"\\'), '"say \\"hi\\"\\\\"');
		assert.equal(goQuote('tab\there\nnl'), '"tab\\there\\nnl"');
		assert.equal(goQuote('\u0000\u007f\u001b'), '"\\x00\\x7f\\x1b"');
		assert.equal(goQuote('café ✓'), '"café ✓"');
		assert.equal(goQuote('nb\u00a0sp'), '"nb\\u00a0sp"');
	});

	test('fieldInvalid prints numbers bare and strings quoted', () => {
		assert.equal(
			fieldInvalid('spec.ports[0].nodePort', 80, 'provided port is not in the valid range. The range of valid ports is 30000-32767'),
			'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
		);
		assert.equal(fieldInvalid('metadata.name', 'x', ''), 'metadata.name: Invalid value: "x"');
	});
});
