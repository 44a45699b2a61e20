// Following container logs as `kubectl logs -f --tail=100` does, over a raw streaming GET of
// pods/NAME/log through the ApiClient (not client-node's Log class: the ApiClient already
// authenticates reads without loading client-node, and hands back the server's 400 Status
// message — "previous terminated container … not found" — which is what the user must see).
// Lines are asked for with timestamps=true always, so a dropped stream resumes with
// sinceTime exactly after the last line seen.

import {type ApiClient, ApiError} from './api-client.js';
import {LogRing, ResumePoint, splitTimestamp, type LogEntry} from '../derive/log-lines.js';
import {t} from '../i18n/index.js';

/** One container's log to follow; `prefix` names it among several (`[pod/NAME/CONTAINER] `). */
export interface LogSource {
	namespace: string;
	pod: string;
	container: string;
	prefix: string;
}

export interface LogSessionSpec {
	sources: readonly LogSource[];
	previous: boolean;
	follow: boolean;
	tailLines: number;
	/** Lines kept (a ring: older ones are dropped). */
	capacity: number;
}

/** What the log view draws from; a new object after every (coalesced) change. */
export interface LogSnapshot {
	readonly lines: readonly LogEntry[];
	/** Lines received in all (the ring keeps the last `capacity`). */
	readonly received: number;
	readonly dropped: number;
	/** The latest thing to say about the streams (reconnecting, ended, the server's refusal). */
	readonly note?: {text: string; tone: 'info' | 'ok' | 'warn' | 'error'};
	/** Every stream has ended. */
	readonly ended: boolean;
	readonly version: number;
}

/** A live log as the UI reads it (useSyncExternalStore); stop it when done. */
export interface LogFeed {
	subscribe(listener: () => void): () => void;
	getSnapshot(): LogSnapshot;
	stop(): void;
	/** Starts following one more container, from now (a pod that joined a service); `note` says so. */
	join(source: LogSource, note: string): void;
	/** Stops following a pod's container (a pod that left a service); `note` says so. */
	leave(namespace: string, pod: string, note: string): void;
}

const sourceKey = (namespace: string, pod: string) => `${namespace}/${pod}`;

/** A live log (one or several containers): subscribe/getSnapshot for useSyncExternalStore; stop when done. */
export class LogSession implements LogFeed {
	private readonly ring: LogRing;
	private readonly listeners = new Set<() => void>();
	private readonly abort = new AbortController();
	private snapshot: LogSnapshot;
	private received = 0;
	private note: LogSnapshot['note'];
	/** The pods followed (by namespace/pod), each with its own abort; a stream that ended stays until it leaves. */
	private readonly members = new Map<string, AbortController>();
	private open = 0;
	private timer: NodeJS.Timeout | undefined;

	constructor(
		private readonly api: ApiClient,
		private readonly spec: LogSessionSpec,
		private readonly publishMs = 50,
		private readonly retryMs = 1000,
	) {
		this.ring = new LogRing(spec.capacity);
		this.snapshot = {lines: [], received: 0, dropped: 0, ended: spec.sources.length === 0, version: 0};
		for (const source of spec.sources) {
			this.start(source, false);
		}
	}

	join(source: LogSource, note: string): void {
		if (this.abort.signal.aborted || this.members.has(sourceKey(source.namespace, source.pod))) {
			return;
		}
		this.start(source, true);
		this.say({text: note, tone: 'info'});
	}

	leave(namespace: string, pod: string, note: string): void {
		const member = this.members.get(sourceKey(namespace, pod));
		if (!member) {
			return;
		}
		this.members.delete(sourceKey(namespace, pod));
		if (!member.signal.aborted) {
			member.abort();
			this.open--;
		}
		this.say({text: note, tone: 'info'});
	}

	/** Follows one source; `fromNow` asks for no earlier lines (tailLines=0), as for a pod that joins later. */
	private start(source: LogSource, fromNow: boolean): void {
		const member = new AbortController();
		this.members.set(sourceKey(source.namespace, source.pod), member);
		this.open++;
		void this.follow(source, member, fromNow);
	}

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getSnapshot = (): LogSnapshot => this.snapshot;

	stop(): void {
		this.abort.abort();
		for (const member of this.members.values()) {
			member.abort();
		}
		clearTimeout(this.timer);
		this.listeners.clear();
	}

	private async follow(source: LogSource, member: AbortController, fromNow: boolean): Promise<void> {
		const resume = new ResumePoint();
		const {signal} = member;
		let resumed = false;
		let failures = 0;
		while (!signal.aborted) {
			const since = resumed ? resume.sinceTime() : undefined;
			try {
				const body = await this.api.stream(this.path(source, since, fromNow), {signal});
				if (resumed) {
					this.say(
						resume.untimed
							? {
									text: t('logs.reconnectedUntimed', {pod: source.pod}),
									tone: 'warn',
								}
							: {text: t('logs.reconnected', {pod: source.pod}), tone: 'ok'},
					);
				}

				failures = 0;
				await this.read(body, source, resume, resumed);
				// The server ended the stream: the container stopped (kubectl -f returns here too).
				this.finish(
					member,
					this.spec.follow ? {text: t('logs.streamEnded', {where: `${source.pod}/${source.container}`}), tone: 'info'} : undefined,
				);
				return;
			} catch (error) {
				if (signal.aborted) {
					return;
				}
				if (error instanceof ApiError) {
					// The server's own word: a container not running, no previous instance, forbidden.
					this.finish(member, {text: error.message, tone: 'error'});
					return;
				}

				if (!this.spec.follow) {
					this.finish(member, {text: `${source.pod}: ${(error as Error).message}`, tone: 'error'});
					return;
				}

				failures++;
				resumed = true;
				const wait = Math.min(this.retryMs * 2 ** (failures - 1), 10_000);
				this.say({
					text: t('logs.streamLost', {pod: source.pod, reason: (error as Error).message, seconds: Math.round(wait / 100) / 10}),
					tone: 'warn',
				});
				await new Promise(resolve => setTimeout(resolve, wait));
			}
		}
	}

	private async read(body: NodeJS.ReadableStream, source: LogSource, resume: ResumePoint, resumed: boolean): Promise<void> {
		let pending = '';
		const take = (line: string) => {
			const {time, text} = splitTimestamp(line);
			if (resumed && resume.repeated(time)) {
				return;
			}
			resume.seen(time);
			this.ring.push({time, text, prefix: source.prefix});
			this.received++;
		};

		body.setEncoding('utf8');
		await new Promise<void>((resolve, reject) => {
			body.on('data', (chunk: string) => {
				pending += chunk;
				let newline = pending.indexOf('\n');
				while (newline !== -1) {
					take(pending.slice(0, newline));
					pending = pending.slice(newline + 1);
					newline = pending.indexOf('\n');
				}

				this.changed();
			});
			body.on('end', () => {
				if (pending !== '') {
					take(pending);
				}
				this.changed();
				resolve();
			});
			body.on('error', reject);
			body.on('close', () => {
				if (!(body as unknown as {readableEnded: boolean}).readableEnded) {
					reject(new Error('connection closed'));
				}
			});
		});
	}

	private path(source: LogSource, sinceTime: string | undefined, fromNow: boolean): string {
		const query = new URLSearchParams({container: source.container, timestamps: 'true'});
		if (this.spec.follow) {
			query.set('follow', 'true');
		}
		if (this.spec.previous) {
			query.set('previous', 'true');
		}
		if (sinceTime) {
			query.set('sinceTime', sinceTime);
		} else {
			query.set('tailLines', String(fromNow ? 0 : this.spec.tailLines));
		}
		return `/api/v1/namespaces/${encodeURIComponent(source.namespace)}/pods/${encodeURIComponent(source.pod)}/log?${query.toString()}`;
	}

	private finish(member: AbortController, note: LogSnapshot['note']): void {
		if (member.signal.aborted) {
			return;
		}
		// Marked done (aborted) so a later leave does not count it again.
		member.abort();
		this.open--;
		if (note) {
			this.note = note;
		}
		this.publish();
	}

	private say(note: LogSnapshot['note']): void {
		this.note = note;
		this.publish();
	}

	/** Coalesces bursts of lines into one snapshot per publishMs. */
	private changed(): void {
		this.timer ??= setTimeout(() => {
			this.timer = undefined;
			this.publish();
		}, this.publishMs);
	}

	private publish(): void {
		if (this.abort.signal.aborted) {
			return;
		}
		this.snapshot = {
			lines: this.ring.toArray(),
			received: this.received,
			dropped: this.ring.dropped,
			note: this.note,
			ended: this.open <= 0,
			version: this.snapshot.version + 1,
		};
		for (const listener of this.listeners) {
			listener();
		}
	}
}
