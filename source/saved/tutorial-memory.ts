// What the tutorial remembers (the intro read, testando seen running and since deleted, its
// describe opened) outlives kpods: one small JSON file in the XDG state directory, an entry per
// cluster and namespace. The file is written whole to a temporary name and renamed over the old
// one, so a crash or a second kpods never leaves half a file; a file kpods cannot read or did not
// write is taken as empty, and a write that fails keeps the memory for this run only.
import {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, isAbsolute, join} from 'node:path';
import {emptyMemory, type TutorialMemory} from '../tutorial/checks.js';

/** Where the tutorial's memory of each cluster and namespace is kept between runs. */
export interface TutorialMemoryStore {
	load(key: string): TutorialMemory | undefined;
	save(key: string, memory: TutorialMemory): void;
}

/** The entries kept: the oldest go first (each sandbox is a new cluster, so they would only grow). */
export const keptEntries = 50;

interface Entry {
	memory: TutorialMemory;
	savedAt: number;
}

/** `$XDG_STATE_HOME/kpods/tutorial.json`, else `~/.local/state/kpods/tutorial.json` (the XDG base directory rule: a relative XDG_STATE_HOME is ignored). */
export function tutorialMemoryPath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
	const state = env['XDG_STATE_HOME'];
	const base = state && isAbsolute(state) ? state : join(home, '.local', 'state');
	return join(base, 'kpods', 'tutorial.json');
}

/**
 * The memory's entry for one cluster and namespace: the context, the API server and the
 * namespace. A sandbox listens on a new port each time, so a new sandbox starts the tutorial over.
 */
export function tutorialMemoryKey(info: {context: string; server: string; namespace: string}): string {
	return `${info.context} ${info.server} ${info.namespace}`;
}

/** The memory file at `path` (see tutorialMemoryPath). */
export function tutorialMemoryFile(path: string, now: () => number = Date.now): TutorialMemoryStore {
	return {
		load: key => readEntries(path).get(key)?.memory,
		save(key, memory) {
			const entries = readEntries(path);
			entries.set(key, {memory, savedAt: now()});
			const kept = [...entries].sort((a, b) => b[1].savedAt - a[1].savedAt).slice(0, keptEntries);
			writeAtomically(path, `${JSON.stringify({version: 1, entries: Object.fromEntries(kept)}, undefined, '\t')}\n`);
		},
	};
}

function readEntries(path: string): Map<string, Entry> {
	let body: unknown;
	try {
		body = JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return new Map();
	}
	const {version, entries} = (typeof body === 'object' && body !== null ? body : {}) as {version?: unknown; entries?: unknown};
	if (version !== 1 || typeof entries !== 'object' || entries === null) {
		return new Map();
	}
	const valid = new Map<string, Entry>();
	for (const [key, value] of Object.entries(entries)) {
		const entry = asEntry(value);
		if (entry) {
			valid.set(key, entry);
		}
	}
	return valid;
}

/** An entry as kpods wrote it, or undefined: every flag a boolean, the time a number. */
function asEntry(value: unknown): Entry | undefined {
	const {memory, savedAt} = (value ?? {}) as {memory?: Record<string, unknown>; savedAt?: unknown};
	if (typeof memory !== 'object' || memory === null || typeof savedAt !== 'number') {
		return undefined;
	}
	const flags = Object.keys(emptyMemory) as Array<keyof TutorialMemory>;
	if (!flags.every(flag => typeof memory[flag] === 'boolean')) {
		return undefined;
	}
	return {memory: Object.fromEntries(flags.map(flag => [flag, memory[flag]])) as unknown as TutorialMemory, savedAt};
}

/** Writes a temporary file beside `path` and renames it over `path`; a failure leaves the old file as it was. */
function writeAtomically(path: string, text: string): void {
	const temporary = `${path}.${process.pid}.tmp`;
	try {
		mkdirSync(dirname(path), {recursive: true, mode: 0o700});
		writeFileSync(temporary, text, {mode: 0o600});
		renameSync(temporary, path);
	} catch {
		try {
			rmSync(temporary, {force: true});
		} catch {
			// Nothing was written where nothing can be removed.
		}
	}
}
