import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {loadManifestDir, maxManifestBytes} from '../../source/manifests/load.js';
import {parseManifest} from '../../source/manifests/parse.js';

/** The billion laughs: nine levels of nine aliases, 9^9 (387 million) strings once expanded. */
function aliasBomb(): string {
	const lines = [
		'apiVersion: v1',
		'kind: ConfigMap',
		'metadata: {name: lol}',
		'data:',
		'  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
	];
	let previous = 'a';
	for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) {
		lines.push(`  ${name}: &${name} [${Array.from({length: 9}, () => `*${previous}`).join(',')}]`);
		previous = name;
	}

	return `${lines.join('\n')}\n`;
}

test('a YAML alias bomb is refused in well under a second, with bounded memory', () => {
	const before = process.memoryUsage().rss;
	const started = performance.now();
	const file = parseManifest(`${aliasBomb()}---\napiVersion: v1\nkind: Pod\nmetadata: {name: fine}\n`, '/m/bomb.yaml', '/m');
	const elapsed = performance.now() - started;
	assert.equal(file.parseError, 'line 1: document contains excessive aliasing (more than 1,000,000 values once aliases are expanded)');
	assert.deepEqual(file.documents, [], 'nothing in the file may be applied');
	assert.ok(elapsed < 1000, `took ${Math.round(elapsed)} ms`);
	assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'grew by more than 200 MB');
});

test('ordinary aliases still load', () => {
	const file = parseManifest(
		'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: &l {app: x}}\nspec:\n  containers: [{name: c, image: nginx}]\n  nodeSelector: *l\n',
		'/m/p.yaml',
		'/m',
	);
	assert.equal(file.parseError, undefined);
	assert.equal(file.documents.length, 1);
	assert.deepEqual(file.documents[0]!.object!.spec, {containers: [{name: 'c', image: 'nginx'}], nodeSelector: {app: 'x'}});
});

test('a manifest over 3 MiB is not read: one line says why', async () => {
	const directory = mkdtempSync(join(tmpdir(), 'kpods-big-'));
	try {
		writeFileSync(
			join(directory, 'big.yaml'),
			`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {x: "${'x'.repeat(maxManifestBytes)}"}\n`,
		);
		writeFileSync(join(directory, 'small.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: small}\n');
		const started = performance.now();
		const files = await loadManifestDir(directory, directory);
		assert.ok(performance.now() - started < 1000);
		assert.deepEqual(
			files.map(file => [file.displayPath, file.parseError, file.text.length]),
			[
				['big.yaml', "file is 3.0 MiB; kpods reads manifests up to 3 MiB (the API server's request limit)", 0],
				['small.yaml', undefined, 49],
			],
		);
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
});
