import {existsSync, readdirSync, readFileSync, statSync, type Stats} from 'node:fs';
import {readdir, readFile, stat} from 'node:fs/promises';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {displayPathFor, parseManifest} from './parse.js';
import type {ManifestFile} from './types.js';
import {t} from '../i18n/index.js';

export type {ManifestDocument, ManifestFile} from './types.js';

/** A manifests directory that cannot be read; the message is one line fit for the status bar. */
export class ManifestError extends Error {
	override name = 'ManifestError';
}

const manifestName = /\.(ya?ml|json)$/i;

/** The API server refuses a request body over 3 MiB; a bigger manifest cannot be applied, so it is not read. */
export const maxManifestBytes = 3 * 1024 * 1024;

/** The three reads a directory of manifests takes. */
interface Reads {
	readdir(path: string): Promise<string[]>;
	stat(path: string): Promise<Stats>;
	readFile(path: string, encoding: 'utf8'): Promise<string>;
}

const asyncReads: Reads = {readdir, stat, readFile};
const syncReads: Reads = {
	readdir: async path => readdirSync(path),
	stat: async path => statSync(path),
	readFile: async (path, encoding) => readFileSync(path, encoding),
};

/**
 * Reads every *.yaml, *.yml and *.json file of a directory (not its subdirectories, like
 * `kubectl apply -f DIR`), sorted by name; a file that cannot be read gets a parseError.
 * `sync` reads a small directory at once (kpods' own five tutorial files before the first frame):
 * each of the ~20 reads otherwise waits for its answer behind whatever holds the thread then.
 */
export async function loadManifestDir(dir: string, cwd: string = process.cwd(), {sync = false} = {}): Promise<ManifestFile[]> {
	const {readdir, stat, readFile} = sync ? syncReads : asyncReads;
	const absolute = resolve(cwd, dir);
	let names: string[];
	try {
		names = await readdir(absolute);
	} catch (error) {
		throw new ManifestError(t('manifests.cannotReadDirectory', {path: displayPathFor(absolute, cwd), reason: reasonOf(error)}));
	}
	const files: ManifestFile[] = [];
	for (const name of names.filter(name => manifestName.test(name)).sort()) {
		const path = join(absolute, name);
		try {
			// stat follows symlinks, so a linked manifest counts and a directory named x.yaml does not.
			const found = await stat(path);
			if (!found.isFile()) {
				continue;
			}
			if (found.size > maxManifestBytes) {
				files.push({
					path,
					displayPath: displayPathFor(path, cwd),
					text: '',
					documents: [],
					parseError: `file is ${(found.size / 1024 / 1024).toFixed(1)} MiB; kpods reads manifests up to 3 MiB (the API server's request limit)`,
				});
				continue;
			}

			files.push(parseManifest(await readFile(path, 'utf8'), path, cwd));
		} catch (error) {
			files.push({
				path,
				displayPath: displayPathFor(path, cwd),
				text: '',
				documents: [],
				parseError: t('manifests.cannotReadFile', {reason: reasonOf(error)}),
			});
		}
	}
	return files;
}

/**
 * The package's own manifests/ directory, found by walking up from this module to the
 * package.json named "kpods": the same walk works from source/ under tsx and from dist/cli.js.
 */
export function bundledManifestsDir(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const packageJson = join(dir, 'package.json');
		if (existsSync(packageJson) && packageName(packageJson) === 'kpods') {
			return join(dir, 'manifests');
		}
		const parent = dirname(dir);
		if (parent === dir) {
			throw new ManifestError(t('manifests.noPackage'));
		}
		dir = parent;
	}
}

function packageName(path: string): string | undefined {
	try {
		const parsed = JSON.parse(readFileSync(path, 'utf8')) as {name?: unknown};
		return typeof parsed.name === 'string' ? parsed.name : undefined;
	} catch {
		return undefined;
	}
}

/** Node's fs errors carry the code first ('ENOENT: no such file or directory, scandir …'): keep code and words, drop the path. */
function reasonOf(error: unknown): string {
	if (error instanceof Error) {
		const code = (error as NodeJS.ErrnoException).code;
		const words = error.message
			.split('\n')[0]!
			.replace(/^[A-Z]+: /, '')
			.replace(/, \w+ '.*'$/, '');
		return code ? `${code} (${words})` : words;
	}
	return String(error);
}
