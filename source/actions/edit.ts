// `kubectl edit`: the object as YAML in the user's $EDITOR, then an update (PUT) carrying the
// resourceVersion it was read at, so a change made meanwhile is a 409 and never overwritten.
// Invalid YAML or a rejected update reopens the editor with the reasons at the top, as
// kubectl does; an unchanged file sends nothing.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import yaml from 'js-yaml';
import type {KubeConfig} from '@kubernetes/client-node';
import {objectYaml, withoutManagedFields} from '../format/yaml.js';
import type {KubeObject} from '../k8s/types.js';
import {apiErrorCode, serverError} from './errors.js';
import {shellQuote} from './kubectl-command.js';
import {ObjectClient} from './object-client.js';
import type {ActionResult} from './types.js';
import {t} from '../i18n/index.js';

/** The object to edit. */
export interface EditTarget {
	kind: 'Pod' | 'Service';
	namespace: string;
	name: string;
}

/** An edit's outcome; `conflict`: the object changed since it was read (409), a reload is offered. */
export type EditResult = ActionResult & {conflict?: boolean};

/** Hands the terminal to the editor on `file` and resolves when it exits (false: it could not be started or failed). */
export type RunEditor = (file: string) => Promise<{ok: true} | {ok: false; message: string}>;

/** What kubectl puts at the top of the file it opens. */
export const editHeader = [
	"# Please edit the object below. Lines beginning with a '#' will be ignored,",
	'# and an empty file will abort the edit. If an error occurs while saving this file will be',
	'# reopened with the relevant failures.',
	'#',
];

/** The file's text: kubectl's header, the reasons of the last failure (if any), the YAML. */
export function editFileText(body: string, reasons: readonly string[] = []): string {
	const failure = reasons.length > 0 ? [...reasons.map((line, index) => (index === 0 ? `# ${line}` : `# * ${line}`)), '#'] : [];
	return `${[...editHeader, ...failure].join('\n')}\n${body}`;
}

/** The edited text without its comment lines (kubectl drops every line starting with '#'). */
export function stripComments(text: string): string {
	return text
		.split('\n')
		.filter(line => !line.trimStart().startsWith('#'))
		.join('\n');
}

/** Why the server refused an update, as kubectl puts it at the top of the reopened file. */
function rejectionLines(error: unknown, kind: string, name: string): string[] {
	const status = serverError(error);
	if (!status) {
		return [`error: ${(error as Error).message}`];
	}
	const causes = status.details?.causes ?? [];
	if (status.code === 422 && causes.length > 0) {
		return [
			`${kind.toLowerCase()}s "${name}" was not valid:`,
			...causes.map(cause => `${cause.field ? `${cause.field}: ` : ''}${cause.message ?? ''}`),
		];
	}

	return [`error: ${status.message}`];
}

/**
 * Edits one pod or service as `kubectl edit` does; the result's lines are kubectl's.
 * @example (await editObject(kc, {kind: 'Pod', namespace: 'default', name: 'web'}, run, {contextNamespace: 'default'})).lines // ['pod/web edited']
 */
export async function editObject(
	kc: KubeConfig,
	target: EditTarget,
	runEditor: RunEditor,
	options: {contextNamespace: string},
): Promise<EditResult> {
	const word = target.kind.toLowerCase();
	const kubectl = `kubectl edit ${word} ${shellQuote(target.name)}${target.namespace === options.contextNamespace ? '' : ` -n ${shellQuote(target.namespace)}`}`;
	const client = ObjectClient.forConfig(kc);
	const path = `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/${word}s/${encodeURIComponent(target.name)}`;
	let original: KubeObject;
	try {
		original = await client.get(path);
	} catch (error) {
		return {ok: false, lines: [`Error from server: ${serverError(error)?.message ?? (error as Error).message}`], kubectl};
	}

	const body = objectYaml(withoutManagedFields({apiVersion: 'v1', kind: target.kind, ...original} as Record<string, unknown>));
	const directory = mkdtempSync(join(tmpdir(), 'kpods-edit-'));
	const file = join(directory, `${target.name}.yaml`);
	let shown = editFileText(body);
	let reopened = false;
	try {
		for (;;) {
			writeFileSync(file, shown, {mode: 0o600});
			const ran = await runEditor(file);
			if (!ran.ok) {
				return {ok: false, lines: [`error: ${ran.message}`], kubectl};
			}
			const edited = readFileSync(file, 'utf8');
			const content = stripComments(edited);
			if (content.trim() === '') {
				return {ok: true, lines: ['Edit cancelled, saved file was empty.'], kubectl};
			}
			if (content === stripComments(shown)) {
				return reopened
					? {ok: false, lines: ['Edit cancelled, no valid changes were saved.'], kubectl}
					: {ok: true, lines: ['Edit cancelled, no changes made.'], kubectl};
			}

			let object: Record<string, unknown>;
			try {
				object = yaml.load(content) as Record<string, unknown>;
				if (typeof object !== 'object' || object === null || Array.isArray(object)) {
					throw new Error('the file does not hold one object');
				}
			} catch (error) {
				reopened = true;
				shown = editFileText(content, [`The edited file had a syntax error: ${(error as Error).message.split('\n')[0]}`]);
				continue;
			}

			// The update carries the version the object was read at: a change made since is a conflict.
			const metadata = {...(object['metadata'] as Record<string, unknown> | undefined), resourceVersion: original.metadata.resourceVersion};
			try {
				await client.replaceAt(path, {...object, metadata});
				return {ok: true, lines: [`${word}/${target.name} edited`], kubectl};
			} catch (error) {
				if (apiErrorCode(error) === 409) {
					return {
						ok: false,
						conflict: true,
						lines: [`error: ${serverError(error)?.message ?? 'conflict'}`, t('edit.changed')],
						kubectl,
					};
				}

				reopened = true;
				shown = editFileText(content, rejectionLines(error, target.kind, target.name));
			}
		}
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}
