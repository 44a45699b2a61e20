import type {ListMeta} from '../k8s/types.js';
import {ApiError} from './api-client.js';

/** What one list request asks for: a page of `limit` objects, from `continue` on. */
export interface ListRequest {
	/** undefined asks for a consistent read (from etcd, the only read a real server pages). */
	resourceVersion?: string;
	limit?: number;
	continue?: string;
	signal: AbortSignal;
}

/** Lists one page, handing each object to onItem as it is read; resolves with the page's list metadata. */
export type ListPage<Raw> = (request: ListRequest, onItem: (raw: Raw) => void) => Promise<{metadata: ListMeta}>;

/** How far a paged list has come: objects read so far, and the server's estimate of the total. */
export interface ListProgress {
	loaded: number;
	/** loaded + the server's remainingItemCount; absent when the server does not count (a selector is set). */
	total?: number;
}

export interface PagedListHandlers<Raw> {
	item(raw: Raw): void;
	/** After every page but the last: what is there can be shown. */
	page(progress: ListProgress): void;
	/** The continue token expired (410): everything handed over so far is void, a full list follows. */
	restart(): void;
}

/**
 * Lists a collection in pages, as kubectl does (`limit=500`), so the first rows can be
 * shown while the rest are still read: a first page of `firstPage` objects, then pages of
 * `restPage` (0: all the rest in one continued request, which a real server streams from
 * the same snapshot; one request and one render fewer per 500 objects). All pages are one
 * snapshot (the first page's resourceVersion), which the watch starts from. A continue
 * token the server has compacted away (410 Gone) ends in one unpaged list, as client-go's
 * pager falls back.
 */
export async function listInPages<Raw>(list: ListPage<Raw>, {firstPage, restPage, signal}: {firstPage: number; restPage: number; signal: AbortSignal}, handlers: PagedListHandlers<Raw>): Promise<{metadata: ListMeta}> {
	let loaded = 0;
	const onItem = (raw: Raw) => {
		loaded++;
		handlers.item(raw);
	};

	let page = await list({limit: firstPage, signal}, onItem);
	while (page.metadata.continue) {
		const remaining = page.metadata.remainingItemCount;
		handlers.page({loaded, total: remaining === undefined ? undefined : loaded + remaining});
		try {
			// eslint-disable-next-line no-await-in-loop
			page = await list({limit: restPage, continue: page.metadata.continue, signal}, onItem);
		} catch (error) {
			if (!(error instanceof ApiError && error.code === 410)) throw error;
			handlers.restart();
			loaded = 0;
			// eslint-disable-next-line no-await-in-loop
			return list({signal}, onItem);
		}
	}

	return page;
}
