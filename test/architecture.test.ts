// The layout is the architecture: dependencies point one way (ui → state/keys → format ← cluster),
// the pure folders import no UI or client runtime, and the sandbox stands alone. Checked on the
// import statements themselves, so a shortcut shows up here rather than in a review.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {test} from 'node:test';

const source = join(import.meta.dirname, '..', 'source');

function files(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap(entry =>
		entry.isDirectory() ? files(join(directory, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(directory, entry.name)] : [],
	);
}

/** Runtime imports of a file (type-only imports are erased and do not count). */
function runtimeImports(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const imports: string[] = [];
	for (const match of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
		if (!match[1]) {
			imports.push(match[2]!);
		}
	}

	for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
		imports.push(match[1]!);
	}
	return imports;
}

const folderOf = (file: string) => relative(source, file).split('/')[0]!;

const rules: Array<{folders: string[]; forbidden: RegExp; why: string}> = [
	{
		folders: ['format', 'k8s', 'keys', 'state', 'derive', 'describe', 'i18n', 'tutorial'],
		forbidden: /^(ink|react|@kubernetes\/client-node|node:)|\/(ui|cluster|actions|sandbox)\//,
		why: 'pure: no Ink, React, client-node, I/O, or the layers above',
	},
	{
		folders: ['sandbox'],
		forbidden: /^(ink|react|@kubernetes\/client-node)|\/(ui|cluster|actions|state|keys)\//,
		why: 'the sandbox stands alone: no UI and no client',
	},
	{
		folders: ['ui'],
		forbidden: /^@kubernetes\/client-node|\/(cluster\/(?!types|endpoints)|actions\/|sandbox\/)/,
		why: 'the UI sees only the Cluster interface',
	},
];

for (const rule of rules) {
	test(`${rule.folders.join(', ')}: ${rule.why}`, () => {
		const offences = files(source)
			.filter(file => rule.folders.includes(folderOf(file)))
			.flatMap(file =>
				runtimeImports(file)
					.filter(name => rule.forbidden.test(name))
					.map(name => `${relative(source, file)} imports ${name}`),
			);
		assert.deepEqual(offences, []);
	});
}

test('ui: text reaches Ink only through components/text.tsx, which makes it safe for the terminal', () => {
	const offences = files(join(source, 'ui'))
		.filter(file => !file.endsWith(join('components', 'text.tsx')))
		.filter(file =>
			/^\s*import\s+\{[^}]*\bText\b[^}]*\}\s+from\s+['"]ink['"]/m.test(readFileSync(file, 'utf8').replaceAll(/\btype\s+Text\w*/g, '')),
		)
		.map(file => relative(source, file));
	assert.deepEqual(offences, [], 'import {Text} from components/text.js instead of from ink');
});
