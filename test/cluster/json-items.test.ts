import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ItemSplitter} from '../../source/cluster/json-items.js';

/** Feeds a document in chunks of every size from 1 byte up; the result must not depend on where chunks split. */
function split(document: string, chunkSize: number) {
	const items: unknown[] = [];
	const splitter = new ItemSplitter(json => items.push(JSON.parse(json)));
	const bytes = Buffer.from(document);
	for (let start = 0; start < bytes.length; start += chunkSize) {
		splitter.push(bytes.subarray(start, start + chunkSize));
	}
	return {items, rest: splitter.end<Record<string, unknown>>()};
}

const list = {
	kind: 'PodList',
	apiVersion: 'v1',
	metadata: {resourceVersion: '200645', continue: ''},
	items: [
		{
			metadata: {name: 'a', annotations: {'x/"quoted"': 'brace } and ] in a string', items: '[{'}},
			spec: {containers: [{name: 'c', args: ['\\', '"}']}]},
		},
		{metadata: {name: 'ünïcødé-名前'}, status: {phase: 'Running', conditions: [{type: 'Ready', status: 'True'}]}},
		{metadata: {name: 'c'}, items: [{nested: [[], {}]}]},
	],
};

test('items come out whole and in order, whatever the chunking', () => {
	const document = JSON.stringify(list);
	for (const size of [1, 2, 3, 7, 64, 1000, document.length]) {
		const {items, rest} = split(document, size);
		assert.deepEqual(items, list.items, `chunks of ${size}`);
		assert.deepEqual(rest, {kind: 'PodList', apiVersion: 'v1', metadata: {resourceVersion: '200645', continue: ''}, items: []});
	}
});

test('pretty-printed documents, empty lists, and items before metadata', () => {
	assert.deepEqual(split(JSON.stringify(list, null, 2), 5).items, list.items);
	assert.deepEqual(split('{"kind":"PodList","metadata":{"resourceVersion":"7"},"items":[]}', 4), {
		items: [],
		rest: {kind: 'PodList', metadata: {resourceVersion: '7'}, items: []},
	});
	assert.deepEqual(split('{"items":[{"a":1}],"metadata":{"resourceVersion":"8"}}', 3), {
		items: [{a: 1}],
		rest: {items: [], metadata: {resourceVersion: '8'}},
	});
});

test('a document cut short is an error, not a short list', () => {
	const splitter = new ItemSplitter(() => undefined);
	splitter.push(Buffer.from('{"kind":"PodList","items":[{"metadata":{"name":"a"}},{"meta'));
	assert.throws(() => splitter.end(), /ended in the middle of the JSON document/);
});

test('backslashes and quotes at every chunk boundary', () => {
	const values = ['\\', '\\\\', '"', '\\"', '\\\\"', 'a\\', '}{][', '\\u0022', 'x\\\\\\"y'];
	const document = JSON.stringify({
		metadata: {},
		items: values.map((value, index) => ({metadata: {name: `p${index}`, annotations: {[value]: value}}})),
	});
	for (let size = 1; size <= 12; size++) {
		assert.deepEqual(
			split(document, size).items.map(item => (item as {metadata: {name: string}}).metadata.name),
			values.map((_, index) => `p${index}`),
			`chunks of ${size}`,
		);
	}
});

test('metadata.managedFields is cut out before parsing, wherever it stands in metadata', () => {
	const managedFields = [
		{
			manager: 'kubectl-run',
			operation: 'Update',
			fieldsV1: {'f:metadata': {'f:labels': {'.': {}, 'f:run': {}}}, 'f:spec': {'f:containers': {'k:{"name":"x"}': {}}}},
		},
	];
	const last = {metadata: {name: 'a', labels: {run: 'a'}, managedFields}, spec: {containers: [{name: 'x', args: ['"managedFields":[']}]}};
	const first = {metadata: {managedFields, name: 'b'}, status: {phase: 'Running'}};
	const only = {metadata: {managedFields}};
	const untouched = {metadata: {name: 'c'}, spec: {managedFields: ['not metadata: kept']}};
	for (const pretty of [false, true]) {
		const document = JSON.stringify(
			{kind: 'PodList', metadata: {resourceVersion: '1'}, items: [last, first, only, untouched]},
			null,
			pretty ? 2 : undefined,
		);
		for (const size of [1, 3, 17, 100_000]) {
			assert.deepEqual(
				split(document, size).items,
				[
					{metadata: {name: 'a', labels: {run: 'a'}}, spec: last.spec},
					{metadata: {name: 'b'}, status: {phase: 'Running'}},
					{metadata: {}},
					untouched,
				],
				`pretty ${pretty}, chunks of ${size}`,
			);
		}
	}
});
