// kpods' command line, parsed by meow (source/command-line.ts) — not loaded at all when there is
// nothing to parse —, and the one-line problems kpods finds itself: a flag with no value, an
// on/off flag given one.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseCommandLine, type Flags} from '../source/command-line.js';

const none: Flags = {
	kubeconfig: undefined,
	context: undefined,
	namespace: undefined,
	allNamespaces: false,
	readonly: false,
	manifests: undefined,
	sandbox: false,
	port: undefined,
	lang: undefined,
	kubeconfigOut: undefined,
};

const runs: Array<[string[], string[], Partial<Flags>]> = [
	[[], [], {}],
	[['-A'], [], {allNamespaces: true}],
	[['--all-namespaces', '--readonly'], [], {allNamespaces: true, readonly: true}],
	[['--readonly', '--no-readonly'], [], {readonly: false}],
	[['--sandbox=false'], [], {sandbox: false}],
	[['--sandbox=true'], [], {sandbox: true}],
	[['-n', 'kube-system'], [], {namespace: 'kube-system'}],
	[['-nkube-system'], [], {namespace: 'kube-system'}],
	[['--namespace=x', '--namespace', 'y'], [], {namespace: 'y'}],
	[['--namespace='], [], {namespace: ''}],
	[['-n', ''], [], {namespace: ''}],
	[['-n', '-'], [], {namespace: '-'}],
	[['--kubeconfig=/a/b', '--context', 'c'], [], {kubeconfig: '/a/b', context: 'c'}],
	[['sandbox', '--port', '8080', '--kubeconfig-out', 'f'], ['sandbox'], {port: 8080, kubeconfigOut: 'f'}],
	[['sandbox', '--port=-1'], ['sandbox'], {port: -1}],
	[['sandbox', '--port', 'abc'], ['sandbox'], {port: Number.NaN}],
	[['--', '--bogus'], ['--bogus'], {}],
	[['-', 'x'], ['-', 'x'], {}],
	[['--lang', 'pt-BR', '-A'], [], {lang: 'pt-BR', allNamespaces: true}],
	// --version counts only alone, as with meow; --help and -h are answered before parsing (cli.tsx).
	[['--version', '--sandbox'], [], {sandbox: true}],
	[['--help'], [], {}],
];

test('flags and words, as meow parses them', async () => {
	for (const [argv, input, flags] of runs) {
		assert.deepEqual(await parseCommandLine(argv), {kind: 'run', input, flags: {...none, ...flags}}, argv.join(' '));
	}
});

test('--version alone', async () => {
	assert.deepEqual(await parseCommandLine(['--version']), {kind: 'version'});
});

test('a flag with no value, or an on/off flag given one, is a problem the catalog words', async () => {
	const errors: Array<[string[], 'needsValue' | 'takesNoValue', string]> = [
		[['--namespace'], 'needsValue', '--namespace'],
		[['-n'], 'needsValue', '--namespace'],
		[['--namespace', '--readonly'], 'needsValue', '--namespace'],
		[['sandbox', '--port'], 'needsValue', '--port'],
		[['--kubeconfig', '-A'], 'needsValue', '--kubeconfig'],
		[['--readonly=yes'], 'takesNoValue', '--readonly'],
	];
	for (const [argv, problem, flag] of errors) {
		assert.deepEqual(await parseCommandLine(argv), {kind: 'error', problem, flag}, argv.join(' '));
	}
});
