// Recorded answers of a real API server (the lab's v1.20), one file per scenario, so the
// sandbox half can compare against a real server where none runs (CI).
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import type {Transcript} from './types.js';

const folder = new URL('fixtures/', import.meta.url);

/** The recorded transcript of a scenario, if there is one. */
export function readFixture(id: string): Transcript | undefined {
	const file = new URL(`${id}.json`, folder);
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Transcript) : undefined;
}

/** Records a real server's transcript (saved raw values dropped: they are not masked). */
export function writeFixture(transcript: Transcript): void {
	const answers = transcript.answers.map(({saved: _saved, ...answer}) => answer);
	writeFileSync(new URL(`${transcript.scenario}.json`, folder), `${JSON.stringify({...transcript, answers}, null, '\t')}\n`);
}
