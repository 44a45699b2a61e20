/**
 * The Go types behind the JSON of the objects people write by hand (pods, services), as far
 * as decoding needs them: which JSON type each field takes and the Go name of that type, so
 * a wrong type is refused with the message the API server's decoder gives
 * (`json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32`).
 * Fields not listed here are not type-checked.
 */

/** One Go type as the JSON decoder sees it. */
export type GoType =
	| {kind: 'string'; name: string}
	| {kind: 'int'; name: 'int32' | 'int64'}
	| {kind: 'bool'}
	/** intstr.IntOrString: a string or an int32, decoded by its own UnmarshalJSON. */
	| {kind: 'intOrString'}
	/** resource.Quantity: a string or a number, parsed by its own UnmarshalJSON. */
	| {kind: 'quantity'}
	| {kind: 'map'; name: string; value: GoType}
	| {kind: 'slice'; name: string; item: GoType}
	| {kind: 'struct'; name: string; fields: Record<string, GoType>};

const text = (name = 'string'): GoType => ({kind: 'string', name});
const int32: GoType = {kind: 'int', name: 'int32'};
const int64: GoType = {kind: 'int', name: 'int64'};
const bool: GoType = {kind: 'bool'};
const quantity: GoType = {kind: 'quantity'};
const strings = (name = '[]string'): GoType => ({kind: 'slice', name, item: text()});
const stringMap: GoType = {kind: 'map', name: 'map[string]string', value: text()};
const resourceList: GoType = {kind: 'map', name: 'v1.ResourceList', value: quantity};
const struct = (name: string, fields: Record<string, GoType>): GoType => ({kind: 'struct', name, fields});
const slice = (item: GoType): GoType => ({kind: 'slice', name: `[]${goName(item)}`, item});

const objectMeta = struct('v1.ObjectMeta', {
	name: text(),
	generateName: text(),
	namespace: text(),
	selfLink: text(),
	uid: text('types.UID'),
	resourceVersion: text(),
	generation: int64,
	deletionGracePeriodSeconds: int64,
	labels: stringMap,
	annotations: stringMap,
	finalizers: strings(),
	ownerReferences: slice(
		struct('v1.OwnerReference', {
			apiVersion: text(),
			kind: text(),
			name: text(),
			uid: text('types.UID'),
			controller: bool,
			blockOwnerDeletion: bool,
		}),
	),
});

const containerPort = struct('v1.ContainerPort', {
	name: text(),
	hostPort: int32,
	containerPort: int32,
	protocol: text('v1.Protocol'),
	hostIP: text(),
});
const envVar = struct('v1.EnvVar', {name: text(), value: text()});
const volumeMount = struct('v1.VolumeMount', {name: text(), readOnly: bool, mountPath: text(), subPath: text(), subPathExpr: text()});
const resources = struct('v1.ResourceRequirements', {limits: resourceList, requests: resourceList});
const probe = struct('v1.Probe', {
	initialDelaySeconds: int32,
	timeoutSeconds: int32,
	periodSeconds: int32,
	successThreshold: int32,
	failureThreshold: int32,
	terminationGracePeriodSeconds: int64,
	httpGet: struct('v1.HTTPGetAction', {path: text(), port: {kind: 'intOrString'}, host: text(), scheme: text('v1.URIScheme')}),
	tcpSocket: struct('v1.TCPSocketAction', {port: {kind: 'intOrString'}, host: text()}),
	exec: struct('v1.ExecAction', {command: strings()}),
});

const container = struct('v1.Container', {
	name: text(),
	image: text(),
	command: strings(),
	args: strings(),
	workingDir: text(),
	ports: slice(containerPort),
	env: slice(envVar),
	resources,
	volumeMounts: slice(volumeMount),
	livenessProbe: probe,
	readinessProbe: probe,
	startupProbe: probe,
	terminationMessagePath: text(),
	terminationMessagePolicy: text('v1.TerminationMessagePolicy'),
	imagePullPolicy: text('v1.PullPolicy'),
	stdin: bool,
	stdinOnce: bool,
	tty: bool,
});

const toleration = struct('v1.Toleration', {
	key: text(),
	operator: text('v1.TolerationOperator'),
	value: text(),
	effect: text('v1.TaintEffect'),
	tolerationSeconds: int64,
});

const podSpec = struct('v1.PodSpec', {
	initContainers: slice(container),
	containers: slice(container),
	restartPolicy: text('v1.RestartPolicy'),
	terminationGracePeriodSeconds: int64,
	activeDeadlineSeconds: int64,
	dnsPolicy: text('v1.DNSPolicy'),
	nodeSelector: stringMap,
	serviceAccountName: text(),
	serviceAccount: text(),
	automountServiceAccountToken: bool,
	nodeName: text(),
	hostNetwork: bool,
	hostPID: bool,
	hostIPC: bool,
	shareProcessNamespace: bool,
	imagePullSecrets: slice(struct('v1.LocalObjectReference', {name: text()})),
	hostname: text(),
	subdomain: text(),
	schedulerName: text(),
	tolerations: slice(toleration),
	priorityClassName: text(),
	priority: int32,
	readinessGates: slice(struct('v1.PodReadinessGate', {conditionType: text('v1.PodConditionType')})),
	runtimeClassName: text(),
	enableServiceLinks: bool,
	preemptionPolicy: text('v1.PreemptionPolicy'),
	overhead: resourceList,
	setHostnameAsFQDN: bool,
	hostUsers: bool,
});

const servicePort = struct('v1.ServicePort', {
	name: text(),
	protocol: text('v1.Protocol'),
	appProtocol: text(),
	port: int32,
	targetPort: {kind: 'intOrString'},
	nodePort: int32,
});

const serviceSpec = struct('v1.ServiceSpec', {
	ports: slice(servicePort),
	selector: stringMap,
	clusterIP: text(),
	clusterIPs: strings(),
	type: text('v1.ServiceType'),
	externalIPs: strings(),
	sessionAffinity: text('v1.ServiceAffinity'),
	loadBalancerIP: text(),
	loadBalancerSourceRanges: strings(),
	externalName: text(),
	externalTrafficPolicy: text('v1.ServiceExternalTrafficPolicy'),
	healthCheckNodePort: int32,
	publishNotReadyAddresses: bool,
	ipFamilies: {kind: 'slice', name: '[]v1.IPFamily', item: text('v1.IPFamily')},
	ipFamilyPolicy: text('v1.IPFamilyPolicy'),
	allocateLoadBalancerNodePorts: bool,
	loadBalancerClass: text(),
	internalTrafficPolicy: text('v1.ServiceInternalTrafficPolicy'),
	trafficDistribution: text(),
});

const loadBalancerIngress = struct('v1.LoadBalancerIngress', {ip: text(), hostname: text(), ipMode: text('v1.LoadBalancerIPMode')});
const serviceStatus = struct('v1.ServiceStatus', {
	loadBalancer: struct('v1.LoadBalancerStatus', {ingress: slice(loadBalancerIngress)}),
});

/** The type's name as Go's reflect prints it (`int32`, `[]v1.Container`, `v1.ResourceList`). */
export function goName(type: GoType): string {
	switch (type.kind) {
		case 'bool': {
			return 'bool';
		}

		case 'intOrString': {
			return 'intstr.IntOrString';
		}

		case 'quantity': {
			return 'resource.Quantity';
		}

		default: {
			return type.name;
		}
	}
}

const top = (kind: string, spec: GoType, status?: GoType): GoType =>
	struct(`v1.${kind}`, {
		kind: text(),
		apiVersion: text(),
		metadata: objectMeta,
		spec,
		...(status ? {status} : {}),
	});

/** The Go type of each resource's objects, where the sandbox checks JSON types. */
export const resourceTypes: Record<string, GoType> = {
	pods: top('Pod', podSpec),
	services: top('Service', serviceSpec, serviceStatus),
};

/** What names a resource's Go type: the resource, its kind and version (a ResourceInfo will do). */
export interface TypedResource {
	name: string;
	kind: string;
	version: string;
}

/** The Go type of a resource's objects: the full one for pods and services, ObjectMeta's for the rest. */
export function typeOf(resource: TypedResource): GoType {
	return (
		resourceTypes[resource.name] ?? struct(`${resource.version}.${resource.kind}`, {kind: text(), apiVersion: text(), metadata: objectMeta})
	);
}
