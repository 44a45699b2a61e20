import type {IncomingMessage, ServerResponse} from 'node:http';
import type {ResourceInfo} from './resources.js';
import type {Store} from './store.js';
import type {Registry} from './registry.js';
import type {Authorizer} from './access-review.js';

// What the request handlers share, in a module of its own so that handlers.ts and
// patch-handler.ts both depend on it rather than on each other.

/** One resource request after routing and authorization. */
export interface ResourceRequest {
	info: ResourceInfo;
	namespace?: string;
	name?: string;
	subresource?: string;
	/** `/api/v1/watch/...` paths: always a watch. */
	legacyWatch: boolean;
	url: URL;
	/** What the requesting user may do (for SelfSubjectAccessReview). */
	can: Authorizer;
	request: IncomingMessage;
	response: ServerResponse;
}

/** What the handlers need from the running sandbox. */
export interface HandlerContext {
	store: Store;
	registry: Registry;
	now: () => number;
	bookmarkMs: number;
	/** How long a list at a resourceVersion not reached yet waits before 504 (the watch cache waits 3 s). */
	freshWaitMs: number;
	/** Open watch streams per resource (for tests that wait until a client watches). */
	watches: Map<string, number>;
	/** Whether protobuf is served where asked. */
	protobuf: boolean;
}
