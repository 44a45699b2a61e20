import type {LogFeed} from '../../cluster/log-session.js';
import type {Cluster, EndpointGroup} from '../../cluster/types.js';
import type {Pod} from '../../k8s/types.js';
import type {Target} from '../../state/ui-state.js';
import {t} from '../../i18n/index.js';

/** The pods behind a service's endpoints (ready or not, or only the ready ones), sorted: who `l` on a service follows. */
export function servicePods(groups: readonly EndpointGroup[], service: Target, readyOnly = false): string[] {
	const names = groups
		.filter(group => group.namespace === service.namespace && group.service === service.name)
		.flatMap(group => group.endpoints.filter(entry => entry.ready || !readyOnly).map(entry => entry.pod))
		.filter((pod): pod is string => Boolean(pod));
	return [...new Set(names)].sort();
}

/** The container kubectl logs picks by default: the annotated one, else the first. */
export function defaultContainer(pod: Pod): string | undefined {
	return pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec?.containers?.[0]?.name;
}

/** The prefix of a service's pod's lines, as `kubectl logs -l … --prefix` writes it. */
export const podPrefix = (pod: string, container: string) => `[pod/${pod}/${container}] `;

/**
 * Keeps a service's log view following the pods behind it, as k9s does: while the view is
 * open, a pod that becomes a ready endpoint is followed from now (its default container, with
 * a status line; not before it is ready, when its container may not run yet and the server
 * would refuse the log), and one that is no longer behind the endpoints at all is no longer
 * followed (one that only turns unready is kept: its log says why). `following` are the pods
 * the feed opened with. Returns the unsubscribe.
 */
export function followServiceMembers(cluster: Cluster, feed: LogFeed, service: Target, following: readonly string[]): () => void {
	const members = new Set(following);
	let stopped = false;
	const reconcile = () => {
		const groups = cluster.endpoints.getSnapshot().items;
		const behind = new Set(servicePods(groups, service));
		for (const pod of members) {
			if (!behind.has(pod)) {
				members.delete(pod);
				feed.leave(service.namespace, pod, t('logs.podLeft', {pod, service: service.name}));
			}
		}
		for (const pod of servicePods(groups, service, true)) {
			if (!members.has(pod)) {
				members.add(pod);
				void join(pod);
			}
		}
	};
	const join = async (pod: string) => {
		let container = '';
		try {
			container = defaultContainer((await cluster.getObject('Pod', service.namespace, pod)) as unknown as Pod) ?? '';
		} catch {
			// Gone again, or unreadable: the endpoints will say whether it is still a member.
			members.delete(pod);
			return;
		}
		// It may have left (or the view closed) while its spec was read.
		if (!stopped && members.has(pod)) {
			feed.join(
				{namespace: service.namespace, pod, container, prefix: podPrefix(pod, container)},
				t('logs.podJoined', {pod, service: service.name}),
			);
		}
	};
	const unsubscribe = cluster.endpoints.subscribe(reconcile);
	reconcile();
	return () => {
		stopped = true;
		unsubscribe();
	};
}
