import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {displayPathFor, parseManifest} from '../../source/manifests/parse.js';

const cwd = '/home/learner/tutorial';

describe('parseManifest', () => {
	test('one document: the object, its kind, name and the line it starts on', () => {
		const file = parseManifest('# a comment\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n', 'web.yaml', cwd);
		assert.equal(file.path, '/home/learner/tutorial/web.yaml');
		assert.equal(file.displayPath, 'web.yaml');
		assert.equal(file.parseError, undefined);
		assert.deepEqual(file.documents, [
			{
				index: 0,
				line: 2,
				apiVersion: 'v1',
				kind: 'Pod',
				name: 'web',
				object: {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web'}},
			},
		]);
	});

	test('multi-document file: each document with its own index, line and namespace', () => {
		const text = [
			'apiVersion: v1',
			'kind: Namespace',
			'metadata:',
			'  name: demo',
			'---',
			'apiVersion: v1',
			'kind: Service',
			'metadata:',
			'  name: web',
			'  namespace: demo',
			'spec:',
			'  ports: [{port: 80}]',
			'---',
			'apiVersion: v1',
			'kind: Pod',
			'metadata: {name: web, namespace: demo}',
		].join('\n');
		const file = parseManifest(text, 'all.yaml', cwd);
		assert.deepEqual(
			file.documents.map(({index, line, kind, name, namespace, error}) => ({index, line, kind, name, namespace, error})),
			[
				{index: 0, line: 1, kind: 'Namespace', name: 'demo', namespace: undefined, error: undefined},
				{index: 1, line: 6, kind: 'Service', name: 'web', namespace: 'demo', error: undefined},
				{index: 2, line: 14, kind: 'Pod', name: 'web', namespace: 'demo', error: undefined},
			],
		);
		assert.deepEqual(file.documents[1]!.object!.spec, {ports: [{port: 80}]});
	});

	test('empty documents (--- alone, comments only) are skipped, not errors, and do not count in index', () => {
		const text =
			'---\n# just a comment\n---\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\n\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n---\n';
		const file = parseManifest(text, 'x.yaml', cwd);
		assert.equal(file.parseError, undefined);
		assert.deepEqual(
			file.documents.map(d => [d.index, d.line, d.name]),
			[
				[0, 5, 'a'],
				[1, 12, 'b'],
			],
		);
	});

	test('a file of only comments, or empty, has no documents and no error', () => {
		assert.deepEqual(parseManifest('# nothing here\n', 'x.yaml', cwd).documents, []);
		assert.deepEqual(parseManifest('', 'x.yaml', cwd).documents, []);
		assert.equal(parseManifest('', 'x.yaml', cwd).parseError, undefined);
	});

	test('bad YAML: one line with the reason and its line, and no documents at all', () => {
		const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: {}\n';
		const file = parseManifest(text, 'bad.yaml', cwd);
		assert.equal(file.parseError, 'line 10: bad indentation of a mapping entry');
		assert.deepEqual(file.documents, [], 'a good first document must not be applied either');
	});

	test('bad YAML: an unclosed flow mapping', () => {
		const file = parseManifest('apiVersion: v1\nkind: Pod\nmetadata: {name: x\n', 'bad.yaml', cwd);
		assert.match(file.parseError!, /^line \d+: /);
		assert.doesNotMatch(file.parseError!, /\n/);
		assert.deepEqual(file.documents, []);
	});

	test('missing kind, apiVersion, metadata.name: reported per document, the others stay usable', () => {
		const text = [
			'apiVersion: v1',
			'metadata:',
			'  name: nokind',
			'---',
			'kind: Pod',
			'metadata:',
			'  name: noversion',
			'---',
			'apiVersion: v1',
			'kind: Pod',
			'metadata:',
			'  labels: {app: x}',
			'---',
			'apiVersion: v1',
			'kind: Pod',
			'---',
			'kind: Pod',
			'metadata: {}',
			'---',
			'apiVersion: v1',
			'kind: Pod',
			'metadata: [a]',
			'---',
			'apiVersion: v1',
			'kind: Service',
			'metadata:',
			'  name: fine',
		].join('\n');
		const file = parseManifest(text, 'mixed.yaml', cwd);
		assert.deepEqual(
			file.documents.map(d => [d.index, d.line, d.error, d.object !== undefined]),
			[
				[0, 1, 'kind not set', false],
				[1, 5, 'apiVersion not set', false],
				[2, 9, 'metadata.name not set', false],
				[3, 14, 'metadata.name not set', false],
				[4, 17, '[apiVersion not set, metadata.name not set]', false],
				[5, 20, 'metadata is not a mapping', false],
				[6, 24, undefined, true],
			],
		);
		assert.equal(file.documents[0]!.name, 'nokind');
		assert.equal(file.documents[1]!.kind, 'Pod');
	});

	test('a document that is a list or a scalar is not a mapping', () => {
		const file = parseManifest('- apiVersion: v1\n  kind: Pod\n---\njust text\n---\n42\n', 'list.yaml', cwd);
		assert.deepEqual(
			file.documents.map(d => [d.index, d.line, d.error]),
			[
				[0, 1, 'document is not a mapping (found a list)'],
				[1, 4, 'document is not a mapping (found a string)'],
				[2, 6, 'document is not a mapping (found a number)'],
			],
		);
	});

	test('a JSON manifest parses too', () => {
		const file = parseManifest('{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j"}}', 'pod.json', cwd);
		assert.deepEqual(
			file.documents.map(d => [d.kind, d.name, d.error]),
			[['Pod', 'j', undefined]],
		);
	});

	test('unquoted dates stay strings and merge keys merge, as the API server reads YAML', () => {
		const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: d\n  annotations: &a\n    when: 2024-01-02\n  labels:\n    <<: *a\n';
		const object = parseManifest(text, 'd.yaml', cwd).documents[0]!.object!;
		assert.deepEqual(object.metadata.annotations, {when: '2024-01-02'});
		assert.deepEqual(object.metadata.labels, {when: '2024-01-02'});
	});
});

describe('displayPathFor', () => {
	test('inside the cwd: relative, as a learner types it', () => {
		assert.equal(displayPathFor('/home/learner/tutorial/manifests/svc-pod.yaml', cwd), 'manifests/svc-pod.yaml');
		assert.equal(displayPathFor('manifests/../pod-1.yaml', cwd), 'pod-1.yaml');
	});

	test('outside the cwd: absolute', () => {
		assert.equal(displayPathFor('/etc/kpods/pod.yaml', cwd), '/etc/kpods/pod.yaml');
		assert.equal(displayPathFor('../other/pod.yaml', cwd), '/home/learner/other/pod.yaml');
		assert.equal(displayPathFor('/home/learner/tutorial-2/pod.yaml', cwd), '/home/learner/tutorial-2/pod.yaml');
	});

	test('a directory whose name starts with two dots is still inside', () => {
		assert.equal(displayPathFor('/home/learner/tutorial/..hidden/pod.yaml', cwd), '..hidden/pod.yaml');
	});
});
