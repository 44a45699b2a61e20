import {isDns1123Label, isDns1123Subdomain, isQualifiedName} from '../k8s/names.js';
import {duplicateValue, invalidValue, notSupported, requiredValue, type FieldError} from './status.js';
import {isObject} from './meta.js';
import {canonicalQuantity, compareQuantities, parseQuantity} from './quantity.js';
import {validateLabels} from './validation-meta.js';

// A pod's validation as kube-apiserver v1.32 runs it (ValidatePodCreate and ValidatePodSpec),
// in its order, so several errors combine into the same `[a, b]` message.

type Json = Record<string, unknown>;

const protocols = ['SCTP', 'TCP', 'UDP'];
const pullPolicies = ['Always', 'IfNotPresent', 'Never'];

/** IsValidPortName: IANA service names (at most 15 characters, lower case, a letter, no `--`). */
export function isValidPortName(port: string): string[] {
	const errors: string[] = [];
	if (port.length > 15) {
		errors.push('must be no more than 15 characters');
	}

	if (!/^[-a-z\d]+$/.test(port)) {
		errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
	}

	if (!/[a-z]/.test(port)) {
		errors.push('must contain at least one letter (a-z)');
	}

	if (port.includes('--')) {
		errors.push('must not contain consecutive hyphens');
	}

	if (port.startsWith('-') || port.endsWith('-')) {
		errors.push('must not begin or end with a hyphen');
	}

	return errors;
}

/** IsValidPortNum's message when `port` is not 1–65535. */
export function portNumberErrors(port: number): string[] {
	return Number.isInteger(port) && port >= 1 && port <= 65_535 ? [] : ['must be between 1 and 65535, inclusive'];
}

function items(value: unknown): Json[] {
	return Array.isArray(value) ? value.map(item => (isObject(item) ? item : {})) : [];
}

function validatePorts(ports: unknown, field: string): FieldError[] {
	const errors: FieldError[] = [];
	const names = new Set<string>();
	for (const [index, port] of items(ports).entries()) {
		const path = `${field}[${index}]`;
		const name = port['name'];
		if (typeof name === 'string' && name !== '') {
			const problems = isValidPortName(name);
			if (problems.length > 0) {
				errors.push(...problems.map(message => invalidValue(`${path}.name`, name, message)));
			} else if (names.has(name)) {
				errors.push(duplicateValue(`${path}.name`, name));
			} else {
				names.add(name);
			}
		}

		const containerPort = port['containerPort'];
		if (!containerPort) {
			errors.push(requiredValue(`${path}.containerPort`));
		} else {
			errors.push(...portNumberErrors(Number(containerPort)).map(message => invalidValue(`${path}.containerPort`, containerPort, message)));
		}

		const hostPort = port['hostPort'];
		if (hostPort) {
			errors.push(...portNumberErrors(Number(hostPort)).map(message => invalidValue(`${path}.hostPort`, hostPort, message)));
		}

		const protocol = port['protocol'];
		if (!protocol) {
			errors.push(requiredValue(`${path}.protocol`));
		} else if (!protocols.includes(String(protocol))) {
			errors.push(notSupported(`${path}.protocol`, protocol, protocols));
		}
	}

	return errors;
}

function validateResources(resources: unknown, field: string): FieldError[] {
	const errors: FieldError[] = [];
	const requests = isObject(resources) && isObject(resources['requests']) ? resources['requests'] : {};
	const limits = isObject(resources) && isObject(resources['limits']) ? resources['limits'] : {};
	for (const [kind, list] of [
		['limits', limits],
		['requests', requests],
	] as const) {
		for (const [name, value] of Object.entries(list)) {
			const quantity = parseQuantity(String(value));
			if (quantity && quantity.nanos < 0n) {
				errors.push(invalidValue(`${field}.${kind}[${name}]`, canonicalQuantity(quantity), 'must be greater than or equal to 0'));
			}
		}
	}

	for (const [name, value] of Object.entries(requests)) {
		const request = parseQuantity(String(value));
		const limit = limits[name] === undefined ? undefined : parseQuantity(String(limits[name]));
		if (request && limit && compareQuantities(request, limit) > 0) {
			errors.push(
				invalidValue(
					`${field}.requests`,
					canonicalQuantity(request),
					`must be less than or equal to ${name} limit of ${canonicalQuantity(limit)}`,
				),
			);
		}
	}

	return errors;
}

// validateContainerCommon, then what validateContainers checks after it.
function validateContainerList(containers: unknown, field: string, required: boolean, names: Set<string>): FieldError[] {
	if (!Array.isArray(containers) || containers.length === 0) {
		return required ? [requiredValue(field)] : [];
	}

	const errors: FieldError[] = [];
	for (const [index, container] of items(containers).entries()) {
		const path = `${field}[${index}]`;
		const name = container['name'];
		if (typeof name !== 'string' || name === '') {
			errors.push(requiredValue(`${path}.name`));
		} else {
			errors.push(...isDns1123Label(name).map(message => invalidValue(`${path}.name`, name, message)));
		}

		if (!container['image']) {
			errors.push(requiredValue(`${path}.image`));
		}

		errors.push(...validatePorts(container['ports'], `${path}.ports`));
		const policy = container['imagePullPolicy'];
		if (policy !== undefined && !pullPolicies.includes(String(policy))) {
			errors.push(notSupported(`${path}.imagePullPolicy`, policy, pullPolicies));
		}

		errors.push(...validateResources(container['resources'], `${path}.resources`));
		if (typeof name === 'string') {
			if (names.has(name)) {
				errors.push(duplicateValue(`${path}.name`, name));
			} else {
				names.add(name);
			}
		}
	}

	errors.push(...hostPortConflicts(containers, field));
	return errors;
}

// Two ports of the pod may not claim the same host port (protocol, host IP and number).
function hostPortConflicts(containers: unknown[], field: string): FieldError[] {
	const seen = new Set<string>();
	const errors: FieldError[] = [];
	for (const [index, container] of items(containers).entries()) {
		for (const [portIndex, port] of items(container['ports']).entries()) {
			if (!port['hostPort']) {
				continue;
			}

			const key = `${String(port['protocol'] ?? '')}/${String(port['hostIP'] ?? '')}/${String(port['hostPort'])}`;
			if (seen.has(key)) {
				errors.push(duplicateValue(`${field}[${index}].ports[${portIndex}].hostPort`, key));
			} else {
				seen.add(key);
			}
		}
	}

	return errors;
}

/** ValidatePodSpec's checks the sandbox knows, in its order. */
export function validatePodSpec(spec: unknown): FieldError[] {
	if (!isObject(spec)) {
		return [requiredValue('spec.containers')];
	}

	const errors = validateContainerList(spec['containers'], 'spec.containers', true, new Set());
	errors.push(
		...validateContainerList(
			spec['initContainers'],
			'spec.initContainers',
			false,
			new Set(items(spec['containers']).map(container => String(container['name']))),
		),
	);
	const restartPolicy = spec['restartPolicy'];
	if (restartPolicy !== undefined && !['Always', 'OnFailure', 'Never'].includes(String(restartPolicy))) {
		errors.push(notSupported('spec.restartPolicy', restartPolicy, ['Always', 'OnFailure', 'Never']));
	}

	const dnsPolicy = spec['dnsPolicy'];
	const dnsPolicies = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
	if (dnsPolicy !== undefined && !dnsPolicies.includes(String(dnsPolicy))) {
		errors.push(notSupported('spec.dnsPolicy', dnsPolicy, dnsPolicies));
	}

	errors.push(...validateLabels(spec['nodeSelector'], 'spec.nodeSelector'));
	for (const [index, gate] of items(spec['readinessGates']).entries()) {
		const type = String(gate['conditionType'] ?? '');
		errors.push(...isQualifiedName(type).map(message => invalidValue(`spec.readinessGates[${index}].conditionType`, type, message)));
	}

	for (const field of ['serviceAccountName', 'nodeName'] as const) {
		const value = spec[field];
		if (typeof value === 'string' && value !== '') {
			errors.push(...isDns1123Subdomain(value).map(message => invalidValue(`spec.${field}`, value, message)));
		}
	}

	for (const field of ['hostname', 'subdomain'] as const) {
		const value = spec[field];
		if (typeof value === 'string' && value !== '') {
			errors.push(...isDns1123Label(value).map(message => invalidValue(`spec.${field}`, value, message)));
		}
	}

	// Pod-only checks come after the whole spec's (ValidatePod runs them last).
	errors.push(
		...imageWhitespaceErrors(spec['containers'], 'spec.containers'),
		...imageWhitespaceErrors(spec['initContainers'], 'spec.initContainers'),
	);
	return errors;
}

// A pod's images may not start or end with whitespace (`" nginx"`), unlike a template's.
function imageWhitespaceErrors(containers: unknown, field: string): FieldError[] {
	return items(containers).flatMap((container, index) => {
		const image = container['image'];
		return typeof image === 'string' && image !== image.trim()
			? [invalidValue(`${field}[${index}].image`, image, 'must not have leading or trailing whitespace')]
			: [];
	});
}
