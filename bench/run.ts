// Runs every benchmark, one after the other (they would compete for the two cores), and
// prints their tables. `npm run build` first: kpods is measured as users run it.
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';

if (!existsSync(join(import.meta.dirname, '..', 'dist', 'cli.js'))) {
	console.error('bench: dist/cli.js is missing; run npm run build first');
	process.exit(1);
}

const only = process.argv[2];
const benchmarks = [
	'first-frame.ts',
	'young-generation.ts',
	'churn.ts',
	'idle.ts',
	'rss.ts',
	'log-follow.ts',
	...readdirSync(import.meta.dirname).filter(file => file.startsWith('sandbox-') && file !== 'sandbox-server.ts'),
];
for (const file of benchmarks.filter(name => !only || name.includes(only))) {
	console.log(`\n## ${file}\n`);
	const result = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, file)], {
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	if (result.status !== 0) {
		process.exitCode = 1;
	}
}
