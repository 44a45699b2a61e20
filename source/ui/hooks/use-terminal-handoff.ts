import {useStdin} from 'ink';
import {useCallback} from 'react';
import {redrawWhole} from '../ink-redraw.js';

const leaveAlternateScreen = '\u001B[?1049l\u001B[?25h';
const enterAlternateScreen = '\u001B[?1049h\u001B[H\u001B[2J';

/** Runs something that owns the terminal meanwhile (an editor, a shell), then gives it back to kpods. */
export type HandTerminal = <T>(run: () => Promise<T> | T) => Promise<T>;

/**
 * Hands the terminal over and takes it back: Ink's raw mode off and its input paused, the main
 * screen restored; while it is away Ink's frames are not written (a store update would draw
 * over the shell); then the alternate screen again, cleared, and Ink's last frame written whole.
 * The editor (`e`) and the shell (`s`) both go through this one.
 */
export function useTerminalHandoff(): HandTerminal {
	const {stdin, setRawMode, isRawModeSupported} = useStdin();
	return useCallback(
		async <T>(run: () => Promise<T> | T): Promise<T> => {
			const tty = Boolean(isRawModeSupported && process.stdout.isTTY);
			if (tty) {
				setRawMode(false);
				process.stdout.write(leaveAlternateScreen);
			}

			stdin.pause();
			const write = process.stdout.write;
			if (tty) {
				process.stdout.write = (() => true) as typeof write;
			}
			try {
				return await run();
			} finally {
				process.stdout.write = write;
				stdin.resume();
				if (tty) {
					process.stdout.write(enterAlternateScreen);
					setRawMode(true);
					redrawWhole(process.stdout);
				}
			}
		},
		[stdin, setRawMode, isRawModeSupported],
	);
}

/** Writes to the terminal while it is handed over (Ink's writes are muted then). */
export function writeTerminal(data: Buffer | string): void {
	Object.getPrototypeOf(process.stdout).write.call(process.stdout, data);
}
