// What a ListWatchStore is given: where its objects come from, and the knobs of its list, watch
// and frames (resource-store.ts is the loop that uses them).
import type {WatchEvent} from '../k8s/types.js';
import type {FrameHold} from './frame-hold.js';
import type {ListPage} from './pager.js';
import type {WatchHealth} from './shared-probe.js';

/** Whether an updated item shows the same as the one it replaces (no row cell, count or pane changes). */
export type SameShown<Item> = (before: Item, after: Item) => boolean;

/** Where a store gets its objects: one list, then a watch from the list's resourceVersion. */
export interface ListWatchSource<Raw> {
	/**
	 * Lists (a page with `limit`), handing each object to onItem as it is read; resolves with the list's metadata.
	 * resourceVersion '0' lets the server answer from its watch cache (fast); undefined asks for a consistent read.
	 */
	list: ListPage<Raw>;
	/** Resolves when the server ends the stream; rejects when the connection fails. */
	watch(
		options: {resourceVersion: string; timeoutSeconds: number; signal: AbortSignal},
		onEvent: (event: WatchEvent<Raw>) => void,
	): Promise<void>;
}

export interface StoreTuning {
	/** Server-side watch timeout, the shortest (each watch asks for 1–2× it); the client gives up on a silent connection a little after it. */
	watchTimeoutSeconds: number;
	/** First retry delay; doubles up to maxBackoffMs. */
	baseBackoffMs: number;
	maxBackoffMs: number;
	/** Watch events reach subscribers at most once per this many ms (the first of a burst at once). */
	coalesceMs: number;
	/**
	 * Health check of the open watch (SharedProbe, one for a cluster's stores): when the server
	 * stops answering it drops the watch, and the store shows "reconnecting" until it answers again.
	 */
	health?: WatchHealth;
	/** Objects in the first page, listed beside the whole list and on screen while the rest stream (KubeCluster's pods: 50, one screen); 0: none. */
	firstPage: number;
	/**
	 * The first list waits for this (the first frame, for the stores it does not show: a list
	 * before it costs a TLS handshake, the server's answer and its decoding on the thread that draws it).
	 */
	startAfter?: Promise<unknown>;
	/** The cluster's hold on the stores' news while one first list is read (KubeCluster: the pods'). */
	frames?: FrameHold;
	/** This store's first list holds the others' news until its rows are in (its own news is never held). */
	holdsFrames?: boolean;
}

// A burst of watch events reaches the screen at most every 50 ms: 20 renders a second, each drawn
// at once (ui/run-tui.tsx), so a change waits at most 50 ms for its frame (bench/churn.ts).
// Watches last 5–10 minutes, as client-go's reflector asks (minWatchTimeout 5 min × 1–2): each
// renewal wakes an idle kpods 3–4 times (the stream's end, the request, the answer, a stale
// timer), and bookmarks keep the resourceVersion fresh, so a renewal needs no list.
export const defaultTuning: StoreTuning = {
	watchTimeoutSeconds: 300,
	baseBackoffMs: 500,
	maxBackoffMs: 30_000,
	coalesceMs: 50,
	firstPage: 0,
};
