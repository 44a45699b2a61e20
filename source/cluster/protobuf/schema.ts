/**
 * The Kubernetes protobuf messages kpods reads, as a protobufjs JSON schema, numbered as in
 * k8s.io/api core/v1 and discovery/v1 and k8s.io/apimachinery meta/v1 generated.proto
 * (proto2). Fields not named here are skipped by the decoder unread. Pods: only the fields
 * a pods row needs (most of a pod is skipped: managedFields, volumes, env, images, probes,
 * resources); the detail watches its one pod as JSON. Services: all but managedFields, as
 * the services store keeps the whole object for the endpoints view and describe (services
 * are few). Endpoints and EndpointSlices: what an endpoints group is made of.
 */
const field = (id: number, type: string, rule?: 'repeated') => (rule ? {id, type, rule} : {id, type});
const map = (id: number) => ({id, keyType: 'string', type: 'string'});

const messages = {
	// runtime.Unknown: the envelope after the `k8s\0` magic.
	Unknown: {
		fields: {typeMeta: field(1, 'TypeMeta'), raw: field(2, 'bytes'), contentEncoding: field(3, 'string'), contentType: field(4, 'string')},
	},
	TypeMeta: {fields: {apiVersion: field(1, 'string'), kind: field(2, 'string')}},
	// meta/v1
	Time: {fields: {seconds: field(1, 'int64'), nanos: field(2, 'int32')}},
	ListMeta: {fields: {resourceVersion: field(2, 'string'), continue: field(3, 'string'), remainingItemCount: field(4, 'int64')}},
	ObjectMeta: {
		fields: {
			name: field(1, 'string'),
			namespace: field(3, 'string'),
			uid: field(5, 'string'),
			resourceVersion: field(6, 'string'),
			creationTimestamp: field(8, 'Time'),
			deletionTimestamp: field(9, 'Time'),
			labels: map(11),
		},
	},
	// watch.Event: the type and the object, itself an envelope-less runtime.RawExtension.
	// The whole ObjectMeta but managedFields: services keep their object.
	FullObjectMeta: {
		fields: {
			name: field(1, 'string'),
			generateName: field(2, 'string'),
			namespace: field(3, 'string'),
			uid: field(5, 'string'),
			resourceVersion: field(6, 'string'),
			generation: field(7, 'int64'),
			creationTimestamp: field(8, 'Time'),
			deletionTimestamp: field(9, 'Time'),
			deletionGracePeriodSeconds: field(10, 'int64'),
			labels: map(11),
			annotations: map(12),
			ownerReferences: field(13, 'OwnerReference', 'repeated'),
			finalizers: field(14, 'string', 'repeated'),
		},
	},
	OwnerReference: {
		fields: {
			kind: field(1, 'string'),
			name: field(3, 'string'),
			uid: field(4, 'string'),
			apiVersion: field(5, 'string'),
			controller: field(6, 'bool'),
			blockOwnerDeletion: field(7, 'bool'),
		},
	},
	Status: {
		fields: {status: field(2, 'string'), message: field(3, 'string'), reason: field(4, 'string'), code: field(6, 'int32')},
	},
	Condition: {
		fields: {
			type: field(1, 'string'),
			status: field(2, 'string'),
			observedGeneration: field(3, 'int64'),
			lastTransitionTime: field(4, 'Time'),
			reason: field(5, 'string'),
			message: field(6, 'string'),
		},
	},
	// util/intstr: type 0 is an int, 1 a string.
	IntOrString: {fields: {type: field(1, 'int64'), intVal: field(2, 'int32'), strVal: field(3, 'string')}},
	ObjectReference: {
		fields: {
			kind: field(1, 'string'),
			namespace: field(2, 'string'),
			name: field(3, 'string'),
			uid: field(4, 'string'),
			apiVersion: field(5, 'string'),
			resourceVersion: field(6, 'string'),
			fieldPath: field(7, 'string'),
		},
	},
	WatchEvent: {fields: {type: field(1, 'string'), object: field(2, 'RawExtension')}},
	RawExtension: {fields: {raw: field(1, 'bytes')}},
	// core/v1
	PodList: {fields: {metadata: field(1, 'ListMeta'), items: field(2, 'Pod', 'repeated')}},
	Pod: {fields: {metadata: field(1, 'ObjectMeta'), spec: field(2, 'PodSpec'), status: field(3, 'PodStatus')}},
	PodSpec: {
		fields: {
			containers: field(2, 'Container', 'repeated'),
			nodeName: field(10, 'string'),
			initContainers: field(20, 'Container', 'repeated'),
			readinessGates: field(28, 'PodReadinessGate', 'repeated'),
		},
	},
	Container: {fields: {name: field(1, 'string'), ports: field(6, 'ContainerPort', 'repeated'), restartPolicy: field(24, 'string')}},
	ContainerPort: {fields: {name: field(1, 'string'), containerPort: field(3, 'int32'), protocol: field(4, 'string')}},
	PodReadinessGate: {fields: {conditionType: field(1, 'string')}},
	PodStatus: {
		fields: {
			phase: field(1, 'string'),
			conditions: field(2, 'PodCondition', 'repeated'),
			reason: field(4, 'string'),
			containerStatuses: field(8, 'ContainerStatus', 'repeated'),
			initContainerStatuses: field(10, 'ContainerStatus', 'repeated'),
			nominatedNodeName: field(11, 'string'),
			podIPs: field(12, 'PodIP', 'repeated'),
		},
	},
	PodCondition: {fields: {type: field(1, 'string'), status: field(2, 'string'), reason: field(5, 'string')}},
	PodIP: {fields: {ip: field(1, 'string')}},
	ContainerStatus: {
		fields: {
			name: field(1, 'string'),
			state: field(2, 'ContainerState'),
			lastState: field(3, 'ContainerState'),
			ready: field(4, 'bool'),
			restartCount: field(5, 'int32'),
			started: field(9, 'bool'),
		},
	},
	ContainerState: {
		fields: {
			waiting: field(1, 'ContainerStateWaiting'),
			running: field(2, 'ContainerStateRunning'),
			terminated: field(3, 'ContainerStateTerminated'),
		},
	},
	ContainerStateWaiting: {fields: {reason: field(1, 'string')}},
	ContainerStateRunning: {fields: {startedAt: field(1, 'Time')}},
	ContainerStateTerminated: {
		fields: {exitCode: field(1, 'int32'), signal: field(2, 'int32'), reason: field(3, 'string'), finishedAt: field(6, 'Time')},
	},
	// core/v1 Service, whole
	ServiceList: {fields: {metadata: field(1, 'ListMeta'), items: field(2, 'Service', 'repeated')}},
	Service: {fields: {metadata: field(1, 'FullObjectMeta'), spec: field(2, 'ServiceSpec'), status: field(3, 'ServiceStatus')}},
	ServiceSpec: {
		fields: {
			ports: field(1, 'ServicePort', 'repeated'),
			selector: map(2),
			clusterIP: field(3, 'string'),
			type: field(4, 'string'),
			externalIPs: field(5, 'string', 'repeated'),
			sessionAffinity: field(7, 'string'),
			loadBalancerIP: field(8, 'string'),
			loadBalancerSourceRanges: field(9, 'string', 'repeated'),
			externalName: field(10, 'string'),
			externalTrafficPolicy: field(11, 'string'),
			healthCheckNodePort: field(12, 'int32'),
			publishNotReadyAddresses: field(13, 'bool'),
			sessionAffinityConfig: field(14, 'SessionAffinityConfig'),
			topologyKeys: field(16, 'string', 'repeated'),
			ipFamilyPolicy: field(17, 'string'),
			clusterIPs: field(18, 'string', 'repeated'),
			ipFamilies: field(19, 'string', 'repeated'),
			allocateLoadBalancerNodePorts: field(20, 'bool'),
			loadBalancerClass: field(21, 'string'),
			internalTrafficPolicy: field(22, 'string'),
			trafficDistribution: field(23, 'string'),
		},
	},
	ServicePort: {
		fields: {
			name: field(1, 'string'),
			protocol: field(2, 'string'),
			port: field(3, 'int32'),
			targetPort: field(4, 'IntOrString'),
			nodePort: field(5, 'int32'),
			appProtocol: field(6, 'string'),
		},
	},
	SessionAffinityConfig: {fields: {clientIP: field(1, 'ClientIPConfig')}},
	ClientIPConfig: {fields: {timeoutSeconds: field(1, 'int32')}},
	ServiceStatus: {fields: {loadBalancer: field(1, 'LoadBalancerStatus'), conditions: field(2, 'Condition', 'repeated')}},
	LoadBalancerStatus: {fields: {ingress: field(1, 'LoadBalancerIngress', 'repeated')}},
	LoadBalancerIngress: {
		fields: {ip: field(1, 'string'), hostname: field(2, 'string'), ipMode: field(3, 'string'), ports: field(4, 'PortStatus', 'repeated')},
	},
	PortStatus: {fields: {port: field(1, 'int32'), protocol: field(2, 'string'), error: field(3, 'string')}},
	// core/v1 Endpoints (servers without discovery.k8s.io/v1)
	EndpointsList: {fields: {metadata: field(1, 'ListMeta'), items: field(2, 'Endpoints', 'repeated')}},
	Endpoints: {fields: {metadata: field(1, 'ObjectMeta'), subsets: field(2, 'EndpointSubset', 'repeated')}},
	EndpointSubset: {
		fields: {
			addresses: field(1, 'EndpointAddress', 'repeated'),
			notReadyAddresses: field(2, 'EndpointAddress', 'repeated'),
			ports: field(3, 'EndpointPort', 'repeated'),
		},
	},
	EndpointAddress: {
		fields: {ip: field(1, 'string'), targetRef: field(2, 'ObjectReference'), hostname: field(3, 'string'), nodeName: field(4, 'string')},
	},
	EndpointPort: {
		fields: {name: field(1, 'string'), port: field(2, 'int32'), protocol: field(3, 'string'), appProtocol: field(4, 'string')},
	},
	// discovery.k8s.io/v1 EndpointSlice
	EndpointSliceList: {fields: {metadata: field(1, 'ListMeta'), items: field(2, 'EndpointSlice', 'repeated')}},
	EndpointSlice: {
		fields: {
			metadata: field(1, 'ObjectMeta'),
			endpoints: field(2, 'SliceEndpoint', 'repeated'),
			ports: field(3, 'SlicePort', 'repeated'),
			addressType: field(4, 'string'),
		},
	},
	SliceEndpoint: {
		fields: {
			addresses: field(1, 'string', 'repeated'),
			conditions: field(2, 'EndpointConditions'),
			hostname: field(3, 'string'),
			targetRef: field(4, 'ObjectReference'),
			nodeName: field(6, 'string'),
			zone: field(7, 'string'),
		},
	},
	EndpointConditions: {fields: {ready: field(1, 'bool'), serving: field(2, 'bool'), terminating: field(3, 'bool')}},
	SlicePort: {fields: {name: field(1, 'string'), protocol: field(2, 'string'), port: field(3, 'int32'), appProtocol: field(4, 'string')}},
};

/** The message names of the schema. */
export type MessageName = keyof typeof messages;

/** One field as the schema writes it: a number, a type (a scalar or a message name), repeated or a map<string, string>. */
export interface FieldSchema {
	id: number;
	type: string;
	rule?: 'repeated';
	keyType?: string;
}

/**
 * The schema as data (protobufjs' JSON form): the decoder reads it directly (one-pass.ts), and
 * protobufjs builds Types from it where one is wanted (the tests' oracle: schema-types.ts).
 * Loading protobufjs and building its Root before the first frame cost ~8–14 ms in a fresh process.
 */
export const schemaMessages: Record<MessageName, {fields: Record<string, FieldSchema>}> = messages;
