// kubectl's last-applied-configuration annotation, byte for byte: the file's object (with the
// namespace it lands in) encoded as Go encodes it (a newline at the end), with the annotation itself left out and
// `annotations` present even when empty — kubectl's GetModifiedConfiguration.
import {goJson, isJsonMap, type JsonMap} from './go-json.js';

/** Where kubectl keeps the configuration it last applied. */
export const lastAppliedKey = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The object kubectl apply sends (the annotation included) and the annotation's text.
 *
 * @example withLastApplied({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p'}}).lastApplied
 *   // '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"p"}}\n'
 */
export function withLastApplied(object: JsonMap): {modified: JsonMap; lastApplied: string} {
	const metadata = isJsonMap(object['metadata']) ? object['metadata'] : {};
	const annotations = isJsonMap(metadata['annotations']) ? {...metadata['annotations']} : {};
	delete annotations[lastAppliedKey];
	// kubectl encodes with json.Encoder, which ends the text with a newline; the annotation keeps it.
	const lastApplied = `${goJson({...object, metadata: {...metadata, annotations}})}\n`;
	return {modified: {...object, metadata: {...metadata, annotations: {...annotations, [lastAppliedKey]: lastApplied}}}, lastApplied};
}

/** The configuration last applied to a live object, or undefined when it has none (or not JSON). */
export function lastAppliedOf(live: JsonMap): JsonMap | undefined {
	const metadata = live['metadata'];
	const text = isJsonMap(metadata) && isJsonMap(metadata['annotations']) ? metadata['annotations'][lastAppliedKey] : undefined;
	if (typeof text !== 'string') {
		return undefined;
	}
	try {
		const parsed: unknown = JSON.parse(text);
		return isJsonMap(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}
