import {describe, test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {tmpdir} from 'node:os';
import {build} from 'esbuild';
import {dirname, join} from 'node:path';
import {bundledManifestsDir, loadManifestDir, ManifestError} from '../../source/manifests/load.js';
import {describeDocument} from '../../source/manifests/order.js';

const repoRoot = dirname(bundledManifestsDir());

describe('the bundled tutorial manifests', () => {
	test('bundledManifestsDir is the package manifests/ directory', () => {
		const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {name: string};
		assert.equal(packageJson.name, 'kpods');
		assert.equal(bundledManifestsDir(), join(repoRoot, 'manifests'));
	});

	test('each file parses to the tutorial object, with the path a learner types', async () => {
		const files = await loadManifestDir(bundledManifestsDir(), repoRoot);
		assert.deepEqual(
			files.map(file => [file.displayPath, file.parseError, file.documents.map(describeDocument)]),
			[
				['manifests/o_primeiro_pod.yaml', undefined, ['Pod o-primeiro-pod']],
				['manifests/pod-1.yaml', undefined, ['Pod pod-1']],
				['manifests/pod-2.yaml', undefined, ['Pod pod-2']],
				['manifests/svc-pod.yaml', undefined, ['Service svc-pod']],
				['manifests/svc-pod2.yaml', undefined, ['Service svc-pod2']],
			],
		);
		const object = (name: string) => files.find(file => file.displayPath === `manifests/${name}`)!.documents[0]!.object;
		assert.deepEqual(object('o_primeiro_pod.yaml'), {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name: 'o-primeiro-pod'},
			spec: {containers: [{name: 'container-nginx', image: 'nginx'}]},
		});
		assert.deepEqual(object('pod-1.yaml'), {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name: 'pod-1', labels: {app: 'pod-label'}},
			spec: {containers: [{name: 'pod-1', image: 'nginx', ports: [{containerPort: 80}]}]},
		});
		assert.deepEqual(object('svc-pod.yaml'), {
			apiVersion: 'v1',
			kind: 'Service',
			metadata: {name: 'svc-pod'},
			spec: {type: 'ClusterIP', selector: {app: 'pod-label'}, ports: [{port: 4050, targetPort: 80}]},
		});
		assert.deepEqual(object('pod-2.yaml'), {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name: 'pod-2', labels: {app: 'pod-label2'}},
			spec: {containers: [{name: 'pod-2', image: 'sposigor/app-flask-teste:1', ports: [{containerPort: 5000}]}]},
		});
		assert.deepEqual(object('svc-pod2.yaml'), {
			apiVersion: 'v1',
			kind: 'Service',
			metadata: {name: 'svc-pod2'},
			spec: {type: 'NodePort', ports: [{port: 5000, nodePort: 30000}], selector: {app: 'pod-label2'}},
		});
	});

	test('found from an esbuild bundle too, as dist/cli.js will be', async () => {
		// Bundle a probe into a folder below the package, as dist/ is, and run it with plain node.
		const out = mkdtempSync(join(repoRoot, 'test', 'manifests', '.bundle-'));
		try {
			await build({
				stdin: {
					contents: `import {bundledManifestsDir} from './source/manifests/load.js'; console.log(bundledManifestsDir());`,
					resolveDir: repoRoot,
					loader: 'ts',
				},
				bundle: true,
				platform: 'node',
				format: 'esm',
				outfile: join(out, 'probe.mjs'),
				logLevel: 'silent',
			});
			const printed = execFileSync(process.execPath, [join(out, 'probe.mjs')], {encoding: 'utf8'});
			assert.equal(printed.trim(), join(repoRoot, 'manifests'));
		} finally {
			rmSync(out, {recursive: true, force: true});
		}
	});

	test('each file starts with a comment naming its tutorial step', async () => {
		for (const file of await loadManifestDir(bundledManifestsDir(), repoRoot)) {
			assert.match(file.text, /^# Tutorial "/, file.displayPath);
		}
	});
});

describe('loadManifestDir', () => {
	let dir: string;
	before(() => {
		dir = mkdtempSync(join(tmpdir(), 'kpods-manifests-'));
		writeFileSync(join(dir, 'b.yml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n');
		writeFileSync(join(dir, 'a.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n');
		writeFileSync(join(dir, 'c.json'), '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "c"}}');
		writeFileSync(join(dir, 'broken.yaml'), 'kind: Pod\n  bad: indent\n');
		writeFileSync(join(dir, 'notes.txt'), 'not a manifest');
		writeFileSync(join(dir, 'README.md'), '# no');
		mkdirSync(join(dir, 'nested.yaml'));
		mkdirSync(join(dir, 'sub'));
		writeFileSync(join(dir, 'sub', 'deep.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\n');
		symlinkSync(join(dir, 'sub', 'deep.yaml'), join(dir, 'linked.yaml'));
	});
	after(() => rmSync(dir, {recursive: true, force: true}));

	test('*.yaml, *.yml and *.json files only, sorted by name, not recursive; symlinks followed', async () => {
		const files = await loadManifestDir(dir, '/');
		assert.deepEqual(
			files.map(file => [file.displayPath, file.parseError ?? file.documents.map(d => d.name).join(',')]),
			[
				[join(dir, 'a.yaml').slice(1), 'a'],
				[join(dir, 'b.yml').slice(1), 'b'],
				[join(dir, 'broken.yaml').slice(1), 'line 2: bad indentation of a mapping entry'],
				[join(dir, 'c.json').slice(1), 'c'],
				[join(dir, 'linked.yaml').slice(1), 'deep'],
			],
		);
	});

	test('paths outside the cwd are shown absolute', async () => {
		const files = await loadManifestDir(dir, join(dir, 'sub'));
		assert.equal(files[0]!.displayPath, join(dir, 'a.yaml'));
		assert.equal(files[0]!.path, join(dir, 'a.yaml'));
	});

	test('a missing directory is a ManifestError with one line', async () => {
		await assert.rejects(loadManifestDir(join(dir, 'nope'), dir), (error: unknown) => {
			assert.ok(error instanceof ManifestError);
			assert.equal(error.message, 'cannot read manifests directory nope: ENOENT (no such file or directory)');
			return true;
		});
	});

	test('a file that is not a directory is a ManifestError too', async () => {
		await assert.rejects(loadManifestDir(join(dir, 'a.yaml'), dir), {
			name: 'ManifestError',
			message: 'cannot read manifests directory a.yaml: ENOTDIR (not a directory)',
		});
	});

	test('read at once (sync, as kpods reads its own before the first frame), a directory gives what the async read gives', async () => {
		const dangling = join(dir, 'sub', 'gone.yaml');
		symlinkSync(join(dir, 'sub', 'was-here.yaml'), dangling);
		try {
			for (const [directory, cwd] of [
				[dir, '/'],
				[join(dir, 'sub'), dir],
				[bundledManifestsDir(), repoRoot],
			] as const) {
				const read = await loadManifestDir(directory, cwd, {sync: true});
				assert.ok(read.length > 0, directory);
				assert.deepEqual(read, await loadManifestDir(directory, cwd));
			}
		} finally {
			rmSync(dangling);
		}
		for (const missing of [join(dir, 'nope'), join(dir, 'a.yaml')]) {
			const failure = await loadManifestDir(missing, dir).catch((error: unknown) => error);
			await assert.rejects(loadManifestDir(missing, dir, {sync: true}), failure as Error);
		}
	});

	test('a file that cannot be read gets a parseError instead of failing the whole directory', async () => {
		const dangling = join(dir, 'sub', 'gone.yaml');
		symlinkSync(join(dir, 'sub', 'was-here.yaml'), dangling);
		try {
			const files = await loadManifestDir(join(dir, 'sub'), dir);
			assert.deepEqual(
				files.map(f => [f.displayPath, f.parseError, f.documents.length]),
				[
					['sub/deep.yaml', undefined, 1],
					['sub/gone.yaml', 'cannot read file: ENOENT (no such file or directory)', 0],
				],
			);
		} finally {
			rmSync(dangling);
		}
	});
});
