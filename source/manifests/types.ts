import type {KubeObject} from '../k8s/types.js';

/** One non-empty document of a manifest file, usable or with the reason it is not. */
export interface ManifestDocument {
	/** Position in the file, 0-based, counting only non-empty documents. */
	index: number;
	/** 1-based line where the document's content starts (after any `---` and leading comments). */
	line: number;
	/** Present when the document is a usable object. */
	object?: KubeObject;
	apiVersion?: string;
	kind?: string;
	name?: string;
	namespace?: string;
	/** One line: why this document cannot be applied. */
	error?: string;
}

/** A manifest file as read from disk: its text, its documents, or why it does not parse. */
export interface ManifestFile {
	/** Absolute path. */
	path: string;
	/** As a learner would type it: relative to the cwd when inside it, else absolute. */
	displayPath: string;
	/** The file's text, for the YAML preview. */
	text: string;
	/** Non-empty documents in file order; empty when the file does not parse. */
	documents: ManifestDocument[];
	/** One line with the parser's reason and line; when set nothing in the file may be applied. */
	parseError?: string;
}
