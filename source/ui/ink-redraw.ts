// After kpods takes the terminal back from an editor or a shell, the screen is blank but Ink
// still remembers the lines it last wrote: with incremental rendering it would write only
// lines that change, and nothing at all when the frame is the same. This makes it forget them
// and write its last frame whole. Ink keeps its instance per stdout in a module it does not
// export; the file is imported by path, the same module Ink's render uses.
import instances from '../../node_modules/ink/build/instances.js';

interface InkInternals {
	log: {clear(): void};
	restoreLastOutput(): void;
}

/** Writes Ink's last frame on `stdout` again, whole (no-op when Ink is not rendering there). */
export function redrawWhole(stdout: NodeJS.WriteStream): void {
	const ink = instances.get(stdout) as unknown as InkInternals | undefined;
	if (!ink) {
		return;
	}
	ink.log.clear();
	ink.restoreLastOutput();
}
