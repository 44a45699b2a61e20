import {useEffect, useState, useSyncExternalStore} from 'react';
import type {LogFeed, LogSnapshot, LogSource} from '../../cluster/log-session.js';
import type {Cluster} from '../../cluster/types.js';
import type {LogsMode} from '../../state/ui-state.js';
import {followServiceMembers, podPrefix} from './service-log-members.js';

const idle: LogSnapshot = {lines: [], received: 0, dropped: 0, ended: false, version: 0};
const idleFeed: LogFeed = {
	subscribe: () => () => undefined,
	getSnapshot: () => idle,
	stop: () => undefined,
	join: () => undefined,
	leave: () => undefined,
};

/** Lines kept per log view: the newest 5,000 (k9s keeps as many), older ones dropped. */
export const logCapacity = 5000;

/** `kubectl logs -f --tail=100`: the default number of lines a followed log starts with. */
export const logTail = 100;

/** The containers a log view reads: the pod's chosen one, or each pod behind a service (prefixed). */
export function logSources(mode: LogsMode): LogSource[] {
	if (mode.pods) {
		return mode.pods.map(entry => ({...entry, prefix: podPrefix(entry.pod, entry.container)}));
	}
	return [{namespace: mode.target.namespace, pod: mode.target.name, container: mode.container ?? '', prefix: ''}];
}

/** The log in view, live: a feed opened when the view (or its container, or p) changes, stopped when it goes. */
export function useLogs(cluster: Cluster, mode: LogsMode | undefined): LogSnapshot {
	const key = mode ? JSON.stringify([cluster.info.context, mode.target, mode.container, mode.pods, mode.previous]) : undefined;
	const [feed, setFeed] = useState<LogFeed>(idleFeed);
	// biome-ignore lint/correctness/useExhaustiveDependencies: key names everything the feed depends on; mode is a new object each render
	useEffect(() => {
		if (!mode) {
			setFeed(idleFeed);
			return;
		}

		const opened = cluster.openLogs({
			sources: logSources(mode),
			previous: mode.previous,
			follow: !mode.previous,
			tailLines: logTail,
			capacity: logCapacity,
		});
		setFeed(opened);
		// A service's view follows the pods that join or leave its endpoints while it is open.
		const members =
			mode.pods && !mode.previous
				? followServiceMembers(
						cluster,
						opened,
						mode.target,
						mode.pods.map(entry => entry.pod),
					)
				: undefined;
		return () => {
			members?.();
			opened.stop();
		};
	}, [key]);
	return useSyncExternalStore(feed.subscribe, feed.getSnapshot);
}
