import {useCallback} from 'react';
import type {RunEditor} from '../../actions/edit.js';
import {useTerminalHandoff} from './use-terminal-handoff.js';
import {t} from '../../i18n/index.js';

/** The editor kubectl edit runs: KUBE_EDITOR, then EDITOR, else vi. */
export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
	return env['KUBE_EDITOR'] || env['EDITOR'] || 'vi';
}

/** Hands the terminal to $EDITOR (through the one terminal handoff) and takes it back. */
export function useEditor(): RunEditor {
	const handTerminal = useTerminalHandoff();
	return useCallback(
		async (file: string) => {
			// child_process is loaded with the first edit, not before the first frame of every start.
			const {spawnSync} = await import('node:child_process');
			return handTerminal(() => {
				const editor = editorCommand();
				// The editor runs through the shell, as kubectl runs `$EDITOR file` (an EDITOR with arguments, like `code -w`, works).
				const quoted = `'${file.replaceAll("'", `'\\''`)}'`;
				const result = spawnSync(
					process.env['SHELL'] && process.platform !== 'win32' ? process.env['SHELL'] : 'sh',
					['-c', `${editor} ${quoted}`],
					{stdio: 'inherit'},
				);
				if (result.error) {
					return {ok: false as const, message: t('editor.cannotRun', {editor, message: result.error.message})};
				}
				if (result.status !== 0) {
					return {ok: false as const, message: t('editor.exited', {editor, status: String(result.status ?? result.signal)})};
				}
				return {ok: true as const};
			});
		},
		[handTerminal],
	);
}
