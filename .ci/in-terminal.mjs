// Runs a command in a pseudo-terminal the way a user's terminal would, waits until the screen
// shows every --expect text, presses q and checks that the command exits 0.
// Usage: node .ci/in-terminal.mjs --expect TEXT [--expect TEXT…] [--timeout S] -- COMMAND [ARGS…]
import {createRequire} from 'node:module';
import xterm from '@xterm/headless';

const require = createRequire(import.meta.url);
const pty = require('@lydell/node-pty');

const separator = process.argv.indexOf('--');
const options = process.argv.slice(2, separator);
const [command, ...args] = process.argv.slice(separator + 1);
const expected = options.flatMap((option, index) => (option === '--expect' ? [options[index + 1]] : []));
const timeoutIndex = options.indexOf('--timeout');
const timeoutMs = 1000 * (timeoutIndex === -1 ? 120 : Number(options[timeoutIndex + 1]));
if (separator === -1 || !command || expected.length === 0) {
	console.error('usage: node .ci/in-terminal.mjs --expect TEXT [--expect TEXT…] [--timeout S] -- COMMAND [ARGS…]');
	process.exit(2);
}

const columns = 120;
const rows = 30;
const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
const child = pty.spawn(command, args, {name: 'xterm-256color', cols: columns, rows, cwd: process.cwd(), env: process.env});
child.onData(data => terminal.write(data));
const exited = new Promise(resolve => child.onExit(resolve));

function screen() {
	const buffer = terminal.buffer.active;
	const lines = [];
	for (let row = 0; row < rows; row++) {
		lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
	}
	return lines
		.join('\n')
		.replaceAll(/\n{3,}/g, '\n\n')
		.trimEnd();
}

const started = Date.now();
let done = false;
exited.then(() => {
	done = true;
});
while (!expected.every(text => screen().includes(text))) {
	if (done || Date.now() - started > timeoutMs) {
		console.error(
			`${command} ${args.join(' ')}: ${done ? 'exited' : 'timed out'} before the screen showed ${JSON.stringify(expected)}; the screen was:\n${screen()}`,
		);
		child.kill();
		process.exit(1);
	}
	await new Promise(resolve => setTimeout(resolve, 100));
}

const shown = screen();
child.write('q');
const timer = setTimeout(() => {
	console.error(`${command}: still running 10 s after q`);
	child.kill();
	process.exit(1);
}, 10_000);
const {exitCode} = await exited;
clearTimeout(timer);
console.log(`${shown}\n(${((Date.now() - started) / 1000).toFixed(1)} s to the screen above; q → exit ${exitCode})`);
process.exit(exitCode === 0 ? 0 : 1);
