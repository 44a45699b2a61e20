/**
 * The wire fields the describers read beyond what `k8s/types.ts` names for the tables
 * (JSON as the API server sends it; every field optional, as Go's omitempty leaves it).
 */
import type {Container, ContainerStatus, Event, Node, ObjectMeta, Pod, Service} from '../k8s/types.js';
import type {Toleration} from './writer.js';

export type ResourceList = Record<string, string | number>;

export interface ResourceRequirements {
	limits?: ResourceList;
	requests?: ResourceList;
}

export type IntOrString = number | string;

export interface Probe {
	exec?: {command?: string[]};
	httpGet?: {path?: string; port?: IntOrString; host?: string; scheme?: string};
	tcpSocket?: {port?: IntOrString; host?: string};
	grpc?: {port?: number; service?: string};
	initialDelaySeconds?: number;
	timeoutSeconds?: number;
	periodSeconds?: number;
	successThreshold?: number;
	failureThreshold?: number;
}

interface KeyRef {
	name?: string;
	key?: string;
	optional?: boolean;
}

export interface EnvVar {
	name: string;
	value?: string;
	valueFrom?: {
		fieldRef?: {apiVersion?: string; fieldPath?: string};
		resourceFieldRef?: {containerName?: string; resource?: string; divisor?: string | number};
		configMapKeyRef?: KeyRef;
		secretKeyRef?: KeyRef;
	};
}

export interface EnvFromSource {
	prefix?: string;
	configMapRef?: {name?: string; optional?: boolean};
	secretRef?: {name?: string; optional?: boolean};
}

export interface SecurityContext {
	seccompProfile?: {type?: string; localhostProfile?: string};
}

/** A container as describe reads it. */
export interface DescribedContainer extends Omit<Container, 'env' | 'resources' | 'volumeMounts' | 'readinessProbe' | 'livenessProbe'> {
	env?: EnvVar[];
	envFrom?: EnvFromSource[];
	resources?: ResourceRequirements;
	volumeMounts?: Array<{name: string; mountPath: string; readOnly?: boolean; subPath?: string}>;
	volumeDevices?: Array<{name: string; devicePath: string}>;
	livenessProbe?: Probe;
	readinessProbe?: Probe;
	startupProbe?: Probe;
	securityContext?: SecurityContext;
}

export type Volume = {name: string} & Record<string, unknown>;

export interface DescribedPodSpec {
	containers?: DescribedContainer[];
	initContainers?: DescribedContainer[];
	ephemeralContainers?: DescribedContainer[];
	nodeName?: string;
	priority?: number;
	priorityClassName?: string;
	runtimeClassName?: string;
	serviceAccountName?: string;
	securityContext?: SecurityContext;
	resources?: ResourceRequirements;
	readinessGates?: Array<{conditionType: string}>;
	volumes?: Volume[];
	nodeSelector?: Record<string, string>;
	tolerations?: Toleration[];
	topologySpreadConstraints?: Array<{topologyKey: string; whenUnsatisfiable?: string; maxSkew?: number; labelSelector?: LabelSelector}>;
	overhead?: ResourceList;
	hostname?: string;
	subdomain?: string;
}

export interface LabelSelector {
	matchLabels?: Record<string, string>;
	matchExpressions?: Array<{key: string; operator: string; values?: string[]}>;
}

export type DescribedContainerStatus = ContainerStatus & {lastState?: ContainerStatus['state']};

/** A pod as describe reads it (the wire object). */
export interface DescribedPod extends Omit<Pod, 'spec' | 'status'> {
	spec?: DescribedPodSpec;
	status?: NonNullable<Pod['status']> & {
		ephemeralContainerStatuses?: DescribedContainerStatus[];
		podIPs?: Array<{ip: string}>;
	};
}

export type DescribedService = Service;

/** A node as describe reads it. */
export interface DescribedNode extends Omit<Node, 'spec'> {
	spec?: {unschedulable?: boolean; podCIDR?: string; podCIDRs?: string[]; providerID?: string; taints?: Toleration[]};
}

export interface Lease {
	metadata: ObjectMeta;
	spec?: {holderIdentity?: string; acquireTime?: string; renewTime?: string};
}

export interface Namespace {
	metadata: ObjectMeta;
	status?: {
		phase?: string;
		conditions?: Array<{type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string}>;
	};
}

export interface ResourceQuota {
	metadata: ObjectMeta;
	spec?: {scopes?: string[]};
	status?: {hard?: ResourceList; used?: ResourceList};
}

export interface LimitRange {
	metadata: ObjectMeta;
	spec?: {
		limits?: Array<{
			type?: string;
			max?: ResourceList;
			min?: ResourceList;
			default?: ResourceList;
			defaultRequest?: ResourceList;
			maxLimitRequestRatio?: ResourceList;
		}>;
	};
}

export type {Event};
