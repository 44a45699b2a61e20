import type {ListMeta} from '../k8s/types.js';

/** What one list request asks for. */
export interface ListRequest {
	/** '0' lets a real server answer from its watch cache (fast, never paged); undefined is a consistent read (from etcd, paged). */
	resourceVersion?: string;
	limit?: number;
	continue?: string;
	signal: AbortSignal;
	/** Called before each piece of the body is read: a promise holds the reading back until it settles. */
	ready?: () => Promise<void> | undefined;
}

/** Lists one page, handing each object to onItem as it is read; resolves with the page's list metadata. */
export type ListPage<Raw> = (request: ListRequest, onItem: (raw: Raw) => void) => Promise<{metadata: ListMeta}>;

/** How far the first list has come: the objects shown, and the server's count of all (remainingItemCount). */
export interface ListProgress {
	loaded: number;
	/** loaded + the server's remainingItemCount; absent when the server does not count (a selector is set). */
	total?: number;
}

/**
 * Lists a collection whole and, beside it, its first page of `firstPage` objects (a screen of
 * rows), handed to onPreview when it arrives before the whole list and there is more
 * (a `continue` token): the first rows are on screen while the rest stream. A page that comes
 * first holding every object (no `continue`) is the whole list: it resolves with those objects as
 * `page` (what onItem was handed from the other request is to be dropped) and the other request is
 * aborted. That is a small namespace's usual case, and its rows need not wait for the second
 * answer, read only once the UI has loaded (measured on the lab: 0.1–0.2 s later).
 *
 * Why two requests rather than following the page's continue token: a continued request
 * can only be sent once the first page's metadata is read, so the server starts encoding the
 * rest only then, while the client is still loading its UI; measured on the sandbox at
 * 10,000 pods, all rows came 2 s later that way (bench/first-rows.ts). The whole list goes
 * out at once instead, as before (`resourceVersion=0`: a real server's watch cache, the
 * fastest read it has); the page is a consistent read, the only one a real server pages, and
 * a watch can follow its resourceVersion as well.
 *
 * The page is on screen first: once its first object has come before the whole list's, the
 * whole list's body waits on the wire until the page is read and drawn (onPreview's promise).
 * All of it is read on the one thread that also loads the UI and draws: read in the gaps of the
 * UI's loading, the whole list put the page's frame behind its own reading and so was often
 * the first frame itself (the sandbox, 3,000 pods: first rows = all rows); held, it costs all
 * rows only the frame of the page (bench/first-rows.ts, the readme).
 *
 * A page with more to come that arrives after the whole list's first object is dropped (its
 * request aborted, never shown): the rest is already coming then.
 */
export async function listWithPreview<Raw>(
	list: ListPage<Raw>,
	{firstPage, resourceVersion, signal}: {firstPage: number; resourceVersion?: string; signal: AbortSignal},
	onItem: (raw: Raw) => void,
	onPreview: (page: Raw[], progress: ListProgress) => Promise<void> | undefined,
): Promise<{metadata: ListMeta; page?: Raw[]}> {
	if (firstPage <= 0) {
		return list({resourceVersion, signal}, onItem);
	}
	let done = false;
	let wholeStarted = false;
	let pageFirst = false;
	let onScreen: Promise<void> | undefined;
	const pageRequest = new AbortController();
	const page: Raw[] = [];
	// Sent first, so a server answering in order answers it first; a failure here is the whole list's to report.
	const pageRead = list({limit: firstPage, signal: AbortSignal.any([signal, pageRequest.signal])}, raw => {
		pageFirst ||= !wholeStarted;
		page.push(raw);
	}).then(
		({metadata}) => {
			if (done) {
				return undefined;
			}
			if (!metadata.continue) {
				return {metadata, page};
			}
			if (wholeStarted) {
				return undefined;
			}
			const remaining = metadata.remainingItemCount;
			onScreen = onPreview(page, {loaded: page.length, total: remaining === undefined ? undefined : page.length + remaining});
			return undefined;
		},
		() => undefined,
	);
	// The whole list's reading waits for the page (read, then on screen) once the page came first.
	let pageDone: Promise<void> | undefined;
	let pageSettled = false;
	const ready = () => {
		if (!pageFirst || pageSettled) {
			return undefined;
		}
		pageDone ??= pageRead
			.then(async () => onScreen)
			.then(() => {
				pageSettled = true;
			});
		return pageDone;
	};
	const whole = new AbortController();
	const abortWhole = () => whole.abort();
	signal.addEventListener('abort', abortWhole, {once: true});
	const wholeRead = list({resourceVersion, signal: whole.signal, ready}, raw => {
		if (!wholeStarted) {
			wholeStarted = true;
			pageRequest.abort();
		}
		onItem(raw);
	});
	try {
		const first: {metadata: ListMeta; page?: Raw[]} = await Promise.race([wholeRead, pageRead.then(complete => complete ?? wholeRead)]);
		if (!first.page) {
			return {metadata: first.metadata};
		}
		wholeRead.catch(() => undefined); // aborted here: its failure is nobody's
		whole.abort();
		return {metadata: first.metadata, page: first.page};
	} finally {
		done = true;
		pageRequest.abort(); // a page still on the wire is nobody's now
		signal.removeEventListener('abort', abortWhole);
	}
}
