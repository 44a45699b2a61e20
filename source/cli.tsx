#!/usr/bin/env node
// First, so that the young-generation cap is set before any module allocates.
import './young-generation.js';
import module from 'node:module';
import meow from 'meow';
import {flagDefinitions, flagHelp, knownFlags} from './cli-flags.js';

// Node 22.1+ can keep compiled code between runs; on Node 20 this is not there and costs nothing.
(module as {enableCompileCache?: () => unknown}).enableCompileCache?.();

// Only meow is imported up front, so --help and --version answer at once; Ink, React
// and client-node load when a screen or a cluster is actually needed.

const help = `
  Usage
    $ kpods [flags]                  watch and manage pods and services, live
    $ kpods --sandbox                the same, on a built-in sandbox cluster
    $ kpods sandbox [--port N] [--kubeconfig-out FILE]
                                     serve the sandbox for kubectl (Ctrl-C stops it)

  Flags (kubectl's names)
${flagHelp()}
    --help, --version

  Keys: ? in kpods lists them all.  Without a terminal kpods exits with status 2.
`;

const known = knownFlags();

/** One line on stderr and an exit code: how kpods answers a user's mistake. */
function fail(message: string, code = 1): never {
	process.stderr.write(`kpods: ${message}\n`);
	process.exit(code);
}

// meow reports an unknown flag on two lines; kpods' rule is one.
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
		fail(`unknown flag ${name} (kpods --help lists them)`, 2);
	}
}

const cli = meow(help, {
	importMeta: import.meta,
	allowUnknownFlags: true,
	flags: flagDefinitions,
});

async function main(): Promise<number> {
	const {trace} = await import('./trace.js');
	trace('cli parsed');
	const {flags} = cli;
	const [command, ...rest] = cli.input;
	if (command === 'sandbox') {
		if (rest.length > 0) {
			fail(`unexpected argument "${rest[0]}" (kpods sandbox [--port N] [--kubeconfig-out FILE])`, 2);
		}
		if (flags.port !== undefined && (!Number.isInteger(flags.port) || flags.port < 0 || flags.port > 65_535)) {
			fail(`--port must be a port number (0-65535), not ${flags.port}`, 2);
		}
		const {runSandboxCommand} = await import('./sandbox/command.js');
		return runSandboxCommand({port: flags.port, kubeconfigOut: flags.kubeconfigOut, stdout: process.stdout, stderr: process.stderr});
	}

	if (command) {
		fail(`unknown command "${command}" (kpods [flags], or kpods sandbox)`, 2);
	}
	for (const name of ['namespace', 'context', 'kubeconfig', 'manifests'] as const) {
		if (flags[name] === '') {
			fail(`--${name === 'namespace' ? 'namespace' : name} needs a value`, 2);
		}
	}

	if (flags.manifests !== undefined) {
		// Said at launch, not found later in a pane: a typo in the folder is the user's to fix now.
		const {statSync} = await import('node:fs');
		const found = statSync(flags.manifests, {throwIfNoEntry: false});
		if (!found) {
			fail(`--manifests ${flags.manifests}: no such directory`, 2);
		}
		if (!found.isDirectory()) {
			fail(`--manifests ${flags.manifests}: not a directory (kpods lists the manifests in a folder)`, 2);
		}
	}

	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		fail('kpods is interactive and needs a terminal (stdin and stdout must be a TTY); for a server kubectl can use, run: kpods sandbox', 2);
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
