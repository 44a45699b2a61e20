import {isAbsolute, relative, resolve} from 'node:path';
import jsYaml, {CORE_SCHEMA, loadAll, YAMLException} from 'js-yaml';
import type {Schema, Type} from 'js-yaml';
import type {KubeObject} from '../k8s/types.js';
import type {ManifestDocument, ManifestFile} from './types.js';
import {t} from '../i18n/index.js';

// The API server decodes YAML with sigs.k8s.io/yaml, which keeps unquoted dates as strings
// and understands `<<` merge keys: the core schema plus merge is the nearest js-yaml match
// (js-yaml's default schema would turn `2024-01-01` into a Date).
const mergeType = (jsYaml as unknown as {types?: {merge?: Type}}).types?.merge;
const manifestSchema: Schema = mergeType ? CORE_SCHEMA.extend({implicit: [mergeType]}) : CORE_SCHEMA;

/**
 * Parses a manifest file's text (YAML or JSON, one or more documents) into its documents.
 *
 * @example parseManifest(text, '/home/me/manifests/svc-pod.yaml', '/home/me').displayPath === 'manifests/svc-pod.yaml'
 */
export function parseManifest(text: string, path: string, cwd: string = process.cwd()): ManifestFile {
	const absolute = resolve(cwd, path);
	const file: ManifestFile = {path: absolute, displayPath: displayPathFor(absolute, cwd), text, documents: []};
	// The listener sees each document's root node open at nesting depth 0: that gives the
	// line of every document, empty ones included, in the same order loadAll returns them.
	const starts: number[] = [];
	let depth = 0;
	let values: unknown[];
	try {
		values = loadAll(text, null, {
			filename: file.displayPath,
			schema: manifestSchema,
			listener(event, state) {
				if (event === 'open') {
					if (depth === 0) {
						starts.push(state.line + 1);
					}
					depth++;
				} else {
					depth--;
				}
			},
		});
	} catch (error) {
		file.parseError = parseErrorLine(error);
		return file;
	}
	// js-yaml shares an aliased node instead of copying it, so an alias bomb loads small and
	// explodes later (in JSON, in apply): refuse it here, as kubectl does ("excessive aliasing").
	const bomb = values.findIndex(value => expandsBeyond(value, expansionLimit));
	if (bomb !== -1) {
		file.parseError = `line ${starts[bomb] ?? 1}: document contains excessive aliasing (more than ${expansionLimit.toLocaleString('en')} values once aliases are expanded)`;
		return file;
	}

	values.forEach((value, i) => {
		if (value === null || value === undefined) {
			return; // '---' alone or only comments
		}
		file.documents.push(toDocument(value, file.documents.length, starts[i] ?? 1));
	});
	return file;
}

/** Values (nodes, strings counted by their length / 64) a document may expand to: far beyond any 3 MiB manifest written out. */
const expansionLimit = 1_000_000;

/** Whether a loaded value, with every alias expanded, holds more than `limit` values; stops counting there. */
function expandsBeyond(root: unknown, limit: number): boolean {
	let count = 0;
	const stack: unknown[] = [root];
	while (stack.length > 0) {
		const value = stack.pop();
		count += typeof value === 'string' ? 1 + Math.floor(value.length / 64) : 1;
		if (count > limit) {
			return true;
		}
		if (Array.isArray(value)) {
			for (const item of value) {
				stack.push(item);
			}
		} else if (value && typeof value === 'object') {
			for (const item of Object.values(value)) {
				stack.push(item);
			}
		}
	}

	return false;
}

/** The path as a learner would type it: relative to cwd when inside it, else absolute. */
export function displayPathFor(path: string, cwd: string = process.cwd()): string {
	const absolute = resolve(cwd, path);
	const fromCwd = relative(resolve(cwd), absolute);
	if (fromCwd === '' || fromCwd === '..' || fromCwd.startsWith('../') || fromCwd.startsWith('..\\') || isAbsolute(fromCwd)) {
		return absolute;
	}
	return fromCwd;
}

function parseErrorLine(error: unknown): string {
	if (error instanceof YAMLException) {
		const reason = error.reason || t('manifests.cannotParse');
		return error.mark ? t('manifests.yamlLine', {line: String(error.mark.line + 1), reason}) : reason;
	}
	return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

function kindOfValue(value: unknown): string {
	if (Array.isArray(value)) {
		return t('value.list');
	}
	if (typeof value === 'string') {
		return t('value.string');
	}
	if (typeof value === 'number') {
		return t('value.number');
	}
	if (typeof value === 'boolean') {
		return t('value.boolean');
	}
	return typeof value;
}

function isMapping(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Checks what apply needs from a document, reporting every missing field at once as kubectl's validation does. */
function toDocument(value: unknown, index: number, line: number): ManifestDocument {
	if (!isMapping(value)) {
		return {index, line, error: t('manifests.notMapping', {found: kindOfValue(value)})};
	}
	const document: ManifestDocument = {index, line};
	const problems: string[] = [];
	document.apiVersion = nonEmptyString(value.apiVersion);
	if (!document.apiVersion) {
		problems.push('apiVersion not set');
	}
	document.kind = nonEmptyString(value.kind);
	if (!document.kind) {
		problems.push('kind not set');
	}
	const metadata = value.metadata;
	if (metadata === undefined || metadata === null) {
		problems.push('metadata.name not set');
	} else if (isMapping(metadata)) {
		document.name = nonEmptyString(metadata.name);
		if (!document.name) {
			problems.push('metadata.name not set');
		}
		if (metadata.namespace !== undefined && metadata.namespace !== null && metadata.namespace !== '') {
			document.namespace = nonEmptyString(metadata.namespace);
			if (!document.namespace) {
				problems.push('metadata.namespace is not a string');
			}
		}
	} else {
		problems.push('metadata is not a mapping');
	}
	for (const key of ['apiVersion', 'kind', 'name', 'namespace'] as const) {
		if (document[key] === undefined) {
			delete document[key];
		}
	}
	if (problems.length === 1) {
		document.error = problems[0];
	} else if (problems.length > 1) {
		document.error = `[${problems.join(', ')}]`;
	} else {
		document.object = value as KubeObject;
	}
	return document;
}
