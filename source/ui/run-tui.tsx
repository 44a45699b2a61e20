import {closeSync} from 'node:fs';
import {render} from 'ink';

import {App, type AppProps} from '../app.js';
import {installLineCache} from './ink-line-cache.js';
import {trace, traceWrites} from '../trace.js';

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

/**
 * Ink's frame rate. Ink throttles its drawing with a debounce whose wait restarts on every
 * render: at `maxFps: 30` and the stores' bursts every 33 ms it drew every other render, up to
 * 66 ms late (13 frames a second for 30 renders, bench/churn.ts). The stores already space
 * their bursts (coalesceMs, 50 ms), so Ink draws each render at once and its limit, above the
 * stores' rate, only holds back renders that come closer than 17 ms (keys and a burst together).
 */
export const renderOptions = {maxFps: 60, incrementalRendering: false} as const;

/** Errors that mean the terminal itself is gone (closed window, hung-up ssh): nothing to write to. */
const terminalGoneCodes = new Set(['EIO', 'EPIPE', 'ENXIO', 'EBADF', 'ERR_STREAM_DESTROYED']);

/**
 * Closes stdin, stdout and stderr when the terminal behind them is gone. Node restores each
 * terminal's settings at exit and aborts when it cannot (tcsetattr fails with EIO on a
 * hung-up terminal); it skips descriptors the program closed, so kpods closes them first.
 */
function forgetTerminal(): void {
	for (const fd of [0, 1, 2]) {
		try {
			closeSync(fd);
		} catch {
			// Already closed.
		}
	}
}

/**
 * Runs the TUI on the alternate screen and gives the terminal back as it was on every
 * way out: quit, a signal, or a crash (one line on stderr, never a stack trace). When the
 * terminal itself goes away (SIGHUP, EIO on write) it exits quietly, writing nothing.
 * `afterFirstFrame` runs once the first frame is written (start.ts starts the other stores then).
 */
export async function runTui(
	props: Omit<AppProps, 'onQuit'>,
	cleanup: () => Promise<void> | void,
	afterFirstFrame: () => void = () => {},
): Promise<number> {
	const {stdin, stdout, stderr} = process;
	let restored = false;
	let terminalGone = false;
	let cleaned: Promise<void> | undefined;
	const cleanUp = async () => {
		cleaned ??= Promise.resolve().then(cleanup);
		return cleaned;
	};

	const restore = () => {
		if (restored || terminalGone) {
			return;
		}
		restored = true;
		try {
			// On a hung-up terminal this reports EIO (an 'error' event): hangUp below takes over.
			if (stdin.isTTY) {
				stdin.setRawMode(false);
			}
			if (!terminalGone) {
				stdout.write(showCursor + leaveAlternateScreen);
			}
		} catch {
			// The terminal went away while restoring it: nothing left to restore.
		}
	};

	// Raw mode before the first frame: a key pressed as soon as anything shows (ctrl-c
	// included) is a key Ink reads, not a signal from the terminal. Ink's input hook only
	// takes over after React's effects run, which can be well after the first frame on a busy machine.
	if (stdin.isTTY) {
		stdin.setRawMode(true);
	}
	stdout.write(enterAlternateScreen);
	process.once('exit', restore);
	let exitCode = 0;
	installLineCache();
	traceWrites(stdout);
	// Ink calls onRender as it writes each frame (the first one at once, in the same turn): React
	// commits the first render a turn after render() returns, so that is not the moment.
	let drawn = false;
	const onRender = () => {
		if (!drawn) {
			drawn = true;
			trace('first frame drawn');
			afterFirstFrame();
		}
	};
	const instance = render(<App {...props} onQuit={() => instance.unmount()} />, {
		...renderOptions,
		exitOnCtrlC: false,
		patchConsole: true,
		onRender,
	});
	const stopOn = (signal: NodeJS.Signals) => {
		exitCode = 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15);
		instance.unmount();
	};

	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, stopOn);
	}
	// The terminal is gone: stop at once and quietly (every write would fail again), after the cleanup.
	const hangUp = () => {
		if (terminalGone) {
			return;
		}
		terminalGone = true;
		exitCode = 129;
		instance.unmount();
		void cleanUp().finally(() => {
			forgetTerminal();
			process.exit(129);
		});
	};

	const onStreamError = (error: NodeJS.ErrnoException) => {
		if (terminalGoneCodes.has(error.code ?? '')) {
			hangUp();
		} else {
			crash(error);
		}
	};

	for (const stream of [stdin, stdout, stderr]) {
		stream.on('error', onStreamError);
	}
	const crash = (error: unknown) => {
		if (terminalGoneCodes.has((error as NodeJS.ErrnoException)?.code ?? '')) {
			hangUp();
			return;
		}

		instance.unmount();
		restore();
		stderr.write(`kpods: ${error instanceof Error ? error.message : String(error)}\n`);
		if (process.env.KPODS_DEBUG) {
			stderr.write(`${(error as Error).stack ?? ''}\n`);
		}
		process.exit(1);
	};

	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	try {
		await instance.waitUntilExit();
	} finally {
		restore();
		await cleanUp();
	}

	if (terminalGone) {
		forgetTerminal();
	}
	return exitCode;
}
