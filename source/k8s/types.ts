/**
 * The Kubernetes objects as they travel over the wire (JSON): timestamps are RFC 3339
 * strings, absent fields are absent (Go's omitempty), never `''` or `0`.
 *
 * kpods parses API responses with plain `JSON.parse` and reads them through these
 * types; client-node's model classes (with `Date` fields and a typed deserialiser) are
 * not used on the hot path because they cost seconds at 10,000 pods.
 */

export type Labels = Record<string, string>;

export interface OwnerReference {
	apiVersion: string;
	kind: string;
	name: string;
	uid: string;
	controller?: boolean;
}

export interface ObjectMeta {
	name?: string;
	generateName?: string;
	namespace?: string;
	uid?: string;
	resourceVersion?: string;
	generation?: number;
	creationTimestamp?: string;
	deletionTimestamp?: string;
	deletionGracePeriodSeconds?: number;
	labels?: Labels;
	annotations?: Labels;
	ownerReferences?: OwnerReference[];
	finalizers?: string[];
	managedFields?: unknown[];
}

export interface ListMeta {
	resourceVersion?: string;
	continue?: string;
	remainingItemCount?: number;
}

/** Any object with kind and metadata: what the sandbox stores and manifests hold. */
export interface KubeObject {
	apiVersion?: string;
	kind?: string;
	metadata: ObjectMeta;
	[field: string]: unknown;
}

export interface KubeList<T> {
	apiVersion?: string;
	kind?: string;
	metadata: ListMeta;
	items: T[];
}

export interface ContainerPort {
	name?: string;
	containerPort: number;
	hostPort?: number;
	protocol?: string;
}

export interface Container {
	name: string;
	image?: string;
	imagePullPolicy?: string;
	command?: string[];
	args?: string[];
	ports?: ContainerPort[];
	env?: Array<{name: string; value?: string; valueFrom?: unknown}>;
	resources?: {limits?: Labels; requests?: Labels};
	volumeMounts?: Array<{name: string; mountPath: string; readOnly?: boolean}>;
	/** `Always` marks a native sidecar when used on an init container. */
	restartPolicy?: string;
	terminationMessagePath?: string;
	terminationMessagePolicy?: string;
	readinessProbe?: unknown;
	livenessProbe?: unknown;
}

export interface ContainerStateWaiting {
	reason?: string;
	message?: string;
}

export interface ContainerStateRunning {
	startedAt?: string;
}

export interface ContainerStateTerminated {
	exitCode: number;
	signal?: number;
	reason?: string;
	message?: string;
	startedAt?: string;
	finishedAt?: string;
	containerID?: string;
}

export interface ContainerState {
	waiting?: ContainerStateWaiting;
	running?: ContainerStateRunning;
	terminated?: ContainerStateTerminated;
}

export interface ContainerStatus {
	name: string;
	state?: ContainerState;
	lastState?: ContainerState;
	ready: boolean;
	restartCount: number;
	image?: string;
	imageID?: string;
	containerID?: string;
	started?: boolean;
}

export interface PodCondition {
	type: string;
	status: string;
	reason?: string;
	message?: string;
	lastProbeTime?: string | null;
	lastTransitionTime?: string;
}

export interface PodSpec {
	containers: Container[];
	initContainers?: Container[];
	nodeName?: string;
	restartPolicy?: string;
	terminationGracePeriodSeconds?: number;
	serviceAccountName?: string;
	readinessGates?: Array<{conditionType: string}>;
	nodeSelector?: Labels;
	tolerations?: unknown[];
	volumes?: unknown[];
	[field: string]: unknown;
}

export interface PodStatus {
	phase?: string;
	reason?: string;
	message?: string;
	conditions?: PodCondition[];
	hostIP?: string;
	podIP?: string;
	podIPs?: Array<{ip: string}>;
	startTime?: string;
	nominatedNodeName?: string;
	initContainerStatuses?: ContainerStatus[];
	containerStatuses?: ContainerStatus[];
	qosClass?: string;
}

export interface Pod {
	apiVersion?: string;
	kind?: string;
	metadata: ObjectMeta;
	spec?: PodSpec;
	status?: PodStatus;
}

export interface ServicePort {
	name?: string;
	protocol?: string;
	port: number;
	/** A number, or the name of a container port. */
	targetPort?: number | string;
	nodePort?: number;
	appProtocol?: string;
}

export interface ServiceSpec {
	type?: string;
	selector?: Labels;
	ports?: ServicePort[];
	clusterIP?: string;
	clusterIPs?: string[];
	externalIPs?: string[];
	externalName?: string;
	sessionAffinity?: string;
	externalTrafficPolicy?: string;
	internalTrafficPolicy?: string;
	ipFamilies?: string[];
	ipFamilyPolicy?: string;
	loadBalancerIP?: string;
	[field: string]: unknown;
}

export interface LoadBalancerIngress {
	ip?: string;
	hostname?: string;
}

export interface Service {
	apiVersion?: string;
	kind?: string;
	metadata: ObjectMeta;
	spec?: ServiceSpec;
	status?: {loadBalancer?: {ingress?: LoadBalancerIngress[]}};
}

export interface ObjectReference {
	kind?: string;
	namespace?: string;
	name?: string;
	uid?: string;
	apiVersion?: string;
	resourceVersion?: string;
	fieldPath?: string;
}

export interface EndpointAddress {
	ip: string;
	hostname?: string;
	nodeName?: string;
	targetRef?: ObjectReference;
}

export interface EndpointPort {
	name?: string;
	port: number;
	protocol?: string;
	appProtocol?: string;
}

export interface EndpointSubset {
	addresses?: EndpointAddress[];
	notReadyAddresses?: EndpointAddress[];
	ports?: EndpointPort[];
}

/** core/v1 Endpoints (deprecated in 1.33, still served). */
export interface Endpoints {
	apiVersion?: string;
	kind?: string;
	metadata: ObjectMeta;
	subsets?: EndpointSubset[];
}

export interface EndpointConditions {
	ready?: boolean;
	serving?: boolean;
	terminating?: boolean;
}

export interface SliceEndpoint {
	addresses: string[];
	conditions?: EndpointConditions;
	hostname?: string;
	nodeName?: string;
	zone?: string;
	targetRef?: ObjectReference;
}

export interface SlicePort {
	name?: string;
	port?: number;
	protocol?: string;
	appProtocol?: string;
}

/** discovery.k8s.io/v1 EndpointSlice. */
export interface EndpointSlice {
	apiVersion?: string;
	kind?: string;
	metadata: ObjectMeta;
	addressType: string;
	endpoints?: SliceEndpoint[];
	ports?: SlicePort[];
}

export interface NodeCondition {
	type: string;
	status: string;
	reason?: string;
	message?: string;
	lastHeartbeatTime?: string;
	lastTransitionTime?: string;
}

export interface Node {
	apiVersion?: string;
	kind?: string;
	metadata: ObjectMeta;
	spec?: {unschedulable?: boolean; podCIDR?: string; taints?: unknown[]};
	status?: {
		conditions?: NodeCondition[];
		addresses?: Array<{type: string; address: string}>;
		capacity?: Labels;
		allocatable?: Labels;
		nodeInfo?: {
			kubeletVersion?: string;
			kubeProxyVersion?: string;
			osImage?: string;
			kernelVersion?: string;
			containerRuntimeVersion?: string;
			operatingSystem?: string;
			architecture?: string;
			machineID?: string;
			systemUUID?: string;
			bootID?: string;
		};
	};
}

export interface Event {
	apiVersion?: string;
	kind?: string;
	metadata: ObjectMeta;
	involvedObject: ObjectReference;
	reason?: string;
	message?: string;
	source?: {component?: string; host?: string};
	firstTimestamp?: string | null;
	lastTimestamp?: string | null;
	eventTime?: string | null;
	count?: number;
	type?: string;
	series?: {count?: number; lastObservedTime?: string};
	reportingComponent?: string;
	reportingInstance?: string;
	action?: string;
}

export interface Namespace {
	apiVersion?: string;
	kind?: string;
	metadata: ObjectMeta;
	spec?: {finalizers?: string[]};
	status?: {phase?: string};
}

/** The Status object every API error (and some successes) carries. */
export interface Status {
	kind: 'Status';
	apiVersion: 'v1';
	metadata: Record<string, never> | ListMeta;
	status: 'Success' | 'Failure';
	message?: string;
	reason?: string;
	details?: {
		name?: string;
		group?: string;
		kind?: string;
		uid?: string;
		causes?: Array<{reason?: string; message?: string; field?: string}>;
		retryAfterSeconds?: number;
	};
	code: number;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent<T> {
	type: WatchEventType;
	object: T;
}
