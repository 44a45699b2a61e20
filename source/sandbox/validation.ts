import type {Container, KubeObject} from '../k8s/types.js';
import {isDns1035Label, isDns1123Label, isDns1123Subdomain, isQualifiedName, isValidLabelValue} from '../k8s/names.js';
import {duplicateValue, forbiddenField, invalidValue, notSupported, requiredValue, type FieldError} from './status.js';
import {isObject} from './meta.js';

/** The field errors of an object about to be stored, as the API server's validation finds them. */
export function validate(resource: string, object: KubeObject): FieldError[] {
	const errors = validateMeta(resource, object);
	switch (resource) {
		case 'pods': {
			errors.push(...validatePodSpec(object['spec']));
			break;
		}

		case 'services': {
			errors.push(...validateServiceSpec(object['spec']));
			break;
		}

		default: {
			break;
		}
	}

	return errors;
}

function nameRule(resource: string): (value: string) => string[] {
	switch (resource) {
		case 'services': {
			return isDns1035Label;
		}

		case 'namespaces': {
			return isDns1123Label;
		}

		default: {
			return isDns1123Subdomain;
		}
	}
}

function validateMeta(resource: string, object: KubeObject): FieldError[] {
	const errors: FieldError[] = [];
	const {name, labels, annotations} = object.metadata;
	if (!name) {
		errors.push(requiredValue('metadata.name', 'name or generateName is required'));
	} else {
		for (const message of nameRule(resource)(name)) {
			errors.push(invalidValue('metadata.name', name, message));
		}
	}

	errors.push(...validateLabels(labels, 'metadata.labels'));
	if (annotations !== undefined && !isObject(annotations)) {
		errors.push(invalidValue('metadata.annotations', annotations, 'must be a map of strings'));
	}

	return errors;
}

/** Label keys must be qualified names, values valid label values. */
export function validateLabels(labels: unknown, field: string): FieldError[] {
	const errors: FieldError[] = [];
	if (labels === undefined) {
		return errors;
	}

	if (!isObject(labels)) {
		return [invalidValue(field, labels, 'must be a map of strings')];
	}

	for (const [key, value] of Object.entries(labels)) {
		for (const message of isQualifiedName(key)) {
			errors.push(invalidValue(field, key, message));
		}

		for (const message of isValidLabelValue(String(value))) {
			errors.push(invalidValue(field, value, message));
		}
	}

	return errors;
}

const protocols = ['SCTP', 'TCP', 'UDP'];

function validateContainers(containers: unknown, field: string, required: boolean): FieldError[] {
	const errors: FieldError[] = [];
	if (!Array.isArray(containers) || containers.length === 0) {
		return required ? [requiredValue(field)] : [];
	}

	const seen = new Set<string>();
	for (const [index, raw] of containers.entries()) {
		const path = `${field}[${index}]`;
		const container = (isObject(raw) ? raw : {}) as unknown as Container;
		if (!container.name) {
			errors.push(requiredValue(`${path}.name`));
		} else {
			for (const message of isDns1123Label(container.name)) {
				errors.push(invalidValue(`${path}.name`, container.name, message));
			}

			if (seen.has(container.name)) {
				errors.push(duplicateValue(`${path}.name`, container.name));
			}

			seen.add(container.name);
		}

		if (!container.image) {
			errors.push(requiredValue(`${path}.image`));
		}

		for (const [portIndex, port] of (container.ports ?? []).entries()) {
			const portPath = `${path}.ports[${portIndex}]`;
			if (!port.containerPort) {
				errors.push(requiredValue(`${portPath}.containerPort`));
			} else if (!Number.isInteger(port.containerPort) || port.containerPort < 1 || port.containerPort > 65_535) {
				errors.push(invalidValue(`${portPath}.containerPort`, port.containerPort, 'must be between 1 and 65535, inclusive'));
			}

			if (port.protocol && !protocols.includes(port.protocol)) {
				errors.push(notSupported(`${portPath}.protocol`, port.protocol, protocols));
			}
		}
	}

	return errors;
}

function validatePodSpec(spec: unknown): FieldError[] {
	if (!isObject(spec)) {
		return [requiredValue('spec.containers')];
	}

	const errors = [
		...validateContainers(spec['initContainers'], 'spec.initContainers', false),
		...validateContainers(spec['containers'], 'spec.containers', true),
	];
	const restartPolicy = spec['restartPolicy'];
	if (restartPolicy !== undefined && !['Always', 'OnFailure', 'Never'].includes(String(restartPolicy))) {
		errors.push(notSupported('spec.restartPolicy', restartPolicy, ['Always', 'OnFailure', 'Never']));
	}

	const dnsPolicy = spec['dnsPolicy'];
	const dnsPolicies = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
	if (dnsPolicy !== undefined && !dnsPolicies.includes(String(dnsPolicy))) {
		errors.push(notSupported('spec.dnsPolicy', dnsPolicy, dnsPolicies));
	}

	// Pod-only checks come after the whole spec's (ValidatePod runs them last), so a
	// whitespace error follows any other container error as a real server orders them.
	errors.push(...imageWhitespaceErrors(spec['containers'], 'spec.containers'), ...imageWhitespaceErrors(spec['initContainers'], 'spec.initContainers'));
	return errors;
}

// A pod's images may not start or end with whitespace (`" nginx"`), unlike a template's.
function imageWhitespaceErrors(containers: unknown, field: string): FieldError[] {
	if (!Array.isArray(containers)) {
		return [];
	}

	return containers.flatMap((container, index) => {
		const image = isObject(container) ? container['image'] : undefined;
		return typeof image === 'string' && image !== image.trim()
			? [invalidValue(`${field}[${index}].image`, image, 'must not have leading or trailing whitespace')]
			: [];
	});
}

const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

function validateServiceSpec(spec: unknown): FieldError[] {
	const errors: FieldError[] = [];
	const service = isObject(spec) ? spec : {};
	const type = (service['type'] as string | undefined) ?? 'ClusterIP';
	if (!serviceTypes.includes(type)) {
		errors.push(notSupported('spec.type', type, serviceTypes));
		return errors;
	}

	const ports = Array.isArray(service['ports']) ? service['ports'] as Array<Record<string, unknown>> : [];
	if (type !== 'ExternalName' && ports.length === 0 && service['clusterIP'] !== 'None') {
		errors.push(requiredValue('spec.ports'));
	}

	const names = new Set<string>();
	for (const [index, port] of ports.entries()) {
		const path = `spec.ports[${index}]`;
		const name = port['name'];
		if (ports.length > 1 && !name) {
			errors.push(requiredValue(`${path}.name`));
		} else if (typeof name === 'string' && name !== '') {
			for (const message of isDns1123Label(name)) {
				errors.push(invalidValue(`${path}.name`, name, message));
			}

			if (names.has(name)) {
				errors.push(duplicateValue(`${path}.name`, name));
			}

			names.add(name);
		}

		const number = port['port'];
		if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 65_535) {
			errors.push(invalidValue(`${path}.port`, number ?? 0, 'must be between 1 and 65535, inclusive'));
		}

		const protocol = port['protocol'];
		if (protocol !== undefined && !protocols.includes(String(protocol))) {
			errors.push(notSupported(`${path}.protocol`, protocol, protocols));
		}

		const targetPort = port['targetPort'];
		if (typeof targetPort === 'number' && (targetPort < 1 || targetPort > 65_535)) {
			errors.push(invalidValue(`${path}.targetPort`, targetPort, 'must be between 1 and 65535, inclusive'));
		} else if (typeof targetPort === 'string' && !/^[a-z\d]([a-z\d-]{0,13}[a-z\d])?$/.test(targetPort)) {
			errors.push(invalidValue(`${path}.targetPort`, targetPort, 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'));
		}

		if (port['nodePort'] !== undefined && port['nodePort'] !== 0 && type === 'ClusterIP') {
			errors.push(forbiddenField(`${path}.nodePort`, 'may not be used when `type` is \'ClusterIP\''));
		}
	}

	errors.push(...validateLabels(service['selector'], 'spec.selector'));
	const clusterIP = service['clusterIP'];
	if (typeof clusterIP === 'string' && clusterIP !== '' && clusterIP !== 'None' && !isIPv4(clusterIP)) {
		errors.push(invalidValue('spec.clusterIPs[0]', clusterIP, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
	}

	return errors;
}

/** Whether `text` is a dotted-quad IPv4 address. */
export function isIPv4(text: string): boolean {
	const parts = text.split('.');
	return parts.length === 4 && parts.every(part => /^\d{1,3}$/.test(part) && Number(part) <= 255 && String(Number(part)) === part);
}
