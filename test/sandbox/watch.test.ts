// Watches over HTTP: synthetic ADDED for a fresh watch, replay from a resourceVersion,
// selectors (leaving one is a DELETED), timeoutSeconds, bookmarks, legacy watch paths, and
// the connection cuts and restarts kpods must survive.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Sandbox} from '../../source/sandbox/index.js';
import {api, fastSandbox, openWatch, podManifest, waitFor, type WatchLine} from './helpers.js';

const names = (events: WatchLine[]): string[] => events.map(event => `${event.type} ${event.object.metadata.name}`);

describe('watch', () => {
	let sandbox: Sandbox;
	before(async () => {
		// Pods here stay Pending (an unknown scheduler) so only this test's writes show up.
		sandbox = await fastSandbox();
		await api(sandbox, '/api/v1/namespaces', {method: 'POST', body: {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'w'}}});
	});
	after(async () => sandbox.close());

	const quietPod = (name: string, labels: Record<string, string> = {}): Record<string, unknown> => {
		const pod = podManifest(name, {labels}) as any;
		pod.spec.schedulerName = 'nobody';
		return pod;
	};

	test('from a list resourceVersion: ADDED, MODIFIED, DELETED in order, each object with its revision', async () => {
		const list = await api(sandbox, '/api/v1/namespaces/w/pods');
		const watch = await openWatch(sandbox, `/api/v1/namespaces/w/pods?watch=1&resourceVersion=${list.body.metadata.resourceVersion}`);
		assert.equal(watch.code, 200);
		const created = await api(sandbox, '/api/v1/namespaces/w/pods', {method: 'POST', body: quietPod('one')});
		const patched = await api(sandbox, '/api/v1/namespaces/w/pods/one', {
			method: 'PATCH',
			contentType: 'application/merge-patch+json',
			body: {metadata: {labels: {x: 'y'}}},
		});
		const deleted = await api(sandbox, '/api/v1/namespaces/w/pods/one?gracePeriodSeconds=0', {method: 'DELETE'});
		assert.equal(deleted.code, 200);
		const events = await watch.until(seen => seen.length >= 4);
		watch.close();
		// A deletion with grace 0 is written first (MODIFIED, deletionGracePeriodSeconds 0), then the pod goes, as on a real server.
		assert.deepEqual(names(events), ['ADDED one', 'MODIFIED one', 'MODIFIED one', 'DELETED one']);
		assert.equal(events[0]!.object.kind, 'Pod');
		assert.equal(events[0]!.object.metadata.resourceVersion, created.body.metadata.resourceVersion);
		assert.equal(events[1]!.object.metadata.resourceVersion, patched.body.metadata.resourceVersion);
		assert.equal(events[2]!.object.metadata.deletionGracePeriodSeconds, 0);
		assert.ok(Number(events[3]!.object.metadata.resourceVersion) > Number(events[2]!.object.metadata.resourceVersion));
	});

	test('without a resourceVersion: the current objects first as ADDED; resume later from a kept revision', async () => {
		await api(sandbox, '/api/v1/namespaces/w/pods', {method: 'POST', body: quietPod('two')});
		const first = await openWatch(sandbox, '/api/v1/namespaces/w/pods?watch=true');
		const initial = await first.until(seen => seen.length >= 1);
		first.close();
		assert.deepEqual(names(initial), ['ADDED two']);
		const resumeFrom = initial[0]!.object.metadata.resourceVersion as string;
		await api(sandbox, '/api/v1/namespaces/w/pods', {method: 'POST', body: quietPod('three')});
		await api(sandbox, '/api/v1/namespaces/w/pods/two?gracePeriodSeconds=0', {method: 'DELETE'});
		const resumed = await openWatch(sandbox, `/api/v1/namespaces/w/pods?watch=true&resourceVersion=${resumeFrom}`);
		const replayed = await resumed.until(seen => seen.length >= 3);
		resumed.close();
		assert.deepEqual(names(replayed), ['ADDED three', 'MODIFIED two', 'DELETED two']);
	});

	test('selectors apply to watches: entering is ADDED, leaving is DELETED', async () => {
		const list = await api(sandbox, '/api/v1/namespaces/w/pods');
		const watch = await openWatch(
			sandbox,
			`/api/v1/namespaces/w/pods?watch=1&labelSelector=app%3Dweb&resourceVersion=${list.body.metadata.resourceVersion}`,
		);
		await api(sandbox, '/api/v1/namespaces/w/pods', {method: 'POST', body: quietPod('other', {app: 'db'})});
		await api(sandbox, '/api/v1/namespaces/w/pods', {method: 'POST', body: quietPod('web', {app: 'web'})});
		await api(sandbox, '/api/v1/namespaces/w/pods/other', {
			method: 'PATCH',
			contentType: 'application/merge-patch+json',
			body: {metadata: {labels: {app: 'web'}}},
		});
		await api(sandbox, '/api/v1/namespaces/w/pods/web', {
			method: 'PATCH',
			contentType: 'application/merge-patch+json',
			body: {metadata: {labels: {app: 'gone'}}},
		});
		const events = await watch.until(seen => seen.length >= 3);
		watch.close();
		assert.deepEqual(names(events), ['ADDED web', 'ADDED other', 'DELETED web']);
		// The watcher sees the object as it last matched.
		assert.equal(events[2]!.object.metadata.labels.app, 'web');
	});

	test('field selectors and the legacy /watch/ path for one object', async () => {
		const watch = await openWatch(sandbox, '/api/v1/watch/namespaces/w/pods/three');
		await watch.until(seen => seen.length >= 1);
		await api(sandbox, '/api/v1/namespaces/w/pods/web', {
			method: 'PATCH',
			contentType: 'application/merge-patch+json',
			body: {metadata: {labels: {touched: 'yes'}}},
		});
		await api(sandbox, '/api/v1/namespaces/w/pods/three', {
			method: 'PATCH',
			contentType: 'application/merge-patch+json',
			body: {metadata: {labels: {touched: 'yes'}}},
		});
		const events = await watch.until(seen => seen.length >= 2);
		watch.close();
		assert.deepEqual(names(events), ['ADDED three', 'MODIFIED three']);
	});

	test('timeoutSeconds ends the stream', async () => {
		const started = Date.now();
		const watch = await openWatch(sandbox, '/api/v1/namespaces/w/pods?watch=1&timeoutSeconds=1');
		await watch.ended;
		const elapsed = Date.now() - started;
		assert.ok(elapsed >= 900 && elapsed < 3000, `ended after ${elapsed} ms`);
	});

	test('allowWatchBookmarks sends BOOKMARK events with the current revision', async () => {
		const list = await api(sandbox, '/api/v1/namespaces/w/pods');
		const watch = await openWatch(
			sandbox,
			`/api/v1/namespaces/w/pods?watch=1&allowWatchBookmarks=true&resourceVersion=${list.body.metadata.resourceVersion}`,
		);
		const events = await watch.until(seen => seen.some(event => event.type === 'BOOKMARK'));
		watch.close();
		const bookmark = events.find(event => event.type === 'BOOKMARK')!;
		assert.deepEqual(Object.keys(bookmark.object), ['kind', 'apiVersion', 'metadata']);
		assert.equal(bookmark.object.kind, 'Pod');
		assert.ok(Number(bookmark.object.metadata.resourceVersion) >= Number(list.body.metadata.resourceVersion));
	});

	test('dropConnections ends open watches; suspend and resume keep the data and the revision counter', async () => {
		const watch = await openWatch(sandbox, '/api/v1/namespaces/w/pods?watch=1');
		await watch.until(seen => seen.length >= 1);
		assert.equal(sandbox.watchCount('pods'), 1);
		sandbox.dropConnections();
		await watch.ended;
		await waitFor(() => assert.equal(sandbox.watchCount(), 0));
		const before = await api(sandbox, '/api/v1/namespaces/w/pods');
		await sandbox.suspend();
		await assert.rejects(fetch(`${sandbox.url}/api/v1/namespaces/w/pods`, {headers: {authorization: `Bearer ${sandbox.token}`}}));
		sandbox.objects.create('pods', {
			metadata: {name: 'while-down', namespace: 'w'},
			spec: {schedulerName: 'nobody', containers: [{name: 'main', image: 'nginx'}]},
		});
		await sandbox.resume();
		const after = await api(sandbox, '/api/v1/namespaces/w/pods');
		assert.ok(Number(after.body.metadata.resourceVersion) > Number(before.body.metadata.resourceVersion));
		assert.ok(after.body.items.some((pod: {metadata: {name: string}}) => pod.metadata.name === 'while-down'));
		const resumed = await openWatch(sandbox, `/api/v1/namespaces/w/pods?watch=1&resourceVersion=${before.body.metadata.resourceVersion}`);
		const events = await resumed.until(seen => seen.length >= 1);
		resumed.close();
		assert.deepEqual(names(events), ['ADDED while-down']);
	});
});
