import {isDns1123Label, isDns1123Subdomain} from '../k8s/names.js';
import {duplicateValue, forbiddenField, invalidValue, notSupported, requiredValue, type FieldError} from './status.js';
import {isObject} from './meta.js';
import {isValidPortName, portNumberErrors} from './validation-pod.js';
import {validateLabels} from './validation-meta.js';

// A service's validation as kube-apiserver v1.32 runs it (ValidateService), in its order, so
// several errors combine into the same `[a, b]` message.

type Json = Record<string, unknown>;

const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const protocols = ['SCTP', 'TCP', 'UDP'];
const ipMessage = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

/** Whether `text` is a dotted-quad IPv4 address. */
export function isIPv4(text: string): boolean {
	const parts = text.split('.');
	return parts.length === 4 && parts.every(part => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

/** Whether `text` is an IPv6 address (as Go's net.ParseIP reads one). */
export function isIPv6(text: string): boolean {
	if (!/^[\da-fA-F:.]+$/.test(text) || !text.includes(':')) {
		return false;
	}

	const halves = text.split('::');
	if (halves.length > 2) {
		return false;
	}

	const groups = halves.flatMap(half => (half === '' ? [] : half.split(':')));
	const last = groups.at(-1) ?? '';
	const embedsV4 = last.includes('.');
	if (embedsV4 && !isIPv4(last)) {
		return false;
	}

	const count = groups.length + (embedsV4 ? 1 : 0);
	const valid = groups.slice(0, embedsV4 ? -1 : undefined).every(group => /^[\da-fA-F]{1,4}$/.test(group));
	return valid && (halves.length === 2 ? count < 8 : count === 8);
}

/** ServiceExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with external IPs. */
export function externallyAccessible(spec: Json): boolean {
	return (
		spec['type'] === 'NodePort' ||
		spec['type'] === 'LoadBalancer' ||
		(spec['type'] === 'ClusterIP' && Array.isArray(spec['externalIPs']) && spec['externalIPs'].length > 0)
	);
}

// ValidateNonSpecialIP's refusals (IPv4 forms).
function specialIPErrors(ip: string, field: string): FieldError[] {
	const [a, b, c] = ip.split('.').map(Number) as [number, number, number];
	const errors: FieldError[] = [];
	if (ip === '0.0.0.0' || ip === '::') {
		errors.push(invalidValue(field, ip, `may not be unspecified (${ip})`));
	}

	if (a === 127 || ip === '::1') {
		errors.push(invalidValue(field, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
	}

	if ((a === 169 && b === 254) || /^fe[89ab]/i.test(ip)) {
		errors.push(invalidValue(field, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
	}

	if ((a === 224 && b === 0 && c === 0) || /^ff02:/i.test(ip)) {
		errors.push(invalidValue(field, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
	}

	return errors;
}

// Go's %#v of the internal ServicePort key the duplicate-port check compares.
function servicePortKey(port: Json): string {
	return `core.ServicePort{Name:"", Protocol:${JSON.stringify(String(port['protocol'] ?? ''))}, AppProtocol:(*string)(nil), Port:${Number(port['port'] ?? 0)}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

function validatePort(port: Json, path: string, requireName: boolean, names: Set<string>): FieldError[] {
	const errors: FieldError[] = [];
	const name = port['name'];
	if (requireName && !name) {
		errors.push(requiredValue(`${path}.name`));
	} else if (typeof name === 'string' && name !== '') {
		errors.push(...isDns1123Label(name).map(message => invalidValue(`${path}.name`, name, message)));
		if (names.has(name)) {
			errors.push(duplicateValue(`${path}.name`, name));
		} else {
			names.add(name);
		}
	}

	const number = Number(port['port'] ?? 0);
	errors.push(...portNumberErrors(number).map(message => invalidValue(`${path}.port`, number, message)));
	const protocol = port['protocol'];
	if (!protocol) {
		errors.push(requiredValue(`${path}.protocol`));
	} else if (!protocols.includes(String(protocol))) {
		errors.push(notSupported(`${path}.protocol`, protocol, protocols));
	}

	const target = port['targetPort'];
	const targetErrors = typeof target === 'string' ? isValidPortName(target) : portNumberErrors(Number(target ?? 0));
	errors.push(...targetErrors.map(message => invalidValue(`${path}.targetPort`, target ?? 0, message)));
	return errors;
}

/** ValidateService's checks of the spec the sandbox knows, in its order. */
export function validateServiceSpec(spec: unknown): FieldError[] {
	const service = isObject(spec) ? spec : {};
	const errors: FieldError[] = [];
	const type = service['type'];
	const ports = Array.isArray(service['ports']) ? service['ports'].map(port => (isObject(port) ? port : {})) : [];
	const clusterIP = service['clusterIP'];
	const headless = clusterIP === 'None';
	if (ports.length === 0 && !headless && type !== 'ExternalName') {
		errors.push(requiredValue('spec.ports'));
	}

	if ((type === 'LoadBalancer' || type === 'NodePort') && headless) {
		errors.push(invalidValue('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`));
	} else if (type === 'ExternalName') {
		if (typeof clusterIP === 'string' && clusterIP !== '') {
			errors.push(forbiddenField('spec.clusterIPs', 'may not be set for ExternalName services'));
		}

		const cname = String(service['externalName'] ?? '').replace(/\.$/, '');
		if (cname === '') {
			errors.push(requiredValue('spec.externalName'));
		} else {
			errors.push(...isDns1123Subdomain(cname).map(message => invalidValue('spec.externalName', cname, message)));
		}
	}

	const names = new Set<string>();
	for (const [index, port] of ports.entries()) {
		errors.push(...validatePort(port, `spec.ports[${index}]`, ports.length > 1, names));
	}

	errors.push(...validateLabels(service['selector'], 'spec.selector'));
	const affinity = service['sessionAffinity'];
	if (affinity !== undefined && !['ClientIP', 'None'].includes(String(affinity))) {
		errors.push(notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']));
	}

	if (typeof clusterIP === 'string' && clusterIP !== '' && !headless && !isIPv4(clusterIP) && !isIPv6(clusterIP)) {
		errors.push(invalidValue('spec.clusterIPs[0]', clusterIP, ipMessage));
	}

	for (const [index, ip] of (Array.isArray(service['externalIPs']) ? service['externalIPs'] : []).entries()) {
		const field = `spec.externalIPs[${index}]`;
		const text = String(ip);
		errors.push(...(isIPv4(text) || isIPv6(text) ? specialIPErrors(text, field) : [invalidValue(field, text, ipMessage)]));
	}

	if (type !== undefined && !serviceTypes.includes(String(type))) {
		errors.push(notSupported('spec.type', type, serviceTypes));
	}

	errors.push(...portUniqueness(ports, type === 'ClusterIP'));
	const policy = service['externalTrafficPolicy'];
	if (!externallyAccessible(service)) {
		if (policy) {
			errors.push(invalidValue('spec.externalTrafficPolicy', policy, 'may only be set for externally-accessible services'));
		}
	} else if (!policy) {
		errors.push(requiredValue('spec.externalTrafficPolicy'));
	} else if (!['Cluster', 'Local'].includes(String(policy))) {
		errors.push(notSupported('spec.externalTrafficPolicy', policy, ['Cluster', 'Local']));
	}

	return errors;
}

// No nodePort on a ClusterIP service; no nodePort, and no port, twice (per protocol).
function portUniqueness(ports: Json[], clusterIPType: boolean): FieldError[] {
	const errors: FieldError[] = [];
	if (clusterIPType) {
		for (const [index, port] of ports.entries()) {
			if (port['nodePort']) {
				errors.push(forbiddenField(`spec.ports[${index}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
			}
		}
	}

	const nodePorts = new Set<string>();
	for (const [index, port] of ports.entries()) {
		if (!port['nodePort']) {
			continue;
		}

		const key = `${String(port['protocol'])}/${String(port['nodePort'])}`;
		if (nodePorts.has(key)) {
			errors.push(duplicateValue(`spec.ports[${index}].nodePort`, port['nodePort']));
		}

		nodePorts.add(key);
	}

	const seen = new Set<string>();
	for (const [index, port] of ports.entries()) {
		const key = `${String(port['protocol'])}/${String(port['port'])}`;
		if (seen.has(key)) {
			errors.push({type: 'FieldValueDuplicate', field: `spec.ports[${index}]`, message: `Duplicate value: ${servicePortKey(port)}`});
		}

		seen.add(key);
	}

	return errors;
}

/** ValidateLoadBalancerStatus: what a status update may put in `status.loadBalancer.ingress`. */
export function validateServiceStatus(spec: unknown, status: unknown): FieldError[] {
	const ingress =
		isObject(status) && isObject(status['loadBalancer']) && Array.isArray(status['loadBalancer']['ingress'])
			? status['loadBalancer']['ingress'].map(item => (isObject(item) ? item : {}))
			: [];
	const field = 'status.loadBalancer.ingress';
	if (ingress.length > 0 && (!isObject(spec) || spec['type'] !== 'LoadBalancer')) {
		return [forbiddenField(field, "may only be used when `spec.type` is 'LoadBalancer'")];
	}

	const errors: FieldError[] = [];
	for (const [index, item] of ingress.entries()) {
		const path = `${field}[${index}]`;
		const ip = item['ip'];
		if (typeof ip === 'string' && ip !== '' && !isIPv4(ip) && !isIPv6(ip)) {
			errors.push(invalidValue(`${path}.ip`, ip, ipMessage));
		}

		if (typeof ip === 'string' && ip !== '' && !item['ipMode']) {
			errors.push(requiredValue(`${path}.ipMode`, 'must be specified when `ip` is set'));
		} else if (item['ipMode'] && !ip) {
			errors.push(forbiddenField(`${path}.ipMode`, 'may not be specified when `ip` is not set'));
		} else if (item['ipMode'] && !['Proxy', 'VIP'].includes(String(item['ipMode']))) {
			errors.push(notSupported(`${path}.ipMode`, item['ipMode'], ['Proxy', 'VIP']));
		}

		const hostname = item['hostname'];
		if (typeof hostname === 'string' && hostname !== '') {
			errors.push(...isDns1123Subdomain(hostname).map(message => invalidValue(`${path}.hostname`, hostname, message)));
			if (isIPv4(hostname) || isIPv6(hostname)) {
				errors.push(invalidValue(`${path}.hostname`, hostname, 'must be a DNS name, not an IP address'));
			}
		}
	}

	return errors;
}
