// The bundle's meow takes its parsers from scripts/meow-dependencies.js (the same packages at the
// same versions from npm) instead of its own one-module bundle of seventeen packages: meow's
// results must not change. source/command-line.ts is bundled both ways, as scripts/build.js
// bundles it, and every flag form kpods accepts (test/command-line.test.ts's and more) gives the
// same answer; meow itself, called with kpods' flags on the raw words, too.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
// @ts-expect-error: a plain JavaScript build script, without types.
import {meowDependenciesPlugin} from '../scripts/meow-dependencies-plugin.js';
// @ts-expect-error: a plain JavaScript build script, without types.
import {requireBanner} from '../scripts/require-banner.js';

const directory = mkdtempSync(join(tmpdir(), 'kpods-meow-'));
after(() => rmSync(directory, {recursive: true, force: true}));

// Both kpods' parse and meow on its own, over the words as given.
const entry = `
import meow from 'meow';
import {flagDefinitions} from './source/cli-flags.js';
export {parseCommandLine} from './source/command-line.js';
const flags = Object.fromEntries(Object.entries(flagDefinitions).map(([name, {type, shortFlag, default: value}]) => [
	name,
	type === 'boolean' ? {type, default: value ?? false, ...(shortFlag ? {shortFlag} : {})} : {type: 'string', isMultiple: true},
]));
export function rawMeow(argv) {
	const {input, flags: parsed, unnormalizedFlags} = meow({importMeta: import.meta, argv, pkg: {}, autoHelp: false, autoVersion: false, allowUnknownFlags: true, flags});
	return {input, flags: parsed, unnormalizedFlags};
}
`;

type Parse = {parseCommandLine: (argv: string[]) => Promise<unknown>; rawMeow: (argv: string[]) => unknown; file: string};

async function bundle(name: string, plugins: Plugin[]): Promise<Parse> {
	const file = join(directory, `${name}.mjs`);
	await build({
		stdin: {contents: entry, resolveDir: process.cwd(), loader: 'js'},
		outfile: file,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		banner: requireBanner,
		plugins,
		logLevel: 'error',
	});
	return {...((await import(pathToFileURL(file).href)) as Omit<Parse, 'file'>), file};
}

const forms: string[][] = [
	[],
	['-A'],
	['-A', '-n', 'x'],
	['--all-namespaces', '--readonly'],
	['--readonly', '--no-readonly'],
	['--no-sandbox'],
	['--sandbox=false'],
	['--sandbox=true'],
	['-n', 'kube-system'],
	['-nkube-system'],
	['-n=kube-system'],
	['--namespace', 'kube-system', '-n', 'default'],
	['--namespace=x', '--namespace', 'y'],
	['--namespace='],
	['-n', ''],
	['-n', '-'],
	['-n', '-1'],
	['--kubeconfig=/a/b', '--context', 'c'],
	['--kubeconfig', '/a b/ç', '--context=c=d'],
	['--manifests', './manifests', '--readonly'],
	['sandbox', '--port', '8080', '--kubeconfig-out', 'f'],
	['sandbox', '--port=-1'],
	['sandbox', '--port', 'abc'],
	['sandbox', '--port', '1e3'],
	['--', '--bogus'],
	['-A', '--', '-n', 'x'],
	['-', 'x'],
	['--lang', 'pt-BR', '-A'],
	['--lang=en', '--sandbox'],
	['--version', '--sandbox'],
	['--version'],
	['--help'],
	['-h', '-A'],
	['--namespace'],
	['-n'],
	['--namespace', '--readonly'],
	['sandbox', '--port'],
	['--kubeconfig', '-A'],
	['--readonly=yes'],
	['-An', 'x'],
	['-nA'],
	['word', 'another', '-A'],
	['--bogus', '-A'],
];

test('meow gives kpods the same answers with the trimmed dependencies as with its own bundle', async () => {
	const [own, trimmed] = await Promise.all([bundle('own', []), bundle('trimmed', [meowDependenciesPlugin])]);
	for (const argv of forms) {
		assert.deepEqual(await trimmed.parseCommandLine(argv), await own.parseCommandLine(argv), `kpods ${argv.join(' ')}`);
		assert.deepEqual(trimmed.rawMeow(argv), own.rawMeow(argv), `meow ${argv.join(' ')}`);
	}
	// The trimmed bundle is the one that left the package readers out.
	const trimmedText = readFileSync(trimmed.file, 'utf8');
	assert.equal(trimmedText.includes('spdx'), false, 'the SPDX lists are not bundled');
	assert.equal(readFileSync(own.file, 'utf8').includes('spdx'), true, "meow's own bundle carries them");
});

test('what is left out throws a line that says why, rather than answering wrongly', async () => {
	const {a: readPackageUpSync, n: normalizePackageData} =
		// @ts-expect-error: a plain JavaScript build script, without types.
		(await import('../scripts/meow-dependencies.js')) as Record<string, () => unknown>;
	assert.throws(() => readPackageUpSync!(), /pass meow the pkg option/);
	assert.throws(() => normalizePackageData!(), /pass meow the pkg option/);
});
