import type {Cluster} from '../../cluster/types.js';
import {formatLabels} from '../../k8s/labels.js';
import type {Pod, Service} from '../../k8s/types.js';
import {logsMode} from '../../state/logs-keys.js';
import type {LogsMode, Mode, Target} from '../../state/ui-state.js';
import {logTail} from './use-logs.js';
import {t} from '../../i18n/index.js';
import {defaultContainer, servicePods} from './service-log-members.js';

/** What `l` leads to: the log view (with its kubectl command), a container to pick first, or why not. */
export type OpenedLogs = {mode: LogsMode; line: string; kubectl: string} | {pick: Mode} | {error: string};

const namespaceFlag = (target: Target, cluster: Cluster) =>
	target.namespace === cluster.info.contextNamespace ? '' : ` -n ${target.namespace}`;

/**
 * Resolves `l`: a pod with one container opens at once; with several (init containers
 * included) the user picks; a service reads every pod behind its endpoints, prefixed,
 * as `kubectl logs -l SELECTOR --prefix` does.
 */
export async function openLogs(cluster: Cluster, target: Target, container?: string): Promise<OpenedLogs> {
	try {
		if (target.kind === 'Pod') {
			if (container === undefined) {
				const pod = (await cluster.getObject('Pod', target.namespace, target.name)) as unknown as Pod;
				const names = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map(each => each.name);
				if (names.length > 1) {
					return {
						pick: {kind: 'picker', purpose: 'container', names, selection: Math.max(0, names.indexOf(defaultContainer(pod) ?? '')), target},
					};
				}
				container = names[0] ?? '';
			}

			return {
				mode: logsMode(target, container),
				line: t('logs.of', {name: target.name, container}),
				kubectl: `kubectl logs -f --tail=${logTail} ${target.name} -c ${container}${namespaceFlag(target, cluster)}`,
			};
		}

		const service = (await cluster.getObject('Service', target.namespace, target.name)) as unknown as Service;
		const names = servicePods(cluster.endpoints.getSnapshot().items, target);
		if (names.length === 0) {
			return {error: t('logs.noPods', {name: target.name})};
		}
		const pods = await Promise.all(
			names.map(async name => {
				const pod = (await cluster.getObject('Pod', target.namespace, name)) as unknown as Pod;
				return {namespace: target.namespace, pod: name, container: defaultContainer(pod) ?? ''};
			}),
		);
		return {
			mode: {...logsMode(target), pods},
			line: t('logs.ofService', {count: pods.length, name: target.name}),
			kubectl: `kubectl logs -f --tail=${logTail} -l ${formatLabels(service.spec?.selector)} --prefix${namespaceFlag(target, cluster)}`,
		};
	} catch (error) {
		return {error: `Error from server: ${(error as Error).message}`};
	}
}
