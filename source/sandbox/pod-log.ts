// pods/NAME/log on the sandbox. No container runs here, so there is no output to show;
// what the sandbox has is its simulated kubelet's record of each container (the events it
// recorded, when it started and stopped). It serves that record as the log, every line
// labelled `[kpods sandbox]` so nobody takes it for a program's output, with the query
// parameters and the 400 messages of a real API server and kubelet (v1.32).

import type {ServerResponse} from 'node:http';
import type {ContainerState, ContainerStatus, Event, Pod} from '../k8s/types.js';
import type {HandlerContext} from './handler-context.js';
import type {ResourceInfo} from './resources.js';
import {badRequest, failure, StatusError} from './status.js';

/** How often a followed running container gets a "still running" line (tests shorten it). */
export const podLogTiming = {tickMs: 5000};

/** The label every line the sandbox serves as a log starts with. */
export const sandboxLabel = '[kpods sandbox]';

interface LogOptions {
	container?: string;
	follow: boolean;
	previous: boolean;
	timestamps: boolean;
	tailLines?: number;
	sinceMs?: number;
	limitBytes?: number;
}

interface LogLine {
	ms: number;
	text: string;
}

/** Serves GET pods/NAME/log: the container's lifecycle lines, then (follow) new ones as they happen. */
export function servePodLog(
	context: HandlerContext,
	info: ResourceInfo,
	namespace: string | undefined,
	name: string,
	url: URL,
	response: ServerResponse,
): void {
	const options = parseOptions(url.searchParams, context.now());
	const pod = context.registry.get(info, namespace, name).object as unknown as Pod;
	const container = pickContainer(pod, options.container);
	const instance = instanceOf(pod, container, options.previous);
	const lines = recordOf(context, pod, container, instance);
	let shown = options.sinceMs === undefined ? lines : lines.filter(line => line.ms >= options.sinceMs!);
	if (options.tailLines !== undefined) {
		shown = options.tailLines === 0 ? [] : shown.slice(-options.tailLines);
	}

	response.writeHead(200, {'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private'});
	let budget = options.limitBytes ?? Number.POSITIVE_INFINITY;
	const emit = (line: LogLine): boolean => {
		const bytes = Buffer.from(`${options.timestamps ? `${timestamp(line.ms)} ` : ''}${line.text}\n`);
		if (bytes.length >= budget) {
			response.write(bytes.subarray(0, budget));
			return false;
		}

		budget -= bytes.length;
		response.write(bytes);
		return true;
	};

	if (!shown.every(line => emit(line)) || !options.follow || !instance.running) {
		response.end();
		return;
	}

	follow(context, pod, container, instance, emit, response);
}

function follow(
	context: HandlerContext,
	pod: Pod,
	container: string,
	instance: Instance,
	emit: (line: LogLine) => boolean,
	response: ServerResponse,
): void {
	const {namespace, name, uid} = pod.metadata;
	let ended = false;
	const end = () => {
		if (ended) {
			return;
		}
		ended = true;
		clearInterval(tick);
		unsubscribe();
		response.end();
	};

	const unsubscribe = context.store.subscribe(change => {
		if (change.resource === 'events' && change.type !== 'DELETED') {
			const event = change.entry.object as unknown as Event;
			if (event.involvedObject.uid === uid && containerOf(event) === container && !emit(eventLine(event))) {
				end();
			}
			return;
		}

		if (change.resource !== 'pods' || change.entry.object.metadata.namespace !== namespace || change.entry.object.metadata.name !== name) {
			return;
		}
		const now = change.type === 'DELETED' ? undefined : statusOf(change.entry.object as unknown as Pod, container);
		const running = now?.state?.running;
		if (change.type === 'DELETED' || !running || running.startedAt !== instance.startedAt) {
			const terminated = now?.state?.terminated;
			if (terminated) {
				emit(terminatedLine(container, terminated, context.now()));
			}
			end();
		}
	});
	const tick = setInterval(() => {
		if (
			!emit({
				ms: context.now(),
				text: `${sandboxLabel} container "${container}" is still running (simulated: nothing runs, so it writes nothing)`,
			})
		) {
			end();
		}
	}, podLogTiming.tickMs);
	response.on('close', end);
}

interface Instance {
	startedAt?: string;
	finishedAt?: string;
	running: boolean;
	terminated?: NonNullable<ContainerState['terminated']>;
	image: string;
}

function parseOptions(query: URLSearchParams, now: number): LogOptions {
	const flag = (key: string): boolean => {
		const value = query.get(key);
		if (value === null || value === '') {
			return false;
		}
		if (/^(1|t|T|TRUE|true|True)$/.test(value)) {
			return true;
		}
		if (/^(0|f|F|FALSE|false|False)$/.test(value)) {
			return false;
		}
		throw badRequest(`strconv.ParseBool: parsing "${value}": invalid syntax`);
	};

	const integer = (key: string, minimum: number): number | undefined => {
		const value = query.get(key);
		if (value === null || value === '') {
			return undefined;
		}
		if (!/^[+-]?\d+$/.test(value)) {
			throw badRequest(`strconv.ParseInt: parsing "${value}": invalid syntax`);
		}
		const number = Number.parseInt(value, 10);
		if (number < minimum) {
			const message = `PodLogOptions "" is invalid: ${key}: Invalid value: ${number}: must be greater than ${minimum === 0 ? 'or equal to 0' : '0'}`;
			throw new StatusError(
				failure(422, 'Invalid', message, {
					kind: 'PodLogOptions',
					causes: [
						{
							reason: 'FieldValueInvalid',
							message: `Invalid value: ${number}: must be greater than ${minimum === 0 ? 'or equal to 0' : '0'}`,
							field: key,
						},
					],
				}),
			);
		}

		return number;
	};

	const sinceSeconds = integer('sinceSeconds', 1);
	const sinceTime = query.get('sinceTime');
	let sinceMs = sinceSeconds === undefined ? undefined : now - sinceSeconds * 1000;
	if (sinceTime) {
		if (sinceSeconds !== undefined) {
			throw new StatusError(
				failure(
					422,
					'Invalid',
					'PodLogOptions "" is invalid: []: Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified',
					{kind: 'PodLogOptions'},
				),
			);
		}
		sinceMs = Date.parse(sinceTime);
		if (Number.isNaN(sinceMs)) {
			throw badRequest(`parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`);
		}
	}

	return {
		container: query.get('container') ?? undefined,
		follow: flag('follow'),
		previous: flag('previous'),
		timestamps: flag('timestamps'),
		tailLines: integer('tailLines', 0),
		sinceMs,
		limitBytes: integer('limitBytes', 1),
	};
}

/** The container asked for, or the pod's only one; the API server's 400s otherwise. */
function pickContainer(pod: Pod, asked: string | undefined): string {
	const name = pod.metadata.name!;
	const containers = (pod.spec?.containers ?? []).map(container => container.name);
	const inits = (pod.spec?.initContainers ?? []).map(container => container.name);
	if (asked) {
		if (!containers.includes(asked) && !inits.includes(asked)) {
			throw badRequest(`container ${asked} is not valid for pod ${name}`);
		}
		return asked;
	}

	if (containers.length === 1) {
		return containers[0]!;
	}
	const initsText = inits.length > 0 ? ` or one of the init containers: [${inits.join(' ')}]` : '';
	throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]${initsText}`);
}

function statusOf(pod: Pod, container: string): ContainerStatus | undefined {
	return [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find(status => status.name === container);
}

/** The instance whose log is asked for, with the kubelet's 400s where there is none (validateContainerLogStatus). */
function instanceOf(pod: Pod, container: string, previous: boolean): Instance {
	const name = pod.metadata.name!;
	if (!pod.spec?.nodeName) {
		throw badRequest(`pod ${name} does not have a host assigned`);
	}
	const status = statusOf(pod, container);
	const where = `container "${container}" in pod "${name}"`;
	if (!status) {
		throw badRequest(`${where} is not available`);
	}
	const image = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])].find(each => each.name === container)?.image ?? '';
	const last = status.lastState?.terminated;
	const ended = (terminated: NonNullable<ContainerState['terminated']>): Instance => ({
		startedAt: terminated.startedAt ?? undefined,
		finishedAt: terminated.finishedAt ?? undefined,
		running: false,
		terminated,
		image,
	});
	if (previous) {
		if (!last?.containerID) {
			throw badRequest(`previous terminated ${where} not found`);
		}
		return ended(last);
	}

	const {state} = status;
	if (state?.running) {
		return {startedAt: state.running.startedAt ?? undefined, running: true, image};
	}
	if (state?.terminated) {
		if (state.terminated.containerID) {
			return ended(state.terminated);
		}
		if (last?.containerID) {
			return ended(last);
		}
		throw badRequest(`${where} is terminated`);
	}

	if (last) {
		if (!last.containerID) {
			throw badRequest(`${where} is terminated`);
		}
		return ended(last);
	}

	const reason = state?.waiting?.reason;
	if (reason) {
		const why =
			reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
		throw badRequest(`${where} is waiting to start: ${why}`);
	}

	throw badRequest(`${where} is waiting to start - no logs yet`);
}

/** The fieldPath's container name: `spec.containers{web}` → web. */
function containerOf(event: Event): string | undefined {
	return /^spec\.(?:initContainers|containers)\{(.+)\}$/.exec(event.involvedObject.fieldPath ?? '')?.[1];
}

const eventMs = (event: Event): number => Date.parse(event.eventTime ?? event.lastTimestamp ?? event.firstTimestamp ?? '') || 0;

function eventLine(event: Event): LogLine {
	return {ms: eventMs(event), text: `${sandboxLabel} kubelet: ${event.reason ?? ''}: ${event.message ?? ''}`};
}

function terminatedLine(container: string, terminated: NonNullable<ContainerState['terminated']>, now: number): LogLine {
	const ms = Date.parse(terminated.finishedAt ?? '') || now;
	return {
		ms,
		text: `${sandboxLabel} container "${container}" terminated: ${terminated.reason ?? 'Unknown'}, exit code ${terminated.exitCode ?? 0}`,
	};
}

/** The container instance's record: a label line, the kubelet's events about it, its end. */
function recordOf(context: HandlerContext, pod: Pod, container: string, instance: Instance): LogLine[] {
	const startMs = Date.parse(instance.startedAt ?? '') || context.now();
	const endMs = instance.finishedAt ? Date.parse(instance.finishedAt) : Number.POSITIVE_INFINITY;
	const events = context.store
		.list('events', pod.metadata.namespace)
		.map(entry => entry.object as unknown as Event)
		.filter(event => event.involvedObject.uid === pod.metadata.uid && containerOf(event) === container && eventMs(event) <= endMs)
		.sort((a, b) => eventMs(a) - eventMs(b));
	const firstMs = Math.min(startMs, ...events.map(event => eventMs(event)));
	const lines: LogLine[] = [
		{
			ms: firstMs,
			text: `${sandboxLabel} no container runs here: these lines are the simulated kubelet's record of container "${container}" (image "${instance.image}"), not its output`,
		},
		...events.map(event => eventLine(event)),
	];
	if (instance.terminated) {
		lines.push(terminatedLine(container, instance.terminated, context.now()));
	}
	return lines;
}

/** RFC 3339 with nanoseconds as Go prints it (trailing zeros of the fraction dropped), as `timestamps=true` prefixes lines. */
export function timestamp(ms: number): string {
	const iso = new Date(ms).toISOString();
	const fraction = iso.slice(20, 23).replace(/0+$/, '');
	return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}
