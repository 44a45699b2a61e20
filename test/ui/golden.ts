import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

const directory = join(import.meta.dirname, 'golden');

/**
 * A frame as plain text: colours dropped, inverse video (the selection, the current
 * tab) shown as ⟦…⟧, trailing spaces trimmed.
 */
export function plainFrame(frame: string): string {
	return frame
		.replaceAll('\u001B[7m', '⟦')
		.replaceAll('\u001B[27m', '⟧')
		.replaceAll(/\u001B\[[\d;]*m/g, '')
		.split('\n')
		.map(line => line.trimEnd())
		.join('\n')
		.replace(/\n+$/, '');
}

/** Compares a whole frame with test/ui/golden/NAME.txt; UPDATE_GOLDEN=1 re-blesses it. */
export function assertGolden(name: string, frame: string): void {
	const file = join(directory, `${name}.txt`);
	const text = `${plainFrame(frame)}\n`;
	if (process.env.UPDATE_GOLDEN) {
		mkdirSync(directory, {recursive: true});
		writeFileSync(file, text);
		return;
	}

	assert.ok(existsSync(file), `no golden frame ${file}: run the test with UPDATE_GOLDEN=1, then read the file before committing it`);
	assert.equal(
		text,
		readFileSync(file, 'utf8'),
		`frame ${name} differs from ${file} (UPDATE_GOLDEN=1 re-blesses after a deliberate change)`,
	);
}
