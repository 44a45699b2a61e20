// Runs every test file under test/ (or under the paths given) with node's test runner
// through tsx. Node 20 does not expand globs given to --test, so the files are listed here.
import {spawnSync} from 'node:child_process';
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';

const roots = process.argv.slice(2).filter(arg => !arg.startsWith('--'));
const flags = process.argv.slice(2).filter(arg => arg.startsWith('--'));

// test/real needs a real cluster (KUBECONFIG): it runs only when named, as `npm run test:real` does.
const skipped = new Set(['fixtures', 'node_modules', ...(roots.length > 0 ? [] : ['real'])]);

function collect(path) {
	if (statSync(path).isFile()) {
		return [path];
	}
	return readdirSync(path, {withFileTypes: true})
		.filter(entry => !skipped.has(entry.name))
		.flatMap(entry =>
			entry.isDirectory() ? collect(join(path, entry.name)) : /\.test\.tsx?$/.test(entry.name) ? [join(path, entry.name)] : [],
		);
}

const files = (roots.length > 0 ? roots : ['test']).flatMap(collect).sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...flags, ...files], {stdio: 'inherit'});
process.exit(result.status ?? 1);
