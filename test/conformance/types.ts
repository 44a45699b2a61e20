// The shape of the differential conformance suite's data: scenarios are sequences of raw HTTP
// requests, run the same way against the sandbox and a real API server, and compared.

/** What of an answer two servers must agree on. */
export type Compare =
	/** The status code only (set-up steps, or answers that legitimately differ in body). */
	| 'code'
	/** Code, and for a Status body its reason, message, details and causes (not the object). */
	| 'status'
	/** Code and the whole masked body (the default). */
	| 'all'
	/** Code and these dotted paths of the body (`spec.ports.0.port`, `items.*.metadata.name`). */
	| string[];

/** One raw request of a scenario. `{ns}` and `{saved}` names in path, query and body are replaced. */
export interface Step {
	/** A short label for reports (defaults to `METHOD path`). */
	name?: string;
	method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	path: string;
	query?: Record<string, string>;
	/** An object is sent as JSON (or as given with `contentType`); a string is sent as is. */
	body?: unknown;
	contentType?: string;
	accept?: string;
	/** Default 'all'. */
	compare?: Compare;
	/** A watch: read newline-delimited events until `events` have come, the stream ends, or `timeoutMs`. */
	watch?: {events?: number; timeoutMs?: number};
	/** Repeat the request until the answer has this code (and `path` equals `equals`), up to `timeoutMs`. */
	until?: {code?: number; path?: string; equals?: unknown; absent?: boolean; timeoutMs?: number};
	/** Values of this answer kept for later steps: `{rv: 'metadata.resourceVersion'}` → `{rv}`. */
	save?: Record<string, string>;
	/** The code both servers must answer (a sanity check that the scenario does what it says). */
	expect?: number;
	/**
	 * The Status lists its errors in an order that is not part of the answer (the server ranges
	 * over a Go map): the message's `[…]` list and the causes are compared as sets.
	 */
	unorderedErrors?: boolean;
}

/** A named sequence of requests in a namespace of its own. */
export interface Scenario {
	/** Unique, short, DNS-label characters: `area-what` (also the fixture's file name). */
	id: string;
	/** What the scenario shows, in one line. */
	title: string;
	steps: Step[];
	/**
	 * A known sandbox gap not fixed yet: the scenario still runs and its differences are printed,
	 * but node:test reports it as todo, not as a failure. Say what is wrong.
	 */
	todo?: string;
	/** Runs only against servers at or after this minor version (e.g. '1.27'); the fixture half compares only what both can. */
	minVersion?: string;
}

/** One answer as recorded: code and (masked) body; a watch's body is its events. */
export interface Answer {
	step: string;
	code: number;
	body: unknown;
	/** Values the step saved (raw, unmasked; not written to fixtures). */
	saved?: Record<string, string>;
}

/** A scenario's answers from one server. */
export interface Transcript {
	scenario: string;
	/** `/version` gitVersion of the server that answered. */
	server: string;
	answers: Answer[];
}
