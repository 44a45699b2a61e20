// Every word kpods writes itself comes from the catalog: a string of language that reaches the
// screen or the terminal outside it fails here. kubectl's words (its cells, describe, its output
// lines and messages) and the server's stay as they write them: those are listed below, each with
// where it comes from, so a new one is a decision, not an accident.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {test} from 'node:test';
import {isLanguage, screenStrings} from './screen-strings.js';

const root = join(import.meta.dirname, '..', '..');
const source = join(root, 'source');

/** What is checked: everything but kubectl's printers and describers (format/, describe/), the sandbox server, and the catalog. */
const checked = [
	'ui',
	'state',
	'keys',
	'derive',
	'actions',
	'cluster',
	'manifests',
	'app.tsx',
	'cli.tsx',
	'start.ts',
	'sandbox/command.ts',
];

/** Text that is not kpods' to translate, by file: what kubectl, client-go or the API server write. */
const notKpods: Record<string, string[]> = {
	// A colour name (the field is called error).
	'ui/theme.ts': ['red'],
	// kubectl's prefix of a server error.
	'ui/hooks/open-logs.ts': ['Error from server:'],
	'ui/hooks/use-object-yaml.ts': ['Error from server:'],
	// The detail's two texts (modes, not words shown).
	'state/detail-keys.ts': ['describe', 'yaml'],
	'state/pane-keys.ts': ['yaml'],
	// kubectl apply's word for a changed object.
	'state/outcomes.ts': ['configured'],
	// The API server's field.Invalid, as kubectl run prints it.
	'state/prompt-keys.ts': ['Invalid value: " ":'],
	// The API server's NotFound for a node's lease, which kubectl describe node prints after "Failed to get lease:".
	'derive/describe.ts': ['leases.coordination.k8s.io " " not found'],
	// kubectl port-forward's own errors.
	'derive/forward-plan.ts': [
		"cannot attach to *v1.Service: invalid service ' ': Service is defined without a selector",
		'no pods found for service   (selector  )',
	],
	// kubectl apply --dry-run=server, kubectl delete, kubectl edit, kubectl run: their output lines.
	'actions/apply.ts': ['(server dry run)'],
	'actions/kubectl-command.ts': ['error: no objects passed to apply'],
	'actions/delete.ts': ['" " deleted'],
	'actions/edit.ts': [
		's " " was not valid:',
		'Error from server:',
		'error:',
		'Edit cancelled, saved file was empty.',
		'Edit cancelled, no valid changes were saved.',
		'Edit cancelled, no changes made.',
		'/  edited',
		'conflict',
	],
	'actions/run.ts': [
		'Invalid value:  :',
		'Required value: name or generateName is required',
		'Required value',
		'spec.containers[0].name',
		'spec.containers[0].image',
		'pod/  created',
	],
	// kubectl's error lines (its prefixes, a 422's first line), and apimachinery's for a Status without a message.
	'actions/errors.ts': [
		'error: You must be logged in to the server ( )',
		'Error from server ( ):',
		'Error from server:',
		'Unable to connect to the server:',
		'error:',
		'The     is invalid',
		'The request is invalid',
		'InternalError',
		'an error on the server ( ) has prevented the request from succeeding',
		'the server responded with the status code   but did not return more information',
	],
	// OpenAPI type names.
	'actions/openapi-schema.ts': ['map', 'array'],
	// client-go's kubeconfig loading errors, as kubectl prints them.
	'cluster/kubeconfig.ts': [
		'stat  : no such file or directory',
		'error loading config file " ":',
		'permission denied',
		'is a directory',
		'error loading config:',
		'context was not found for specified context:',
		'yaml: line  :',
	],
};

function files(path: string): string[] {
	if (/\.tsx?$/.test(path)) {
		return [path];
	}
	return readdirSync(path, {withFileTypes: true}).flatMap(entry => files(join(path, entry.name)));
}

test('no user-visible string outside the catalog, but kubectl’s and the server’s words', () => {
	const offences = checked
		.flatMap(path => files(join(source, path)))
		.flatMap(file => screenStrings(relative(source, file), readFileSync(file, 'utf8')))
		.filter(found => !(notKpods[found.file] ?? []).includes(found.text))
		.map(found => `source/${found.file}:${found.line}  ${found.text}`);
	assert.deepEqual(offences, [], 'words written outside the catalog: put them in source/i18n/messages (both languages) and call t()');
});

test('the check catches a regression: JSX text, a status line, a fitLine, a field, a const, a branch, a …Text function', () => {
	const sample = `
		import {Text} from './text.js';
		const title = 'Pods of the namespace';
		export function Bad({ok}: {ok: boolean}) {
			update(state => withStatus(state, 'nothing selected', 'warn'));
			const line = {text: ok ? 'all done' : 'it failed', tone: 'ok'};
			return (
				<Box>
					<Text>Starting the sandbox</Text>
					<Text>{fitLine(title, 80)}</Text>
					<Text>{\`deleting \${name}…\`}</Text>
					<Text>{t('status.nothingSelected')}</Text>
					<Text>{'↑↓'}</Text>
				</Box>
			);
		}
		const stateText = (live: boolean) => (live ? 'live' : 'kubectl get pods --watch');
	`;
	assert.deepEqual(
		screenStrings('sample.tsx', sample).map(found => `${found.line} ${found.text}`),
		// The const is reported where it is written.
		['5 nothing selected', '6 all done', '6 it failed', '9 Starting the sandbox', '3 Pods of the namespace', '11 deleting  …', '17 live'],
	);
});

test('language is told from commands, keys, references and catalog keys', () => {
	for (const text of [
		'kubectl get pods -o wide',
		'$ kubectl logs -f web',
		'↑↓',
		'pod/web',
		'<none>',
		'status.nothingSelected',
		'--readonly',
		': ',
		'8080:80',
	]) {
		assert.equal(isLanguage(text), false, text);
	}
	for (const text of ['nothing selected', 'Apply 2 objects?', 'falhou', 'pod/web is gone']) {
		assert.equal(isLanguage(text), true, text);
	}
});
