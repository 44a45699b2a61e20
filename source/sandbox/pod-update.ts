import type {KubeObject} from '../k8s/types.js';
import {forbiddenField, type FieldError} from './status.js';
import {clone, isObject, jsonEqual} from './meta.js';

// ValidatePodUpdate: what an update of a pod's main resource may change, and the message
// (with the spec diff, go-cmp style) for anything else.

type Json = Record<string, unknown>;

const updatable = [
	'`spec.containers[*].image`',
	'`spec.initContainers[*].image`',
	'`spec.activeDeadlineSeconds`',
	'`spec.tolerations` (only additions to existing tolerations)',
	'`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function containersOf(spec: Json, list: string): Json[] {
	return Array.isArray(spec[list]) ? (spec[list] as unknown[]).map(item => (isObject(item) ? item : {})) : [];
}

/** The errors of replacing pod `old` by `next` (spec changes only; metadata is checked elsewhere). */
export function validatePodUpdate(old: KubeObject, next: KubeObject): FieldError[] {
	const oldSpec = isObject(old['spec']) ? old['spec'] : {};
	const newSpec = isObject(next['spec']) ? next['spec'] : {};
	for (const list of ['containers', 'initContainers']) {
		if (containersOf(oldSpec, list).length !== containersOf(newSpec, list).length) {
			return [forbiddenField(`spec.${list}`, 'pod updates may not add or remove containers')];
		}
	}

	if (jsonEqual(oldSpec, newSpec)) {
		return [];
	}

	// Munge the updatable fields to their old values, then anything still different is refused.
	const munged = clone(newSpec);
	for (const list of ['containers', 'initContainers']) {
		const oldContainers = containersOf(oldSpec, list);
		if (Array.isArray(munged[list])) {
			munged[list] = containersOf(munged, list).map((container, index) => ({...container, image: oldContainers[index]?.['image']}));
		}
	}

	for (const field of ['activeDeadlineSeconds', 'tolerations']) {
		munged[field] = oldSpec[field];
	}

	if (
		typeof oldSpec['terminationGracePeriodSeconds'] === 'number' &&
		oldSpec['terminationGracePeriodSeconds'] < 0 &&
		munged['terminationGracePeriodSeconds'] === 1
	) {
		munged['terminationGracePeriodSeconds'] = oldSpec['terminationGracePeriodSeconds'];
	}

	if (jsonEqual(oldSpec, munged)) {
		return [];
	}

	return [forbiddenField('spec', `pod updates may not change fields other than ${updatable.join(',')}\n${podSpecDiff(oldSpec, munged)}`)];
}

// The internal core.PodSpec's fields in Go order, with the JSON keys each one holds (the
// internal type keeps the host namespaces inside SecurityContext) and whether it is a pointer.
const podSpecFields: Array<[string, string[], boolean]> = [
	['Volumes', ['volumes'], false],
	['InitContainers', ['initContainers'], false],
	['Containers', ['containers'], false],
	['EphemeralContainers', ['ephemeralContainers'], false],
	['RestartPolicy', ['restartPolicy'], false],
	['TerminationGracePeriodSeconds', ['terminationGracePeriodSeconds'], true],
	['ActiveDeadlineSeconds', ['activeDeadlineSeconds'], true],
	['DNSPolicy', ['dnsPolicy'], false],
	['NodeSelector', ['nodeSelector'], false],
	['ServiceAccountName', ['serviceAccountName'], false],
	['AutomountServiceAccountToken', ['automountServiceAccountToken'], true],
	['NodeName', ['nodeName'], false],
	['SecurityContext', ['securityContext', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'hostUsers'], true],
	['ImagePullSecrets', ['imagePullSecrets'], false],
	['Hostname', ['hostname'], false],
	['Subdomain', ['subdomain'], false],
	['SetHostnameAsFQDN', ['setHostnameAsFQDN'], true],
	['Affinity', ['affinity'], true],
	['SchedulerName', ['schedulerName'], false],
	['Tolerations', ['tolerations'], false],
	['HostAliases', ['hostAliases'], false],
	['PriorityClassName', ['priorityClassName'], false],
	['Priority', ['priority'], true],
	['PreemptionPolicy', ['preemptionPolicy'], true],
	['DNSConfig', ['dnsConfig'], true],
	['ReadinessGates', ['readinessGates'], false],
	['RuntimeClassName', ['runtimeClassName'], true],
	['Overhead', ['overhead'], false],
	['EnableServiceLinks', ['enableServiceLinks'], true],
	['TopologySpreadConstraints', ['topologySpreadConstraints'], false],
	['OS', ['os'], true],
	['SchedulingGates', ['schedulingGates'], false],
	['ResourceClaims', ['resourceClaims'], false],
	['Resources', ['resources'], true],
];

function fieldValue(spec: Json, keys: string[]): unknown {
	if (keys.length === 1) {
		return spec[keys[0]!];
	}

	// SecurityContext: the JSON securityContext with the host namespace switches folded in.
	const merged: Json = {...(isObject(spec[keys[0]!]) ? (spec[keys[0]!] as Json) : {})};
	for (const key of keys.slice(1)) {
		if (spec[key] !== undefined && spec[key] !== false) {
			merged[key] = spec[key];
		}
	}

	return spec[keys[0]!] === undefined && Object.keys(merged).length === 0 ? undefined : merged;
}

const goFieldName = (key: string): string => key.charAt(0).toUpperCase() + key.slice(1);

// A value as go-cmp prints it in context: zero fields left out, at most four shown per struct.
function render(value: unknown, pointer: boolean): string {
	if (value === undefined || value === null) {
		return 'nil';
	}

	const prefix = pointer ? '&' : '';
	if (typeof value === 'string') {
		return `${prefix}${JSON.stringify(value)}`;
	}

	if (typeof value !== 'object') {
		return `${prefix}${String(value)}`;
	}

	if (Array.isArray(value)) {
		return `{${value.map(item => render(item, false)).join(', ')}}`;
	}

	const empty = (item: unknown): boolean =>
		item === undefined ||
		item === null ||
		item === '' ||
		item === false ||
		item === 0 ||
		(typeof item === 'object' && Object.keys(item).length === 0);
	const entries = Object.entries(value).filter(([, item]) => !empty(item));
	const limit = 4;
	const shown = entries.slice(0, limit).map(([key, item]) => `${goFieldName(key)}: ${render(item, false)}`);
	if (entries.length > limit) {
		shown.push('...');
	}

	return `${prefix}{${shown.join(', ')}}`;
}

/** A go-cmp style diff of two pod specs (`-` the stored value, `+` the requested one). */
export function podSpecDiff(oldSpec: Json, newSpec: Json): string {
	const rows = podSpecFields.map(([name, keys, pointer]) => {
		const before = fieldValue(oldSpec, keys);
		const after = fieldValue(newSpec, keys);
		return {name, pointer, before, after, changed: !jsonEqual(before ?? null, after ?? null)};
	});
	const context = 2;
	const shown = rows.map((_row, index) => rows.slice(Math.max(0, index - context), index + context + 1).some(near => near.changed));
	const width = Math.max(...rows.filter((_row, index) => shown[index]).map(row => row.name.length)) + 2;
	const lines = ['  core.PodSpec{'];
	let hidden = 0;
	const flush = (): void => {
		if (hidden > 0) {
			lines.push(`  \t... // ${hidden} identical field${hidden === 1 ? '' : 's'}`);
			hidden = 0;
		}
	};

	for (const [index, row] of rows.entries()) {
		if (!shown[index]) {
			hidden++;
			continue;
		}

		flush();
		const label = `${row.name}:`.padEnd(width);
		if (row.changed) {
			lines.push(`- \t${label}${render(row.before, row.pointer)},`, `+ \t${label}${render(row.after, row.pointer)},`);
		} else {
			lines.push(`  \t${label}${render(row.before, row.pointer)},`);
		}
	}

	flush();
	lines.push('  }', '');
	return lines.join('\n');
}
