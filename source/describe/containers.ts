import type {ContainerState, ContainerStatus} from '../k8s/types.js';
import {canonicalQuantity, parseQuantity, scaledValue, zeroQuantity} from './quantity.js';
import type {DescribedContainer, DescribedPod, EnvVar, Probe, ResourceRequirements} from './types.js';
import {byteOrder, orNone, rfc1123z, type DescribeWriter} from './writer.js';

/** A section of containers (`Init Containers:`, `Containers:`), each with its status if any. */
export function writeContainers(
	w: DescribeWriter,
	label: string,
	containers: readonly DescribedContainer[],
	statuses: readonly ContainerStatus[],
	pod: DescribedPod,
): void {
	w.write(0, `${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
	for (const container of containers) {
		const status = statuses.find(each => each.name === container.name);
		writeBasics(w, container, status);
		writeCommand(w, container);
		if (status) {
			writeState(w, 'State', status.state);
			if (status.lastState?.terminated) {
				writeState(w, 'Last State', status.lastState);
			}
			w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
			w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`);
		}

		writeResources(w, container.resources, 2);
		for (const [title, probe] of [
			['Liveness', container.livenessProbe],
			['Readiness', container.readinessProbe],
			['Startup', container.startupProbe],
		] as const) {
			if (probe) {
				w.write(2, `${title}:\t${describeProbe(probe)}\n`);
			}
		}

		if (container.envFrom && container.envFrom.length > 0) {
			writeEnvFrom(w, container);
		}
		writeEnv(w, container, pod);
		writeMounts(w, container);
	}
}

function writeBasics(w: DescribeWriter, container: DescribedContainer, status: ContainerStatus | undefined): void {
	w.write(1, `${container.name}:\n`);
	if (status) {
		w.write(2, `Container ID:\t${status.containerID ?? ''}\n`);
	}
	w.write(2, `Image:\t${container.image ?? ''}\n`);
	if (status) {
		w.write(2, `Image ID:\t${status.imageID ?? ''}\n`);
	}
	const ports = (container.ports ?? []).map(port => `${port.containerPort}/${port.protocol ?? ''}`).join(', ');
	w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${orNone(ports)}\n`);
	const hostPorts = (container.ports ?? []).map(port => `${port.hostPort ?? 0}/${port.protocol ?? ''}`).join(', ');
	w.write(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${orNone(hostPorts)}\n`);
	const seccomp = container.securityContext?.seccompProfile;
	if (seccomp) {
		w.write(2, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
		if (seccomp.type === 'Localhost') {
			w.write(3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
		}
	}
}

function writeCommand(w: DescribeWriter, container: DescribedContainer): void {
	for (const [title, parts] of [
		['Command', container.command],
		['Args', container.args],
	] as const) {
		if (!parts || parts.length === 0) {
			continue;
		}
		w.write(2, `${title}:\n`);
		for (const part of parts) {
			for (const line of part.split('\n')) {
				w.write(3, `${line}\n`);
			}
		}
	}
}

function writeState(w: DescribeWriter, name: string, state: ContainerState | undefined): void {
	if (state?.running) {
		w.write(2, `${name}:\tRunning\n`);
		w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
	} else if (state?.waiting) {
		w.write(2, `${name}:\tWaiting\n`);
		if (state.waiting.reason) {
			w.write(3, `Reason:\t${state.waiting.reason}\n`);
		}
	} else if (state?.terminated) {
		const terminated = state.terminated;
		w.write(2, `${name}:\tTerminated\n`);
		if (terminated.reason) {
			w.write(3, `Reason:\t${terminated.reason}\n`);
		}
		if (terminated.message) {
			w.write(3, `Message:\t${terminated.message}\n`);
		}
		w.write(3, `Exit Code:\t${terminated.exitCode ?? 0}\n`);
		if ((terminated.signal ?? 0) > 0) {
			w.write(3, `Signal:\t${terminated.signal}\n`);
		}
		w.write(3, `Started:\t${rfc1123z(terminated.startedAt)}\n`);
		w.write(3, `Finished:\t${rfc1123z(terminated.finishedAt)}\n`);
	} else {
		w.write(2, `${name}:\tWaiting\n`);
	}
}

/** `Limits:` and `Requests:`, each resource by name with its canonical quantity. */
export function writeResources(w: DescribeWriter, resources: ResourceRequirements | undefined, level: number): void {
	for (const [title, list] of [
		['Limits', resources?.limits],
		['Requests', resources?.requests],
	] as const) {
		const names = Object.keys(list ?? {}).sort(byteOrder);
		if (names.length === 0) {
			continue;
		}
		w.write(level, `${title}:\n`);
		for (const name of names) {
			w.write(level + 1, `${name}:\t${canonicalQuantity(list![name])}\n`);
		}
	}
}

/** A probe in one line: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(probe: Probe): string {
	const attributes = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
	if (probe.exec) {
		return `exec [${(probe.exec.command ?? []).join(' ')}] ${attributes}`;
	}
	if (probe.httpGet) {
		const {host = '', port, path = '', scheme = ''} = probe.httpGet;
		const portText = String(port ?? 0);
		// net.JoinHostPort brackets IPv6 hosts; url.URL.String adds "//" only with a host part.
		const hostPart = portText ? `${host.includes(':') ? `[${host}]` : host}:${portText}` : host;
		const schemePart = scheme ? `${scheme.toLowerCase()}:` : '';
		const pathPart = path && hostPart && !path.startsWith('/') ? `/${path}` : path;
		return `http-get ${schemePart}${hostPart ? `//${hostPart}` : ''}${pathPart} ${attributes}`;
	}

	if (probe.tcpSocket) {
		return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port ?? 0} ${attributes}`;
	}
	if (probe.grpc) {
		return `grpc <pod>:${probe.grpc.port ?? 0} ${probe.grpc.service ?? ''} ${attributes}`;
	}
	return `unknown ${attributes}`;
}

function writeEnvFrom(w: DescribeWriter, container: DescribedContainer): void {
	w.write(2, 'Environment Variables from:\n');
	for (const source of container.envFrom ?? []) {
		const [from, reference] = source.configMapRef
			? ['ConfigMap', source.configMapRef]
			: source.secretRef
				? ['Secret', source.secretRef]
				: ['', undefined];
		const optional = reference?.optional === true;
		const kind = source.prefix ? `${from} with prefix '${source.prefix}'` : from;
		w.write(3, `${reference?.name ?? ''}\t${kind}\tOptional: ${optional}\n`);
	}
}

function writeEnv(w: DescribeWriter, container: DescribedContainer, pod: DescribedPod): void {
	const env = container.env ?? [];
	w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
	for (const variable of env) {
		const from = variable.valueFrom;
		if (!from) {
			for (const [index, line] of (variable.value ?? '').split('\n').entries()) {
				w.write(3, index === 0 ? `${variable.name}:\t${line}\n` : `\t${line}\n`);
			}
		} else if (from.fieldRef) {
			w.write(3, `${variable.name}:\t${fieldValue(variable, pod)} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath ?? ''})\n`);
		} else if (from.resourceFieldRef) {
			const resource = from.resourceFieldRef.resource ?? '';
			let value = resourceValue(resource, from.resourceFieldRef.divisor, container);
			if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) {
				value = 'node allocatable';
			}
			w.write(3, `${variable.name}:\t${value} (${resource})\n`);
		} else if (from.secretKeyRef) {
			w.write(
				3,
				`${variable.name}:\t<set to the key '${from.secretKeyRef.key ?? ''}' in secret '${from.secretKeyRef.name ?? ''}'>\tOptional: ${from.secretKeyRef.optional === true}\n`,
			);
		} else if (from.configMapKeyRef) {
			w.write(
				3,
				`${variable.name}:\t<set to the key '${from.configMapKeyRef.key ?? ''}' of config map '${from.configMapKeyRef.name ?? ''}'>\tOptional: ${from.configMapKeyRef.optional === true}\n`,
			);
		}
	}
}

/**
 * kubectl resolves a field reference through its own scheme, which knows only the generic
 * field selectors: metadata.name and metadata.namespace resolve, every other path shows empty.
 */
function fieldValue(variable: EnvVar, pod: DescribedPod): string {
	const path = variable.valueFrom?.fieldRef?.fieldPath;
	if (path === 'metadata.name') {
		return pod.metadata.name ?? '';
	}
	if (path === 'metadata.namespace') {
		return pod.metadata.namespace ?? '';
	}
	return '';
}

/** The value a resourceFieldRef gives the container (ceil of the resource over the divisor). */
function resourceValue(resource: string, divisorText: string | number | undefined, container: DescribedContainer): string {
	const [kind, name] = resource.split('.', 2) as [string, string | undefined];
	const list = kind === 'limits' ? container.resources?.limits : kind === 'requests' ? container.resources?.requests : undefined;
	if (!list || !name || !(['cpu', 'memory', 'ephemeral-storage'].includes(name) || name.startsWith('hugepages-'))) {
		return '';
	}
	const quantity = parseQuantity(list[name]) ?? zeroQuantity;
	const parsedDivisor = parseQuantity(divisorText);
	const divisor = parsedDivisor && parsedDivisor.mantissa !== 0n ? parsedDivisor : parseQuantity('1')!;
	const scale = name === 'cpu' ? -3 : 0;
	return String(Math.ceil(Number(scaledValue(quantity, scale)) / Number(scaledValue(divisor, scale))));
}

function writeMounts(w: DescribeWriter, container: DescribedContainer): void {
	const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => byteOrder(a.mountPath, b.mountPath));
	const none = mounts.length === 0 ? '\t<none>' : '';
	w.write(2, `Mounts:${none}\n`);
	for (const mount of mounts) {
		const flags = [mount.readOnly ? 'ro' : 'rw', ...(mount.subPath ? [`path=${JSON.stringify(mount.subPath)}`] : [])];
		w.write(3, `${mount.mountPath} from ${mount.name} (${flags.join(',')})\n`);
	}

	const devices = [...(container.volumeDevices ?? [])].sort((a, b) => byteOrder(a.devicePath, b.devicePath));
	if (devices.length > 0) {
		w.write(2, `Devices:${none}\n`);
		for (const device of devices) {
			w.write(3, `${device.devicePath} from ${device.name}\n`);
		}
	}
}
