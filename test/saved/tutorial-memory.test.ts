// The tutorial's memory file: where it lives (XDG), a round trip per cluster and namespace, the
// file written atomically and privately, and every kind of bad file read as empty, never a crash.
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {keptEntries, tutorialMemoryFile, tutorialMemoryKey, tutorialMemoryPath} from '../../source/saved/tutorial-memory.js';
import {emptyMemory} from '../../source/tutorial/checks.js';

const home = mkdtempSync(join(tmpdir(), 'kpods-state-test-'));
after(() => rmSync(home, {recursive: true, force: true}));
let files = 0;
/** A fresh memory file path under the temporary HOME. */
const fresh = () => join(home, `case-${files++}`, 'kpods', 'tutorial.json');

const someMemory = {read: true, testandoSeen: true, testandoRan: true, described: false};
const minikube = tutorialMemoryKey({context: 'minikube', server: 'https://192.168.49.2:8443', namespace: 'default'});

describe('where the tutorial memory lives', () => {
	const cases: Array<[string, NodeJS.ProcessEnv, string]> = [
		['XDG_STATE_HOME when set', {XDG_STATE_HOME: '/x/state'}, '/x/state/kpods/tutorial.json'],
		['~/.local/state without it', {}, '/home/ana/.local/state/kpods/tutorial.json'],
		['~/.local/state when it is empty', {XDG_STATE_HOME: ''}, '/home/ana/.local/state/kpods/tutorial.json'],
		['~/.local/state when it is relative (the XDG rule)', {XDG_STATE_HOME: 'state'}, '/home/ana/.local/state/kpods/tutorial.json'],
	];
	for (const [name, env, path] of cases) {
		test(name, () => assert.equal(tutorialMemoryPath(env, '/home/ana'), path));
	}

	test('one entry per context, server and namespace', () => {
		const keys = new Set([
			minikube,
			tutorialMemoryKey({context: 'minikube', server: 'https://192.168.49.2:8443', namespace: 'demo'}),
			tutorialMemoryKey({context: 'kind-dev', server: 'https://192.168.49.2:8443', namespace: 'default'}),
			tutorialMemoryKey({context: 'minikube', server: 'https://10.0.0.1:6443', namespace: 'default'}),
		]);
		assert.equal(keys.size, 4);
	});
});

describe('the tutorial memory file', () => {
	test('keeps each entry apart and reads back what was saved; nothing before that', () => {
		const path = fresh();
		const store = tutorialMemoryFile(path);
		assert.equal(store.load(minikube), undefined);
		store.save(minikube, someMemory);
		store.save('other', emptyMemory);
		const again = tutorialMemoryFile(path);
		assert.deepEqual(again.load(minikube), someMemory);
		assert.deepEqual(again.load('other'), emptyMemory);
		assert.equal(again.load('never saved'), undefined);
	});

	test('is private (0600 in a 0700 directory) and leaves no temporary file', () => {
		const path = fresh();
		tutorialMemoryFile(path).save(minikube, someMemory);
		assert.equal(statSync(path).mode & 0o777, 0o600);
		assert.equal(statSync(join(path, '..')).mode & 0o777, 0o700);
		assert.deepEqual(readdirSync(join(path, '..')), ['tutorial.json']);
	});

	test('keeps the newest entries only', () => {
		const path = fresh();
		let now = 0;
		const store = tutorialMemoryFile(path, () => ++now);
		for (let index = 0; index <= keptEntries; index++) {
			store.save(`sandbox ${index}`, someMemory);
		}
		assert.equal(store.load('sandbox 0'), undefined, 'the oldest went');
		assert.deepEqual(store.load(`sandbox ${keptEntries}`), someMemory);
		assert.equal(Object.keys(JSON.parse(readFileSync(path, 'utf8')).entries).length, keptEntries);
	});

	const bad: Array<[string, string]> = [
		['empty', ''],
		['not JSON', '{"version": 1, "entr'],
		['null', 'null'],
		['an array', '[1, 2]'],
		['another version', JSON.stringify({version: 2, entries: {[minikube]: {memory: someMemory, savedAt: 1}}})],
		[
			'a flag that is not a boolean',
			JSON.stringify({version: 1, entries: {[minikube]: {memory: {...someMemory, read: 'yes'}, savedAt: 1}}}),
		],
		['a flag missing', JSON.stringify({version: 1, entries: {[minikube]: {memory: {read: true}, savedAt: 1}}})],
		['no time', JSON.stringify({version: 1, entries: {[minikube]: {memory: someMemory}}})],
		['binary', '\u0000\u0001\u0002'],
	];
	for (const [name, text] of bad) {
		test(`a bad file (${name}) reads as empty, and the next save replaces it`, () => {
			const path = fresh();
			mkdirSync(join(path, '..'), {recursive: true});
			writeFileSync(path, text);
			const store = tutorialMemoryFile(path);
			assert.equal(store.load(minikube), undefined);
			store.save(minikube, someMemory);
			assert.deepEqual(store.load(minikube), someMemory);
		});
	}

	test('a good entry beside a bad one is kept, with only its own flags', () => {
		const path = fresh();
		mkdirSync(join(path, '..'), {recursive: true});
		writeFileSync(
			path,
			JSON.stringify({version: 1, entries: {good: {memory: {...someMemory, extra: 1}, savedAt: 1}, bad: {memory: 'x', savedAt: 2}}}),
		);
		assert.deepEqual(tutorialMemoryFile(path).load('good'), someMemory);
		assert.equal(tutorialMemoryFile(path).load('bad'), undefined);
	});

	test('a save where a file stands in for the directory throws nothing', () => {
		const blocker = join(home, 'not-a-directory');
		writeFileSync(blocker, 'x');
		const store = tutorialMemoryFile(join(blocker, 'kpods', 'tutorial.json'));
		store.save(minikube, someMemory);
		assert.equal(store.load(minikube), undefined);
	});

	test('a save whose temporary name is taken leaves the old file whole', () => {
		const path = fresh();
		const store = tutorialMemoryFile(path);
		store.save(minikube, someMemory);
		mkdirSync(`${path}.${process.pid}.tmp`);
		store.save(minikube, emptyMemory);
		assert.deepEqual(store.load(minikube), someMemory);
	});
});
