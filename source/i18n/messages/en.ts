import {clusterEn} from './en/cluster.js';
import {keysEn} from './en/keys.js';
import {screenEn} from './en/screen.js';
import {servicesEn} from './en/services.js';
import {statusEn} from './en/status.js';

/** English messages: the catalog's source language (its keys and placeholders are the ones every language has). */
export const en = {
	...keysEn,
	...screenEn,
	...statusEn,
	...servicesEn,
	...clusterEn,
	// The command line: --help, the flags' lines, and the one-line answers to a mistake.
	'cli.usage': `
  A keyboard-driven terminal UI for Kubernetes pods and services, kubectl-exact and live, with a built-in sandbox cluster

  Usage
    $ kpods [flags]                  watch and manage pods and services, live
    $ kpods --sandbox                the same, on a built-in sandbox cluster
    $ kpods sandbox [--port N] [--kubeconfig-out FILE]
                                     serve the sandbox for kubectl (Ctrl-C stops it)

  Flags (kubectl's names)
{flags}
    --help, --version

  Keys: ? in kpods lists them all.  Without a terminal kpods exits with status 2.
`,
	'cli.flag.kubeconfig': 'kubeconfig to use (default: $KUBECONFIG, else ~/.kube/config)',
	'cli.flag.context': 'kubeconfig context to use (default: the current context)',
	'cli.flag.namespace': "namespace to show (default: the context's, else default)",
	'cli.flag.allNamespaces': 'show every namespace (adds a NAMESPACE column, as kubectl does)',
	'cli.flag.readonly': 'refuse every key that changes the cluster, saying so',
	'cli.flag.manifests': "also list the manifests in DIR (besides the tutorial's)",
	'cli.flag.sandbox': 'start the built-in sandbox cluster and open on it',
	'cli.flag.lang': 'language: en or pt-BR (default: from LC_ALL, LC_MESSAGES, LANG)',
	'cli.unknownFlag': 'unknown flag {flag} (kpods --help lists them)',
	'cli.badLanguage': '--lang must be en or pt-BR, not "{value}"',
	'cli.sandboxArgument': 'unexpected argument "{argument}" (kpods sandbox [--port N] [--kubeconfig-out FILE])',
	'cli.badPort': '--port must be a port number (0-65535), not {value}',
	'cli.unknownCommand': 'unknown command "{command}" (kpods [flags], or kpods sandbox)',
	'cli.needsValue': '{flag} needs a value',
	'cli.takesNoValue': '{flag} takes no value ({flag}=false turns it off)',
	'cli.noSuchDirectory': '--manifests {path}: no such directory',
	'cli.notDirectory': '--manifests {path}: not a directory (kpods lists the manifests in a folder)',
	'cli.needsTerminal':
		'kpods is interactive and needs a terminal (stdin and stdout must be a TTY); for a server kubectl can use, run: kpods sandbox',

	// Results of actions: the status line, the apply's summary and its y/N question.
	'outcome.done': 'done',
	'outcome.failed': 'failed',
	'outcome.more': '{first} (+{more} more, h: history)',
	'apply.objects': {zero: 'no objects', one: '{count} object', other: '{count} objects'},
	'apply.created': {one: '{count} created', other: '{count} created'},
	'apply.configured': {one: '{count} configured', other: '{count} configured'},
	'apply.unchanged': {one: '{count} unchanged', other: '{count} unchanged'},
	'apply.failed': {one: '{count} failed', other: '{count} failed'},
	'apply.applied': {
		one: 'applied {count} object: {counts}',
		other: 'applied {count} objects: {counts}',
	},
	'apply.question': {
		one: 'Apply {count} object? dry run: {counts}',
		other: 'Apply {count} objects? dry run: {counts}',
	},
	'apply.moreFields': ', +{count} more',
	'apply.nothing': 'no manifests to apply',
	'apply.dryRunning': 'dry run of {objects}…',
	'apply.applying': 'applying {objects}…',
	'namespaces.listing': 'listing namespaces…',
	'namespaces.cannotList': 'cannot list namespaces: {message}',
	'namespaces.typeOne': 'cannot list namespaces ({message}); type one',
	// kpods sandbox: what the command line says (after "kpods sandbox: ").
	'sandbox.portInUse': 'port {port} on 127.0.0.1 is already in use (choose another with --port, or --port 0 for a free one)',
	'sandbox.portNotAllowed': 'not allowed to listen on port {port} (choose a port above 1023)',
	'sandbox.cannotStart': 'could not start: {message}',
	'sandbox.symbolicLink': 'it is a symbolic link (kpods does not follow one with a token to write)',
	'sandbox.cannotWrite': 'cannot write the kubeconfig to {file}: {reason}',
	'sandbox.banner': `kpods sandbox: a simulated Kubernetes cluster for learning and tests — not a real cluster:
no containers run; a simulated scheduler and kubelet move pods through their life.

  API server   {url}  (Kubernetes v1.32 API, node "minikube"; plain http on the same port)
  kubeconfig   {file}

Point kubectl at it:
  export KUBECONFIG={file}
  kubectl get pods

Press Ctrl-C to stop.
`,
	'sandbox.stopped': 'stopped.',
} as const;
