import assert from 'node:assert/strict';
import {readFileSync, writeFileSync} from 'node:fs';
import {after, before, describe, test} from 'node:test';
import {editFileText, editHeader, editObject, type RunEditor} from '../../source/actions/edit.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {startSandbox, type Sandbox} from '../../source/sandbox/index.js';

describe('kubectl edit on the sandbox, over HTTP', () => {
	let sandbox: Sandbox;
	let connection: Connection;
	const headers = () => ({authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json'});
	const getPod = async (name: string) =>
		(await fetch(`${sandbox.url}/api/v1/namespaces/default/pods/${name}`, {headers: headers()})).json() as Promise<{
			metadata: {labels?: Record<string, string>; resourceVersion: string};
		}>;
	const edit = async (name: string, runEditor: RunEditor) =>
		editObject(await connection.kubeConfig(), {kind: 'Pod', namespace: 'default', name}, runEditor, {contextNamespace: 'default'});
	/** An editor that changes the file with `change`, recording what it was shown each time. */
	const editor =
		(seen: string[], change: (text: string, round: number) => string): RunEditor =>
		async file => {
			const text = readFileSync(file, 'utf8');
			seen.push(text);
			writeFileSync(file, change(text, seen.length));
			return {ok: true};
		};

	before(async () => {
		sandbox = await startSandbox({timing: {scheduleMs: 5, pullMs: 10, startMs: 5, killMs: 20}});
		const selected = connectionFromText(sandbox.kubeconfig({}), {sandbox: true});
		connection = (selected as {connection: Connection}).connection;
		for (const name of ['a', 'b', 'c', 'd']) {
			const created = await fetch(`${sandbox.url}/api/v1/namespaces/default/pods`, {
				method: 'POST',
				headers: headers(),
				body: JSON.stringify({
					apiVersion: 'v1',
					kind: 'Pod',
					metadata: {name, labels: {app: 'web'}},
					spec: {containers: [{name: 'web', image: 'nginx'}]},
				}),
			});
			assert.equal(created.status, 201);
		}
	});
	after(async () => sandbox.close());

	test("a change is an update at the version read; the file starts with kubectl's header and has no managedFields", async () => {
		const seen: string[] = [];
		const result = await edit(
			'a',
			editor(seen, text => text.replace('app: web', 'app: shop')),
		);
		assert.deepEqual(result, {ok: true, lines: ['pod/a edited'], kubectl: 'kubectl edit pod a'});
		assert.ok(seen[0]!.startsWith(`${editHeader.join('\n')}\napiVersion: v1\n`));
		assert.doesNotMatch(seen[0]!, /managedFields/);
		assert.equal((await getPod('a')).metadata.labels?.['app'], 'shop');
	});

	test('no change: no request', async () => {
		const before = (await getPod('b')).metadata.resourceVersion;
		const result = await edit(
			'b',
			editor([], text => text),
		);
		assert.deepEqual(result.lines, ['Edit cancelled, no changes made.']);
		assert.equal((await getPod('b')).metadata.resourceVersion, before);
	});

	test('invalid YAML, then a rejected update: the editor reopens with the reasons at the top; fixed, it saves', async () => {
		const seen: string[] = [];
		const result = await edit(
			'c',
			editor(seen, (text, round) => {
				if (round === 1) {
					return text.replace('app: web', 'app: [web');
				}
				if (round === 2) {
					return text.replace('app: [web', 'app: "-bad-"');
				}
				return text.replace('app: "-bad-"', 'app: good');
			}),
		);
		assert.equal(seen.length, 3);
		assert.match(seen[1]!, /^# Please edit the object below[\s\S]*#\n# The edited file had a syntax error: [^\n]+\n#\napiVersion: v1\n/);
		assert.ok(seen[2]!.includes('# pods "c" was not valid:\n# * metadata.labels: Invalid value: "-bad-": '), seen[2]!.slice(0, 600));
		assert.deepEqual(result.lines, ['pod/c edited']);
		assert.equal((await getPod('c')).metadata.labels?.['app'], 'good');
	});

	test('changed meanwhile: a 409, said so, nothing overwritten', async () => {
		const result = await edit('d', async file => {
			await fetch(`${sandbox.url}/api/v1/namespaces/default/pods/d`, {
				method: 'PATCH',
				headers: {...headers(), 'content-type': 'application/merge-patch+json'},
				body: JSON.stringify({metadata: {labels: {other: 'writer'}}}),
			});
			writeFileSync(file, readFileSync(file, 'utf8').replace('app: web', 'app: mine'));
			return {ok: true};
		});
		assert.equal(result.ok, false);
		assert.equal(result.conflict, true);
		assert.match(result.lines[0]!, /^error: Operation cannot be fulfilled on pods "d": the object has been modified/);
		assert.equal((await getPod('d')).metadata.labels?.['app'], 'web');
	});

	test('the reasons go at the top as kubectl writes them', () => {
		assert.equal(
			editFileText('x: 1\n', ['pods "p" was not valid:', 'spec: bad']),
			`${editHeader.join('\n')}\n# pods "p" was not valid:\n# * spec: bad\n#\nx: 1\n`,
		);
	});
});
