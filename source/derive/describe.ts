import {humanDuration, timestampMs} from '../format/duration.js';
import {makePortString} from '../format/service.js';
import {formatLabels} from '../k8s/labels.js';
import type {Container, ContainerState, ContainerStatus, Event, Pod, Service} from '../k8s/types.js';

/** A line of a describe-like view; `heading` lines are section titles. */
export interface DetailLine {
	text: string;
	heading?: boolean;
	tone?: 'ok' | 'warn' | 'error' | 'dim';
}

const line = (text: string, tone?: DetailLine['tone']): DetailLine => ({text, tone});
const heading = (text: string): DetailLine => ({text, heading: true});

/** kubectl describe's date form (RFC 1123 with a numeric zone), in the machine's time zone. */
export function describeTime(timestamp: string | undefined): string {
	const ms = timestampMs(timestamp);
	if (ms === undefined) return '<unknown>';
	const date = new Date(ms);
	const offset = -date.getTimezoneOffset();
	const sign = offset >= 0 ? '+' : '-';
	const pad = (value: number) => String(Math.abs(value)).padStart(2, '0');
	const zone = `${sign}${pad(Math.trunc(offset / 60))}${pad(offset % 60)}`;
	const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	return `${days[date.getDay()]}, ${pad(date.getDate())} ${months[date.getMonth()]} ${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${zone}`;
}

/** Aligns `label:` and value the way describe does, at a fixed column. */
function field(label: string, value: string, indent = 0, width = 18): DetailLine {
	const prefix = `${' '.repeat(indent)}${label}:`;
	return line(`${prefix.padEnd(Math.max(width, prefix.length + 1))}${value}`);
}

/**
 * What `kubectl describe pod` shows that matters to a learner, plus the services that
 * select the pod (the label link), with events live.
 */
export function describePod(pod: Pod, events: readonly Event[], services: readonly Service[], now: number): DetailLine[] {
	const {metadata, spec, status = {}} = pod;
	const lines: DetailLine[] = [
		field('Name', metadata.name ?? ''),
		field('Namespace', metadata.namespace ?? ''),
		field('Node', spec?.nodeName ? `${spec.nodeName}${status.hostIP ? `/${status.hostIP}` : ''}` : '<none>'),
		field('Start Time', status.startTime ? describeTime(status.startTime) : '<none>'),
		...labelLines('Labels', metadata.labels),
		field('Status', phaseText(pod, now)),
		field('IP', status.podIP ?? ''),
	];
	if (status.podIPs && status.podIPs.length > 0) {
		lines.push(line('IPs:'), ...status.podIPs.map(ip => line(`  IP:  ${ip.ip}`)));
	}

	for (const [title, containers, statuses] of [
		['Init Containers', spec?.initContainers ?? [], status.initContainerStatuses ?? []],
		['Containers', spec?.containers ?? [], status.containerStatuses ?? []],
	] as const) {
		if (containers.length === 0) continue;
		lines.push(heading(`${title}:`));
		for (const container of containers) lines.push(...containerLines(container, statuses.find(s => s.name === container.name), now));
	}

	const conditions = status.conditions ?? [];
	const typeWidth = Math.max(4, ...conditions.map(condition => condition.type.length)) + 3;
	lines.push(heading('Conditions:'), line(`  ${'Type'.padEnd(typeWidth)}Status`));
	for (const condition of conditions) {
		lines.push(line(`  ${condition.type.padEnd(typeWidth)}${condition.status}`, condition.status === 'True' ? undefined : 'warn'));
	}

	lines.push(heading('Services selecting this pod:'));
	if (services.length === 0) lines.push(line('  <none> (no service selector matches its labels)', 'dim'));
	for (const service of services) {
		const spec = service.spec ?? {};
		lines.push(line(`  ${service.metadata.name}  ${spec.type ?? 'ClusterIP'}  ${spec.clusterIPs?.[0] ?? spec.clusterIP ?? '<none>'}  ${makePortString(spec.ports) || '<none>'}  selector ${formatLabels(spec.selector)}`));
	}

	lines.push(...eventLines(events, now));
	return lines;
}

function labelLines(label: string, labels: Record<string, string> | undefined): DetailLine[] {
	const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
	if (entries.length === 0) return [field(label, '<none>')];
	return entries.map(([key, value], index) => (index === 0 ? field(label, `${key}=${value}`) : line(`${' '.repeat(18)}${key}=${value}`)));
}

function phaseText(pod: Pod, now: number): string {
	const deletion = timestampMs(pod.metadata.deletionTimestamp);
	if (deletion !== undefined) {
		const grace = (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
		return `Terminating (lasts ${humanDuration(now - (deletion - grace))})`;
	}

	return pod.status?.reason ? `${pod.status.phase ?? ''} (${pod.status.reason})` : pod.status?.phase ?? '';
}

function containerLines(container: Container, status: ContainerStatus | undefined, now: number): DetailLine[] {
	const ports = container.ports ?? [];
	const lines: DetailLine[] = [
		line(`  ${container.name}:`),
		field('Image', container.image ?? '', 4, 20),
		field('Port', ports.length > 0 ? ports.map(port => `${port.containerPort}/${port.protocol ?? 'TCP'}${port.name ? ` (${port.name})` : ''}`).join(', ') : '<none>', 4, 20),
	];
	if (status) {
		lines.push(...stateLines('State', status.state, now), ...(status.lastState && Object.keys(status.lastState).length > 0 ? stateLines('Last State', status.lastState, now) : []));
		lines.push(field('Ready', status.ready ? 'True' : 'False', 4, 20), field('Restart Count', String(status.restartCount), 4, 20));
	}

	return lines;
}

function stateLines(label: string, state: ContainerState | undefined, now: number): DetailLine[] {
	if (state?.running) return [field(label, 'Running', 4, 20), field('Started', `${describeTime(state.running.startedAt)} (${since(state.running.startedAt, now)} ago)`, 6, 20)];
	if (state?.waiting) {
		return [{...field(label, 'Waiting', 4, 20), tone: 'warn'}, field('Reason', state.waiting.reason ?? '', 6, 20), ...(state.waiting.message ? [field('Message', state.waiting.message, 6, 20)] : [])];
	}

	if (state?.terminated) {
		const terminated = state.terminated;
		return [
			{...field(label, 'Terminated', 4, 20), tone: terminated.exitCode === 0 ? undefined : 'error'},
			field('Reason', terminated.reason ?? '', 6, 20),
			field('Exit Code', String(terminated.exitCode), 6, 20),
			field('Finished', describeTime(terminated.finishedAt), 6, 20),
		];
	}

	return [field(label, '<unknown>', 4, 20)];
}

function since(timestamp: string | undefined, now: number): string {
	const ms = timestampMs(timestamp);
	return ms === undefined ? '<unknown>' : humanDuration(now - ms);
}

/** Events the way describe lists them: oldest first, `Age` from the last time seen, `(xN over M)`. */
export function eventLines(events: readonly Event[], now: number): DetailLine[] {
	const sorted = [...events].sort((a, b) => lastSeen(a) - lastSeen(b));
	if (sorted.length === 0) return [field('Events', '<none>', 0, 8)];
	const rows = sorted.map(event => {
		const first = timestampMs(event.firstTimestamp ?? event.eventTime ?? undefined);
		const count = event.series?.count ?? event.count ?? 1;
		let age = humanDuration(now - lastSeen(event));
		if (count > 1 && first !== undefined) age += ` (x${count} over ${humanDuration(now - first)})`;
		const from = event.source?.component ?? event.reportingComponent ?? '';
		return [event.type ?? '', event.reason ?? '', age, from, (event.message ?? '').trim()];
	});
	const headers = ['Type', 'Reason', 'Age', 'From', 'Message'];
	const underline = headers.map(header => '-'.repeat(header.length));
	const table = [headers, underline, ...rows];
	const widths = headers.map((_, column) => Math.max(...table.map(row => row[column]!.length)));
	const render = (row: string[]) => `  ${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]! + 2))).join('')}`;
	return [heading('Events:'), ...table.map((row, index) => line(render(row), index >= 2 && row[0] === 'Warning' ? 'warn' : undefined))];
}

function lastSeen(event: Event): number {
	return timestampMs(event.series?.lastObservedTime ?? event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? undefined) ?? 0;
}

/** What `kubectl describe service` shows, with the endpoints and the pods behind them. */
export function describeService(service: Service, endpoints: ReadonlyArray<{address: string; state: string; pod?: string; node?: string}>, problems: readonly string[], nodeUrls: readonly string[], events: readonly Event[], now: number): DetailLine[] {
	const spec = service.spec ?? {};
	const lines: DetailLine[] = [
		field('Name', service.metadata.name ?? ''),
		field('Namespace', service.metadata.namespace ?? ''),
		...labelLines('Labels', service.metadata.labels),
		field('Selector', formatLabels(spec.selector)),
		field('Type', spec.type ?? 'ClusterIP'),
		field('IP', spec.clusterIPs?.[0] ?? spec.clusterIP ?? '<none>'),
	];
	for (const port of spec.ports ?? []) {
		const name = port.name || '<unset>';
		lines.push(field('Port', `${name}  ${port.port}/${port.protocol ?? 'TCP'}`));
		lines.push(field('TargetPort', `${port.targetPort ?? port.port}/${port.protocol ?? 'TCP'}`));
		if (port.nodePort) lines.push(field('NodePort', `${name}  ${port.nodePort}/${port.protocol ?? 'TCP'}`));
	}

	if (nodeUrls.length > 0) lines.push(field('Open it at', nodeUrls.join(', ')));
	lines.push(heading('Endpoints:'));
	if (endpoints.length === 0) lines.push(line('  <none>', 'warn'));
	for (const endpoint of endpoints) {
		const behind = endpoint.pod ? `pod ${endpoint.pod}${endpoint.node ? ` on ${endpoint.node}` : ''}` : '';
		lines.push(line(`  ${endpoint.address.padEnd(22)}${endpoint.state.padEnd(13)}${behind}`, endpoint.state === 'ready' ? 'ok' : 'warn'));
	}

	for (const problem of problems) lines.push(line(`  ! ${problem}`, 'warn'));
	lines.push(...eventLines(events, now));
	return lines;
}
