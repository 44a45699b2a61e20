// The bytes kubectl keeps in its annotation, and the field paths the preview names, table-driven.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {changedFields} from '../../source/actions/field-changes.js';
import {goJson, goValueString} from '../../source/actions/go-json.js';
import {lastAppliedKey, lastAppliedOf, withLastApplied} from '../../source/actions/last-applied.js';

describe("goJson: Go's encoding/json of an unstructured object", () => {
	const cases: Array<[string, unknown, string]> = [
		['keys sorted at every level', {b: 1, a: {d: [{z: 1, y: 2}], c: true}}, '{"a":{"c":true,"d":[{"y":2,"z":1}]},"b":1}'],
		['HTML characters escaped as Go does', {cmd: 'a<b && c>d'}, '{"cmd":"a\\u003cb \\u0026\\u0026 c\\u003ed"}'],
		['line and paragraph separators escaped', {text: 'a\u2028b\u2029'}, '{"text":"a\\u2028b\\u2029"}'],
		['control characters as Go 1.22+ writes them', {text: 'tab\there\nnew\u0001'}, '{"text":"tab\\there\\nnew\\u0001"}'],
		['null kept, upper case before lower case', {b: null, B: 1}, '{"B":1,"b":null}'],
	];
	for (const [name, value, json] of cases) {
		test(name, () => assert.equal(goJson(value), json));
	}
});

describe('goValueString: fmt %v of a decoded scalar', () => {
	const cases: Array<[unknown, string]> = [
		[80, '80'],
		[999999, '999999'],
		[1000000, '1e+06'],
		[1234567, '1.234567e+06'],
		[0.5, '0.5'],
		[0.00001, '1e-05'],
		['http', 'http'],
		[true, 'true'],
	];
	for (const [value, text] of cases) {
		test(`${String(value)} → ${text}`, () => assert.equal(goValueString(value), text));
	}
});

describe('withLastApplied', () => {
	test('no annotations in the file: "annotations":{} in the text, the text kept in the object', () => {
		const {modified, lastApplied} = withLastApplied({
			apiVersion: 'v1',
			kind: 'Service',
			metadata: {name: 's', namespace: 'default'},
			spec: {ports: [{port: 4050, targetPort: 80}]},
		});
		assert.equal(
			lastApplied,
			'{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"s","namespace":"default"},"spec":{"ports":[{"port":4050,"targetPort":80}]}}\n',
		);
		assert.deepEqual((modified['metadata'] as {annotations: unknown}).annotations, {[lastAppliedKey]: lastApplied});
		assert.deepEqual(lastAppliedOf(modified), JSON.parse(lastApplied));
	});

	test("the file's own annotations kept; a last-applied written in the file is not nested in itself", () => {
		const {lastApplied} = withLastApplied({
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name: 'p', annotations: {note: 'x', [lastAppliedKey]: 'stale'}},
		});
		assert.equal(lastApplied, '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{"note":"x"},"name":"p"}}\n');
	});

	test('lastAppliedOf: absent or not JSON is none', () => {
		assert.equal(lastAppliedOf({metadata: {name: 'p'}}), undefined);
		assert.equal(lastAppliedOf({metadata: {annotations: {[lastAppliedKey]: '{not json'}}}), undefined);
	});
});

describe('changedFields', () => {
	const base = {
		metadata: {name: 'p', resourceVersion: '7', labels: {app: 'a'}, annotations: {[lastAppliedKey]: 'old'}},
		spec: {containers: [{name: 'c', image: 'nginx'}]},
		status: {phase: 'Pending'},
	};
	const cases: Array<[string, object, string[]]> = [
		['an image', {...base, spec: {containers: [{name: 'c', image: 'nginx:1.27'}]}}, ['spec.containers[0].image']],
		[
			'a label added and one removed, by key',
			{...base, metadata: {...base.metadata, labels: {tier: 't'}}},
			['metadata.labels.tier', 'metadata.labels.app'],
		],
		['a list item added', {...base, spec: {containers: [...base.spec.containers, {name: 'd', image: 'busybox'}]}}, ['spec.containers[1]']],
		[
			'bookkeeping and status are not changes',
			{...base, metadata: {...base.metadata, resourceVersion: '8', generation: 2}, status: {phase: 'Running'}},
			[],
		],
		[
			'only the annotation: named, as it is all that changes',
			{...base, metadata: {...base.metadata, annotations: {[lastAppliedKey]: 'new'}}},
			[`metadata.annotations["${lastAppliedKey}"]`],
		],
		[
			'the annotation beside a real change: left out',
			{...base, metadata: {...base.metadata, annotations: {[lastAppliedKey]: 'new'}, labels: {app: 'b'}}},
			['metadata.labels.app'],
		],
	];
	for (const [name, after, paths] of cases) {
		test(name, () => assert.deepEqual(changedFields(base as never, after as never), paths));
	}
});
