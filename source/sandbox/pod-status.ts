import {createHash} from 'node:crypto';
import type {Container, ContainerState, ContainerStatus, PodCondition} from '../k8s/types.js';
import {orderKeys} from './meta.js';

/** `nginx` → `docker.io/library/nginx:latest`: how the runtime reports the image it ran. */
export function normalizeImage(image: string): string {
	const at = image.indexOf('@');
	const name = at >= 0 ? image.slice(0, at) : image;
	const digest = at >= 0 ? image.slice(at) : '';
	const slash = name.indexOf('/');
	const first = slash >= 0 ? name.slice(0, slash) : '';
	const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
	let full = name;
	if (slash < 0) {
		full = `docker.io/library/${name}`;
	} else if (!hasRegistry) {
		full = `docker.io/${name}`;
	}

	const lastSegment = full.slice(full.lastIndexOf('/') + 1);
	if (!digest && !lastSegment.includes(':')) {
		full += ':latest';
	}

	return full + digest;
}

function digestOf(image: string): string {
	return createHash('sha256').update(normalizeImage(image)).digest('hex');
}

/** `docker-pullable://nginx@sha256:…`: the image ID cri-dockerd reports (stable per image). */
export function imageIdOf(image: string): string {
	const at = image.indexOf('@');
	const name = at >= 0 ? image.slice(0, at) : image;
	const lastSlash = name.lastIndexOf('/');
	const colon = name.lastIndexOf(':');
	const repository = colon > lastSlash ? name.slice(0, colon) : name;
	return `docker-pullable://${repository}@sha256:${digestOf(image)}`;
}

/** A plausible, stable image size in bytes for the `Pulled` event. */
export function imageSizeOf(image: string): number {
	return 40_000_000 + (Number.parseInt(digestOf(image).slice(0, 8), 16) % 160_000_000);
}

/** Go's time.Duration.String() of milliseconds: `300ms`, `1.5s`, `2m3.5s`. */
export function goDuration(ms: number): string {
	const whole = Math.max(0, Math.round(ms));
	if (whole === 0) {
		return '0s';
	}

	if (whole < 1000) {
		return `${whole}ms`;
	}

	const minutes = Math.floor(whole / 60_000);
	const seconds = (whole % 60_000) / 1000;
	const secondsText = `${Number(seconds.toFixed(3))}s`;
	return minutes > 0 ? `${minutes}m${secondsText}` : secondsText;
}

const conditionOrder = ['type', 'status', 'lastProbeTime', 'lastTransitionTime', 'reason', 'message'];

/** A pod condition as the kubelet writes it, keeping the transition time when the status did not change. */
export function condition(
	previous: PodCondition[] | undefined,
	type: string,
	status: 'True' | 'False',
	time: string,
	reason?: string,
	message?: string,
): PodCondition {
	const before = previous?.find(existing => existing.type === type);
	const lastTransitionTime = before && before.status === status ? before.lastTransitionTime : time;
	return orderKeys({type, status, lastProbeTime: null, lastTransitionTime, reason, message}, conditionOrder) as PodCondition;
}

/** The state of one container as the kubelet reports it. */
export type Phase =
	| {kind: 'waiting'; reason: string}
	| {kind: 'running'; startedAt: string; containerID: string}
	| {kind: 'terminated'; startedAt: string; finishedAt: string; containerID: string; reason: string; exitCode: number};

/** One entry of containerStatuses / initContainerStatuses. */
export function containerStatus(container: Container, phase: Phase, ready: boolean): ContainerStatus {
	let state: ContainerState;
	let started = false;
	if (phase.kind === 'waiting') {
		state = {waiting: {reason: phase.reason}};
	} else if (phase.kind === 'running') {
		state = {running: {startedAt: phase.startedAt}};
		started = true;
	} else {
		state = {
			terminated: {
				exitCode: phase.exitCode,
				reason: phase.reason,
				startedAt: phase.startedAt,
				finishedAt: phase.finishedAt,
				containerID: phase.containerID,
			},
		};
	}

	const image = container.image ?? '';
	const hasImage = phase.kind !== 'waiting';
	const mounts = (container.volumeMounts ?? []).map(mount => ({
		name: mount.name,
		mountPath: mount.mountPath,
		...(mount.readOnly ? {readOnly: true, recursiveReadOnly: 'Disabled'} : {}),
	}));
	return {
		name: container.name,
		state,
		lastState: {},
		ready,
		restartCount: 0,
		image: hasImage ? normalizeImage(image) : image,
		imageID: hasImage ? imageIdOf(image) : '',
		...(phase.kind === 'waiting' ? {} : {containerID: phase.containerID}),
		started,
		...(mounts.length > 0 ? {volumeMounts: mounts} : {}),
	} as ContainerStatus;
}
