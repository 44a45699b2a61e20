// What legitimately varies between two servers answering the same requests, replaced by
// placeholders before comparing: generated names, uids, resourceVersions, times, IPs,
// allocated ports, the scenario's namespace (random per run) and node names.

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ipv4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const rfc3339 = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})\b/g;

// Whole values replaced wherever the key appears.
const maskedKeys: Record<string, string> = {
	uid: '<uid>',
	resourceVersion: '<rv>',
	continue: '<continue>',
	nodePort: '<nodePort>',
	healthCheckNodePort: '<nodePort>',
	containerID: '<containerID>',
	imageID: '<imageID>',
	nodeName: '<node>',
	hostname: '<node>',
	selfLink: '<selfLink>',
	generation: '<generation>',
};

// Messages carry revisions the two servers number differently.
const messageRules: Array<[RegExp, string]> = [
	[/too old resource version: (\d+) \((\d+)\)/g, 'too old resource version: $1 (<rv>)'],
	[/current: \d+/g, 'current: <rv>'],
	[/ResourceVersion in object meta: \d+/g, 'ResourceVersion in object meta: <rv>'],
];

/** What the mask needs to know about the run. */
export interface MaskContext {
	/** The scenario's namespace: replaced by `{ns}` in every string. */
	namespace: string;
}

function maskString(text: string, context: MaskContext): string {
	let masked = text
		.split(context.namespace)
		.join('{ns}')
		.replace(uuid, '<uid>')
		.replace(rfc3339, '<time>')
		.replace(ipv4, '<ip>')
		// Service-account token volumes: default-token-abcde (≤ v1.20), kube-api-access-abcde (v1.21+).
		.replace(/\b(default-token|kube-api-access)-[a-z0-9]{5}\b/g, '$1-<x>');
	for (const [pattern, replacement] of messageRules) {
		masked = masked.replace(pattern, replacement);
	}

	return masked;
}

/** A copy of a JSON value with what varies between servers replaced by placeholders. */
export function mask(value: unknown, context: MaskContext): unknown {
	if (typeof value === 'string') {
		return maskString(value, context);
	}

	if (Array.isArray(value)) {
		return value.map(item => mask(item, context));
	}

	if (value === null || typeof value !== 'object') {
		return value;
	}

	const object = value as Record<string, unknown>;
	const generated = isRecord(object['metadata']) && typeof object['metadata']['generateName'] === 'string';
	const result: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(object)) {
		if (key in maskedKeys && item !== undefined && item !== null && item !== '' && item !== 0) {
			result[key] = maskedKeys[key];
		} else if (/(?:Time|Timestamp|At)$/.test(key) && typeof item === 'string') {
			result[key] = '<time>';
		} else if (key === 'time' && typeof item === 'string') {
			result[key] = '<time>';
		} else {
			result[key] = mask(item, context);
		}
	}

	if (generated) {
		(result['metadata'] as Record<string, unknown>)['name'] = '<generated>';
	}

	return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value at a dotted path (`spec.ports.0.port`, `-1.type`); `*` maps over an array or object's values. */
export function pick(value: unknown, path: string): unknown {
	const [head, ...rest] = path.split('.');
	if (head === undefined || head === '') {
		return value;
	}

	if (head === '*') {
		const items = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : [];
		return items.map(item => pick(item, rest.join('.')));
	}

	if (Array.isArray(value)) {
		// A negative index counts from the end (`-1` is the last event of a watch).
		const index = Number(head);
		return pick(value.at(index), rest.join('.'));
	}

	return isRecord(value) ? pick(value[head], rest.join('.')) : undefined;
}
