import {trace} from '../trace.js';
import {ApiError, NetworkError} from './api-client.js';
import {listWithPreview, type ListProgress} from './pager.js';
import type {ConnectionState, ResourceStore, StoreSnapshot} from './types.js';
import {lowerBound} from '../k8s/list-order.js';
import type {WatchCheck} from './shared-probe.js';
import {defaultTuning, type ListWatchSource, type SameShown, type StoreTuning} from './store-tuning.js';

/**
 * How long the first list holds the other stores' news at most: the node count may come a
 * second late at start, never later (10,000 pods list in 0.6–1 s on the lab).
 */
const firstListHoldMs = 1000;

/**
 * How long the whole first list waits on the wire at most for the screen to draw its first page
 * (the UI loads in ~0.1 s after the page comes on the lab, longer on a busy machine; waiting
 * costs only the gaps in its loading).
 */
const pageOnScreenMs = 300;

class Expired extends Error {}

const unchecked: WatchCheck = {sawEvent() {}, end() {}};

/**
 * A list+watch store, like client-go's reflector, but it never gives up: any failure
 * (410 Gone, a watch ERROR event, a dropped connection, 403) ends in a fresh list and a
 * new watch, with backoff, so the snapshot converges to exactly the server's objects.
 * client-node's informer stops for good on most errors, which is why kpods has its own.
 */
export class ListWatchStore<Raw extends {metadata?: {name?: string; namespace?: string; resourceVersion?: string}}, Item>
	implements ResourceStore<Item>
{
	private keys: string[] = [];
	private items: Item[] = [];
	private readonly pending = new Map<string, Item | undefined>();
	private snapshot: StoreSnapshot<Item> = {items: [], version: 0, state: {kind: 'connecting'}, synced: false};
	private readonly listeners = new Set<() => void>();
	private readonly shownListeners = new Set<() => void>();
	private readonly abort = new AbortController();
	private flushTimer: {immediate?: NodeJS.Immediate; timeout?: NodeJS.Timeout} | undefined;
	private lastFlush = 0;
	private state: ConnectionState = {kind: 'connecting'};
	private synced = false;
	private readonly tuning: StoreTuning;

	constructor(
		private readonly source: ListWatchSource<Raw>,
		private readonly toItem: (raw: Raw) => Item,
		tuning: Partial<StoreTuning> = {},
		private readonly sameShown: SameShown<Item> = () => false,
	) {
		this.tuning = {...defaultTuning, ...tuning};
		void this.run();
	}

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	subscribeShown = (listener: () => void): (() => void) => {
		this.shownListeners.add(listener);
		this.onScreenSubscribed?.();
		return () => this.shownListeners.delete(listener);
	};

	getSnapshot = (): StoreSnapshot<Item> => this.snapshot;

	stop(): void {
		this.abort.abort();
		this.cancelFlush();
		this.listeners.clear();
		this.shownListeners.clear();
	}

	private get stopped(): boolean {
		return this.abort.signal.aborted;
	}

	private async run(): Promise<void> {
		if (this.tuning.startAfter) {
			await this.tuning.startAfter.catch(() => undefined);
		}
		let attempt = 0;
		let firstList = true;
		while (!this.stopped) {
			try {
				// Each object becomes an item as it arrives; the raw objects are not kept.
				const streamed: Array<[string, Item]> = [];
				// Until the first list is in, the other stores' news waits for its rows' frame (a second at most).
				const release = firstList && this.tuning.holdsFrames ? this.tuning.frames?.hold(firstListHoldMs) : undefined;
				let list: Awaited<ReturnType<typeof listWithPreview<Raw>>>;
				try {
					list = await listWithPreview(
						this.source.list.bind(this.source),
						{firstPage: this.tuning.firstPage, resourceVersion: firstList ? '0' : undefined, signal: this.abort.signal},
						raw => streamed.push([keyOf(raw), this.toItem(raw)]),
						(page, progress) => this.showPage(page, progress),
					);
					// A first page that held every object answered for the whole list.
					const pairs = list.page ? list.page.map((raw): [string, Item] => [keyOf(raw), this.toItem(raw)]) : streamed;
					trace(`listed ${pairs.length}`);
					if (this.stopped) {
						return;
					}
					firstList = false;
					attempt = 0;
					this.replaceAll(pairs);
				} finally {
					release?.();
				}
				await this.watchFrom(list.metadata.resourceVersion ?? '');
			} catch (error) {
				if (this.stopped) {
					return;
				}
				if (error instanceof Expired) {
					continue; // 410: the window moved on; list again at once
				}
				attempt++;
				this.setState(describeFailure(error, attempt));
				await this.sleep(this.backoff(attempt));
			}
		}
	}

	/** Watches until a failure; a stream the server ends normally is resumed from the last resourceVersion. */
	private async watchFrom(resourceVersion: string): Promise<void> {
		let version = resourceVersion;
		while (!this.stopped) {
			const watch = new AbortController();
			const stop = () => watch.abort();
			this.abort.signal.addEventListener('abort', stop, {once: true});
			const health = this.tuning.health?.watch(watch) ?? unchecked;
			try {
				await this.source.watch({resourceVersion: version, timeoutSeconds: this.jitteredTimeout(), signal: watch.signal}, event => {
					health.sawEvent();
					if (event.type === 'ERROR') {
						const status = event.object as unknown as {code?: number; message?: string; reason?: string};
						if (status.code === 410) {
							throw new Expired(status.message);
						}
						throw new ApiError(status.code ?? 500, status.message ?? 'watch error', status.reason);
					}

					const raw = event.object;
					version = raw.metadata?.resourceVersion ?? version;
					if (event.type === 'BOOKMARK') {
						return;
					}
					const key = keyOf(raw);
					this.pending.set(key, event.type === 'DELETED' ? undefined : this.toItem(raw));
					this.scheduleFlush();
				});
			} catch (error) {
				// A watch dropped by the health check fails with the check's reason, not "aborted".
				throw watch.signal.reason instanceof NetworkError ? watch.signal.reason : error;
			} finally {
				health.end();
				this.abort.signal.removeEventListener('abort', stop);
			}
		}
	}

	/**
	 * Shows the first page while the whole first list streams, with "loading N of ~M" for a
	 * state; a relist after a failure keeps the last complete snapshot on screen instead.
	 */
	private showPage(page: Raw[], progress: ListProgress): Promise<void> | undefined {
		if (this.synced || this.stopped) {
			return undefined;
		}
		trace(`page ${progress.loaded}`);
		const pairs = page.map((raw): [string, Item] => [keyOf(raw), this.toItem(raw)]).sort(byKey);
		this.keys = pairs.map(pair => pair[0]);
		this.items = pairs.map(pair => pair[1]);
		this.state = {kind: 'connecting', ...progress};
		this.publish();
		return this.drawn();
	}

	private onScreenSubscribed: (() => void) | undefined;

	/**
	 * Resolves once the snapshot just published has had its frame: a turn after the screen's
	 * listeners heard of it (they render at once), or once the screen subscribes (it does after
	 * its first frame, which read the snapshot); and after pageOnScreenMs at most (no screen).
	 */
	private async drawn(): Promise<void> {
		await new Promise<void>(resolve => {
			const done = () => {
				clearTimeout(limit);
				this.onScreenSubscribed = undefined;
				setImmediate(resolve);
			};
			const limit = setTimeout(done, pageOnScreenMs);
			limit.unref();
			if (this.shownListeners.size > 0) {
				done();
			} else {
				this.onScreenSubscribed = done;
			}
		});
	}

	private replaceAll(pairs: Array<[string, Item]>): void {
		pairs.sort(byKey);
		this.keys = pairs.map(pair => pair[0]);
		this.items = pairs.map(pair => pair[1]);
		this.pending.clear();
		this.synced = true;
		// One publish for the new items and the live state: one render, not two.
		this.state = {kind: 'live'};
		this.publish();
	}

	/**
	 * Throttles publishing: a change after a quiet spell goes out at once (with whatever else
	 * this turn of the event loop read), a burst at most once per coalesceMs. "At once" is
	 * setImmediate, not a 1 ms timer: an idle kpods woke twice for each node heartbeat.
	 */
	private scheduleFlush(): void {
		if (this.flushTimer) {
			return;
		}
		const run = () => {
			this.flushTimer = undefined;
			this.lastFlush = Date.now();
			this.flush();
		};
		const wait = this.lastFlush + this.tuning.coalesceMs - Date.now();
		this.flushTimer = wait <= 0 ? {immediate: setImmediate(run)} : {timeout: setTimeout(run, wait)};
	}

	private cancelFlush(): void {
		clearImmediate(this.flushTimer?.immediate);
		clearTimeout(this.flushTimer?.timeout);
		this.flushTimer = undefined;
	}

	private flush(): void {
		if (this.pending.size === 0) {
			return;
		}
		const before = this.items;
		// The keys are copied only when a row comes or goes: a burst of updates keeps them (10,000 keys, 80 KB, 20 times a second).
		let keys = this.keys;
		const ownKeys = () => {
			if (keys === this.keys) {
				keys = keys.slice();
			}
			return keys;
		};
		const items = this.items.slice();
		let shown = false;
		// The indexes of rows replaced in place, while no row comes or goes (then views recount only those).
		let replaced: number[] | undefined = [];
		for (const [key, item] of this.pending) {
			const index = lowerBound(keys.length, at => keys[at]!, key);
			const found = keys[index] === key;
			if (item === undefined) {
				if (found) {
					ownKeys().splice(index, 1);
					items.splice(index, 1);
					shown = true;
					replaced = undefined;
				}
			} else if (found) {
				shown ||= !this.sameShown(items[index]!, item);
				items[index] = item;
				replaced?.push(index);
			} else {
				ownKeys().splice(index, 0, key);
				items.splice(index, 0, item);
				shown = true;
				replaced = undefined;
			}
		}

		this.pending.clear();
		this.keys = keys;
		this.items = items;
		this.publish(shown, replaced && {before, at: replaced});
	}

	private setState(state: ConnectionState): void {
		if (JSON.stringify(state) === JSON.stringify(this.state)) {
			return;
		}
		this.state = state;
		this.publish();
	}

	/**
	 * A new snapshot for every change; subscribeShown's listeners hear only of the ones that show
	 * (the node's heartbeat every 10 s draws no frame), and read the newer items when they next render.
	 */
	private publish(shown = true, replaced?: StoreSnapshot<Item>['replaced']): void {
		this.snapshot = {items: this.items, version: this.snapshot.version + 1, state: this.state, synced: this.synced, replaced};
		const {frames, holdsFrames} = this.tuning;
		if (!frames || holdsFrames) {
			this.notify(shown);
			return;
		}
		// Held: the listeners hear once, when the hold ends, and read the latest snapshot then.
		this.heldShown ||= shown;
		frames.notify(this.notifyHeld);
	}

	private heldShown = false;

	private readonly notifyHeld = (): void => {
		const shown = this.heldShown;
		this.heldShown = false;
		this.notify(shown);
	};

	private notify(shown: boolean): void {
		for (const listener of this.listeners) {
			listener();
		}
		if (shown) {
			for (const listener of this.shownListeners) {
				listener();
			}
		}
	}

	private backoff(attempt: number): number {
		const delay = Math.min(this.tuning.maxBackoffMs, this.tuning.baseBackoffMs * 2 ** (attempt - 1));
		return delay * (0.8 + Math.random() * 0.4);
	}

	/** 1–2× watchTimeoutSeconds, so a cluster's watches do not all end together. */
	private jitteredTimeout(): number {
		const base = this.tuning.watchTimeoutSeconds;
		return Math.max(1, Math.round(base * (1 + Math.random())));
	}

	/** Waits out a backoff; stop() ends it early. Its abort listener goes with it, so retries leave nothing behind. */
	private async sleep(ms: number): Promise<void> {
		const {signal} = this.abort;
		if (signal.aborted) {
			return;
		}
		await new Promise<void>(resolve => {
			const done = () => {
				clearTimeout(timer);
				signal.removeEventListener('abort', done);
				resolve();
			};

			const timer = setTimeout(done, ms);
			signal.addEventListener('abort', done, {once: true});
		});
	}
}

const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The API server's list order: etcd keys, namespace then name, compared bytewise. */
export function keyOf(raw: {metadata?: {name?: string; namespace?: string}}): string {
	const {name = '', namespace} = raw.metadata ?? {};
	return namespace ? `${namespace}/${name}` : name;
}

function describeFailure(error: unknown, attempt: number): ConnectionState {
	if (error instanceof ApiError) {
		if (error.code === 403) {
			return {kind: 'forbidden', reason: error.message};
		}
		if (error.code === 401 || error.code === 404) {
			return {kind: 'error', reason: error.message};
		}
		return {kind: 'reconnecting', reason: error.message, attempt};
	}

	return {kind: 'reconnecting', reason: (error as Error).message, attempt};
}
