import type {ManifestDocument, ManifestFile} from './types.js';

// The tutorial's rule: "vamos subir os serviços e depois os PODs, sempre nessa ordem" —
// a namespace must exist before anything lands in it, and a service created first gets
// its endpoints as soon as the pods start.
const rank: Record<string, number> = {Namespace: 0, Service: 1};
const restRank = 2;

/**
 * Sorts into the tutorial's apply order: Namespaces, then Services, then everything else;
 * items of the same rank keep their order.
 */
export function applyOrder<T extends {kind?: string}>(items: T[]): T[] {
	return items
		.map((item, position) => ({item, position, rank: rank[item.kind ?? ''] ?? restRank}))
		.sort((a, b) => a.rank - b.rank || a.position - b.position)
		.map(entry => entry.item);
}

/**
 * A one-line summary of a document for the manifests pane, or its error.
 *
 * @example describeDocument(doc) === 'Pod pod-1 (ns: demo)'
 */
export function describeDocument(document: ManifestDocument): string {
	if (document.error !== undefined) {
		return document.error;
	}
	const namespace = document.namespace ? ` (ns: ${document.namespace})` : '';
	return `${document.kind} ${document.name}${namespace}`;
}

/** How many objects the files hold for an apply: a file that does not parse counts as its one error. */
export function objectsToApply(files: readonly ManifestFile[]): number {
	return files.reduce((sum, file) => sum + (file.parseError === undefined ? file.documents.length : 1), 0);
}
