import {spawnSync} from 'node:child_process';
import {useStdin} from 'ink';
import {useCallback} from 'react';
import type {RunEditor} from '../../actions/edit.js';

const leaveAlternateScreen = '\u001B[?1049l\u001B[?25h';
const enterAlternateScreen = '\u001B[?1049h\u001B[H\u001B[2J';

/** The editor kubectl edit runs: KUBE_EDITOR, then EDITOR, else vi. */
export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
	return env['KUBE_EDITOR'] || env['EDITOR'] || 'vi';
}

/**
 * Hands the terminal to $EDITOR and takes it back: Ink's raw mode off and its input paused,
 * the main screen restored for the editor; then the alternate screen again, cleared, so
 * the next frame is drawn whole. The editor runs through the shell, as kubectl runs
 * `$EDITOR file` (an EDITOR with arguments, like `code -w`, works).
 */
export function useEditor(): RunEditor {
	const {stdin, setRawMode, isRawModeSupported} = useStdin();
	return useCallback(async (file: string) => {
		const editor = editorCommand();
		const tty = Boolean(isRawModeSupported && process.stdout.isTTY);
		if (tty) {
			setRawMode(false);
			process.stdout.write(leaveAlternateScreen);
		}

		stdin.pause();
		try {
			const quoted = `'${file.replaceAll("'", `'\\''`)}'`;
			const result = spawnSync(process.env['SHELL'] && process.platform !== 'win32' ? process.env['SHELL'] : 'sh', ['-c', `${editor} ${quoted}`], {stdio: 'inherit'});
			if (result.error) return {ok: false, message: `cannot run the editor "${editor}": ${result.error.message}`};
			if (result.status !== 0) return {ok: false, message: `the editor "${editor}" exited with status ${result.status ?? result.signal}`};
			return {ok: true};
		} finally {
			stdin.resume();
			if (tty) {
				process.stdout.write(enterAlternateScreen);
				setRawMode(true);
			}
		}
	}, [stdin, setRawMode, isRawModeSupported]);
}
