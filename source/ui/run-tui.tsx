import {render} from 'ink';

import {App, type AppProps} from '../app.js';

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

/**
 * Runs the TUI on the alternate screen and gives the terminal back as it was on every
 * way out: quit, a signal, or a crash (one line on stderr, never a stack trace).
 */
export async function runTui(props: Omit<AppProps, 'onQuit'>, cleanup: () => Promise<void> | void): Promise<number> {
	const {stdout, stderr} = process;
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		stdout.write(showCursor + leaveAlternateScreen);
	};

	stdout.write(enterAlternateScreen);
	process.once('exit', restore);
	let exitCode = 0;
	// Ink turns raw mode on in an effect that runs after its first frame; until then the
	// terminal would turn a ctrl-c typed at the first sight of the screen into SIGINT (exit 130)
	// instead of a key. Raw from the start, such keys wait in stdin for Ink to read them.
	if (process.stdin.isTTY) process.stdin.setRawMode(true);
	const instance = render(<App {...props} onQuit={() => instance.unmount()}/>, {exitOnCtrlC: false, patchConsole: true, maxFps: 30, incrementalRendering: false});
	const stopOn = (signal: NodeJS.Signals) => {
		exitCode = 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15);
		instance.unmount();
	};

	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stopOn);
	const crash = (error: unknown) => {
		instance.unmount();
		restore();
		stderr.write(`kpods: ${error instanceof Error ? error.message : String(error)}\n`);
		if (process.env.KPODS_DEBUG) stderr.write(`${(error as Error).stack ?? ''}\n`);
		process.exit(1);
	};

	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	try {
		await instance.waitUntilExit();
	} finally {
		restore();
		await cleanup();
	}

	return exitCode;
}
