#!/usr/bin/env node
// First, so that V8's flags (the young-generation cap) are set before any module allocates.
import './v8-flags.js';
import {readFileSync} from 'node:fs';
import module from 'node:module';
import {flagHelp, knownFlags} from './cli-flags.js';
import {parseCommandLine} from './command-line.js';
import {chooseLanguage, setLanguage, t} from './i18n/index.js';
import {trace} from './trace.js';

// Node 22.1+ can keep compiled code between runs; on Node 20 this is not there and costs nothing.
(module as {enableCompileCache?: () => unknown}).enableCompileCache?.();

// Only the flags' definitions are loaded up front (parsed by node:util), so --help and
// --version answer at once; Ink, React and client-node load when a screen or a cluster is
// actually needed.

/** One line on stderr and an exit code: how kpods answers a user's mistake. */
function fail(message: string, code = 1): never {
	process.stderr.write(`kpods: ${message}\n`);
	process.exit(code);
}

// The language is chosen before anything is written, --help included.
const language = chooseLanguage(process.argv.slice(2), process.env);
if (language.kind === 'invalid') {
	fail(t('cli.badLanguage', {value: language.value}), 2);
}
setLanguage(language.language);

const help = t('cli.usage', {flags: flagHelp()});
const known = knownFlags();

// Every unknown flag is one line, before anything else is looked at.
for (const argument of process.argv.slice(2)) {
	if (argument === '--') {
		break;
	}
	if (!argument.startsWith('-') || argument === '-') {
		continue;
	}
	const name = argument.split('=')[0]!;
	const bare = name.startsWith('--no-') ? `--${name.slice(5)}` : name;
	if (!known.has(name) && !known.has(bare) && !/^-n.+/.test(name)) {
		fail(t('cli.unknownFlag', {flag: name}), 2);
	}
}

const cli = await parseCommandLine(process.argv.slice(2));
if (cli.kind === 'error') {
	fail(cli.problem === 'needsValue' ? t('cli.needsValue', {flag: cli.flag}) : t('cli.takesNoValue', {flag: cli.flag}), 2);
}
// --help (or -h) anywhere before `--` asks for help: `kpods --lang pt-BR --help` too.
const options = process.argv.slice(2);
const ended = options.indexOf('--');
if (options.slice(0, ended === -1 ? undefined : ended).some(argument => argument === '--help' || argument === '-h')) {
	process.stdout.write(`\n${help.replace(/^\n+|\s+$/g, '')}\n\n`);
	process.exit(0);
}
if (cli.kind === 'version') {
	// The package's own package.json, beside dist/.
	const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};
	process.stdout.write(`${version}\n`);
	process.exit(0);
}
const {flags, input} = cli;

async function main(): Promise<number> {
	trace('cli parsed');
	const [command, ...rest] = input;
	if (command === 'sandbox') {
		if (rest.length > 0) {
			fail(t('cli.sandboxArgument', {argument: rest[0]!}), 2);
		}
		if (flags.port !== undefined && (!Number.isInteger(flags.port) || flags.port < 0 || flags.port > 65_535)) {
			fail(t('cli.badPort', {value: String(flags.port)}), 2);
		}
		const {runSandboxCommand} = await import('./sandbox/command.js');
		return runSandboxCommand({port: flags.port, kubeconfigOut: flags.kubeconfigOut, stdout: process.stdout, stderr: process.stderr});
	}

	if (command) {
		fail(t('cli.unknownCommand', {command}), 2);
	}
	for (const name of ['namespace', 'context', 'kubeconfig', 'manifests'] as const) {
		if (flags[name] === '') {
			fail(t('cli.needsValue', {flag: `--${name}`}), 2);
		}
	}

	if (flags.manifests !== undefined) {
		// Said at launch, not found later in a pane: a typo in the folder is the user's to fix now.
		const {statSync} = await import('node:fs');
		const found = statSync(flags.manifests, {throwIfNoEntry: false});
		if (!found) {
			fail(t('cli.noSuchDirectory', {path: flags.manifests}), 2);
		}
		if (!found.isDirectory()) {
			fail(t('cli.notDirectory', {path: flags.manifests}), 2);
		}
	}

	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		fail(t('cli.needsTerminal'), 2);
	}

	// Ink renders only a final frame when it believes it runs in CI (CI or CONTINUOUS_INTEGRATION
	// set, read when Ink loads). kpods has just checked it has a terminal, so it is interactive.
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) {
		if (process.env[name]) {
			process.env[name] = 'false';
		}
	}
	const {openCluster} = await import('./start.js');
	return openCluster({
		kubeconfig: flags.kubeconfig,
		context: flags.context,
		namespace: flags.namespace,
		allNamespaces: flags.allNamespaces,
		readonly: flags.readonly,
		manifests: flags.manifests,
		sandbox: flags.sandbox,
		fail,
	});
}

main().then(
	code => process.exit(code),
	(error: Error) => {
		if (process.env.KPODS_DEBUG) {
			process.stderr.write(`${error.stack}\n`);
		}
		fail(error.message);
	},
);
