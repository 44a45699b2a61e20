// What `kubectl port-forward` forwards for a pod or a service: for a service, the most active
// pod its selector picks (kubectl sorts by podutils.ActivePods, most active first) and each
// service port translated to the pod's port (targetPort as a number, or the name of a
// container port; no targetPort means the port itself); the local port is the port typed
// (a service's port, a pod's container port). Pure: the objects in, the plan or kubectl's error out.

import type {Pod, Service} from '../k8s/types.js';
import {t} from '../i18n/index.js';

/** One port to forward: `port` as typed after the colon (the service's port, or the pod's), `remote` on the pod. */
export interface PlannedPort {
	local: number;
	port: number;
	remote: number;
}

/** The pod to forward to and its ports. */
export interface ForwardPlan {
	namespace: string;
	pod: string;
	/** `svc/svc-pod` or `pod/pod-1`, as kubectl names it. */
	target: string;
	ports: PlannedPort[];
}

/** A pod's declared TCP container ports (init containers' too, as kubectl port-forward accepts any port). */
export function podPlan(pod: Pod): ForwardPlan | {error: string} {
	const name = pod.metadata.name ?? '';
	const running = notRunning(pod);
	if (running) {
		return {error: running};
	}
	const ports = [
		...new Set(
			(pod.spec?.containers ?? []).flatMap(container =>
				(container.ports ?? []).filter(port => (port.protocol ?? 'TCP') === 'TCP').map(port => port.containerPort),
			),
		),
	];
	if (ports.length === 0) {
		return {error: t('forwardPlan.noPorts', {name})};
	}
	return {
		namespace: pod.metadata.namespace ?? '',
		pod: name,
		target: `pod/${name}`,
		ports: ports.map(port => ({local: port, port, remote: port})),
	};
}

/** A service's ports on the pod kubectl would pick from the pods its selector matches. */
export function servicePlan(service: Service, pods: readonly Pod[]): ForwardPlan | {error: string} {
	const name = service.metadata.name ?? '';
	const selector = service.spec?.selector ?? {};
	if (Object.keys(selector).length === 0) {
		return {error: `cannot attach to *v1.Service: invalid service '${name}': Service is defined without a selector`};
	}
	const pod = [...pods].sort(mostActiveFirst)[0];
	if (!pod) {
		return {
			error: `no pods found for service ${name} (selector ${Object.entries(selector)
				.map(([key, value]) => `${key}=${value}`)
				.join(',')})`,
		};
	}
	const running = notRunning(pod);
	if (running) {
		return {error: running};
	}
	const ports: PlannedPort[] = [];
	for (const servicePort of (service.spec?.ports ?? []).filter(port => (port.protocol ?? 'TCP') === 'TCP')) {
		const remote = targetPortOn(pod, servicePort.port, servicePort.targetPort);
		if (typeof remote === 'string') {
			return {error: remote};
		}
		ports.push({local: servicePort.port, port: servicePort.port, remote});
	}

	if (ports.length === 0) {
		return {error: t('forwardPlan.noTcp', {name})};
	}
	return {namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name ?? '', target: `svc/${name}`, ports};
}

/** kubectl's translation of a service port to the pod's port; an error text when a named port is missing. */
function targetPortOn(pod: Pod, port: number, targetPort: number | string | undefined): number | string {
	if (targetPort === undefined || targetPort === 0 || targetPort === '') {
		return port;
	}
	if (typeof targetPort === 'number') {
		return targetPort;
	}
	if (/^\d+$/.test(targetPort)) {
		return Number(targetPort);
	}
	for (const container of pod.spec?.containers ?? []) {
		const found = container.ports?.find(each => each.name === targetPort);
		if (found) {
			return found.containerPort;
		}
	}

	return `Pod '${pod.metadata.name ?? ''}' does not have a named port '${targetPort}'`;
}

function notRunning(pod: Pod): string | undefined {
	const phase = pod.status?.phase ?? 'Unknown';
	return phase === 'Running' ? undefined : `unable to forward port because pod is not running. Current status=${phase}`;
}

const phaseRank: Record<string, number> = {Pending: 0, Unknown: 1, Running: 2};

/** podutils.ActivePods reversed: assigned, then Running, then ready, then the one ready longest, then by name. */
function mostActiveFirst(a: Pod, b: Pod): number {
	const assigned = Number(Boolean(b.spec?.nodeName)) - Number(Boolean(a.spec?.nodeName));
	if (assigned !== 0) {
		return assigned;
	}
	const phase = (phaseRank[b.status?.phase ?? ''] ?? -1) - (phaseRank[a.status?.phase ?? ''] ?? -1);
	if (phase !== 0) {
		return phase;
	}
	const ready = Number(readySince(b) !== undefined) - Number(readySince(a) !== undefined);
	if (ready !== 0) {
		return ready;
	}
	const since = (readySince(a) ?? 0) - (readySince(b) ?? 0);
	if (since !== 0) {
		return since;
	}
	return (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
}

function readySince(pod: Pod): number | undefined {
	const ready = pod.status?.conditions?.find(condition => condition.type === 'Ready' && condition.status === 'True');
	return ready ? Date.parse(ready.lastTransitionTime ?? '') || 0 : undefined;
}

/**
 * The ports typed in the prompt, kubectl's `[LOCAL]:PORT` words; an error line when one is not a port or not in the plan.
 * @example parsePortWords('8080:4050', plan) // [{local: 8080, port: 4050, remote: 80}]
 */
export function parsePortWords(text: string, plan: ForwardPlan): PlannedPort[] | {error: string} {
	const words = text.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) {
		return {error: t('forwardPlan.typePorts')};
	}
	const ports: PlannedPort[] = [];
	for (const word of words) {
		const match = /^(\d*):?(\d+)$/.exec(word);
		const local = match ? Number(match[1] || match[2]) : Number.NaN;
		const port = match ? Number(match[2]) : Number.NaN;
		if (!match || local > 65_535 || port < 1 || port > 65_535) {
			return {error: t('forwardPlan.notPorts', {word})};
		}
		const planned = plan.ports.find(each => each.port === port);
		// A pod forwards any port; a service only its own.
		if (!planned && plan.target.startsWith('svc/')) {
			return {error: t('forwardPlan.noSuchPort', {target: plan.target, port: String(port)})};
		}
		ports.push({local: word.startsWith(':') ? 0 : local, port, remote: planned?.remote ?? port});
	}

	return ports;
}

/**
 * The kubectl command of a forward.
 * @example kubectlForward(plan, plan.ports, 'default') // 'kubectl port-forward svc/svc-pod 4050:4050'
 */
export function kubectlForward(plan: ForwardPlan, ports: readonly PlannedPort[], contextNamespace: string): string {
	const namespace = plan.namespace === contextNamespace ? '' : ` -n ${plan.namespace}`;
	return `kubectl port-forward ${plan.target}${namespace} ${ports.map(port => `${port.local === 0 ? '' : port.local}:${port.port}`).join(' ')}`;
}
