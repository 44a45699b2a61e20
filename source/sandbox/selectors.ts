import type {KubeObject} from '../k8s/types.js';
import {matchesSelector, parseSelector, type Requirement} from '../k8s/labels.js';
import {badRequest} from './status.js';

/** A parsed `fieldSelector`: each term is `field=value` or `field!=value`. */
export interface FieldTerm {
	field: string;
	value: string;
	equal: boolean;
}

/** Label and field selectors of one list or watch request. */
export interface Selection {
	labels: Requirement[];
	fields: FieldTerm[];
}

type FieldGetter = (object: KubeObject) => string | undefined;

const metadataFields: Record<string, FieldGetter> = {
	'metadata.name': object => object.metadata.name,
	'metadata.namespace': object => object.metadata.namespace ?? '',
};

// The fields each resource's field selectors accept, as the API server registers them.
const fieldsByResource: Record<string, Record<string, FieldGetter>> = {
	pods: {
		...metadataFields,
		'spec.nodeName': object => (spec(object)['nodeName'] as string | undefined) ?? '',
		'spec.restartPolicy': object => (spec(object)['restartPolicy'] as string | undefined) ?? '',
		'spec.schedulerName': object => (spec(object)['schedulerName'] as string | undefined) ?? '',
		'spec.serviceAccountName': object => (spec(object)['serviceAccountName'] as string | undefined) ?? '',
		'spec.hostNetwork': object => String(Boolean(spec(object)['hostNetwork'])),
		'status.phase': object => (status(object)['phase'] as string | undefined) ?? '',
		'status.podIP': object => (status(object)['podIP'] as string | undefined) ?? '',
		'status.nominatedNodeName': object => (status(object)['nominatedNodeName'] as string | undefined) ?? '',
	},
	services: {
		...metadataFields,
		'spec.clusterIP': object => (spec(object)['clusterIP'] as string | undefined) ?? '',
		'spec.type': object => (spec(object)['type'] as string | undefined) ?? '',
	},
	namespaces: {
		...metadataFields,
		'status.phase': object => (status(object)['phase'] as string | undefined) ?? '',
	},
	nodes: {
		...metadataFields,
		'spec.unschedulable': object => String(Boolean(spec(object)['unschedulable'])),
	},
	events: {
		...metadataFields,
		'involvedObject.kind': object => involved(object, 'kind'),
		'involvedObject.namespace': object => involved(object, 'namespace'),
		'involvedObject.name': object => involved(object, 'name'),
		'involvedObject.uid': object => involved(object, 'uid'),
		'involvedObject.apiVersion': object => involved(object, 'apiVersion'),
		'involvedObject.resourceVersion': object => involved(object, 'resourceVersion'),
		'involvedObject.fieldPath': object => involved(object, 'fieldPath'),
		reason: object => (object['reason'] as string | undefined) ?? '',
		reportingComponent: object => (object['reportingComponent'] as string | undefined) ?? '',
		source: object => {
			const source = object['source'] as {component?: string} | undefined;
			return source?.component ?? (object['reportingComponent'] as string | undefined) ?? '';
		},
		type: object => (object['type'] as string | undefined) ?? '',
	},
};

/** Parses the `labelSelector` and `fieldSelector` query parameters; a bad one is a 400. */
export function parseSelection(resource: string, labelSelector: string | null, fieldSelector: string | null): Selection {
	let labels: Requirement[] = [];
	if (labelSelector) {
		const parsed = parseSelector(labelSelector);
		if (!parsed.ok) {
			// The parser's text is already the server's (`unable to parse requirement: …` where it says so).
			throw badRequest(parsed.error);
		}

		labels = parsed.requirements;
	}

	const fields = fieldSelector ? parseFieldSelector(fieldSelector) : [];
	const known = fieldsByResource[resource] ?? metadataFields;
	for (const term of fields) {
		if (!known[term.field]) {
			throw badRequest(`field label not supported: ${term.field}`);
		}
	}

	return {labels, fields};
}

/** Whether an object passes both selectors. */
export function selects(resource: string, selection: Selection, object: KubeObject): boolean {
	if (selection.labels.length > 0 && !matchesSelector(selection.labels, object.metadata.labels)) {
		return false;
	}

	if (selection.fields.length === 0) {
		return true;
	}

	const known = fieldsByResource[resource] ?? metadataFields;
	for (const term of selection.fields) {
		const actual = known[term.field]!(object) ?? '';
		if ((actual === term.value) !== term.equal) {
			return false;
		}
	}

	return true;
}

/** Whether a selection filters nothing. */
export function selectsAll(selection: Selection): boolean {
	return selection.labels.length === 0 && selection.fields.length === 0;
}

/** `a=b,c!=d,e==f` with apimachinery's escapes (`\,` `\=` `\\`). */
export function parseFieldSelector(text: string): FieldTerm[] {
	const terms: FieldTerm[] = [];
	for (const part of splitUnescaped(text, ',')) {
		if (part.trim() === '') {
			continue;
		}

		const match = findOperator(part);
		if (!match) {
			throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`);
		}

		terms.push({
			field: part.slice(0, match.index).trim(),
			value: unescapeValue(part.slice(match.index + match.operator.length)),
			equal: match.operator !== '!=',
		});
	}

	return terms;
}

function findOperator(part: string): {index: number; operator: string} | undefined {
	for (let index = 0; index < part.length; index++) {
		const char = part[index];
		if (char === '\\') {
			index++;
			continue;
		}

		if (char === '!' && part[index + 1] === '=') {
			return {index, operator: '!='};
		}

		if (char === '=') {
			return {index, operator: part[index + 1] === '=' ? '==' : '='};
		}
	}

	return undefined;
}

function splitUnescaped(text: string, separator: string): string[] {
	const parts: string[] = [];
	let current = '';
	for (let index = 0; index < text.length; index++) {
		const char = text[index]!;
		if (char === '\\' && index + 1 < text.length) {
			current += char + text[index + 1];
			index++;
		} else if (char === separator) {
			parts.push(current);
			current = '';
		} else {
			current += char;
		}
	}

	parts.push(current);
	return parts;
}

function unescapeValue(value: string): string {
	return value.replaceAll(/\\(.)/g, '$1');
}

function spec(object: KubeObject): Record<string, unknown> {
	return (object['spec'] as Record<string, unknown> | undefined) ?? {};
}

function status(object: KubeObject): Record<string, unknown> {
	return (object['status'] as Record<string, unknown> | undefined) ?? {};
}

function involved(object: KubeObject, field: string): string {
	const reference = object['involvedObject'] as Record<string, string | undefined> | undefined;
	return reference?.[field] ?? '';
}
