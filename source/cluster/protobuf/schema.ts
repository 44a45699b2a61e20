import protobuf from 'protobufjs/light.js';

/**
 * The Kubernetes protobuf messages kpods reads, as a protobufjs schema: only the fields a
 * pods row needs, numbered as in k8s.io/api core/v1 and k8s.io/apimachinery meta/v1
 * generated.proto (proto2). Fields not named here are skipped by the decoder unread,
 * which is most of a pod: managedFields, volumes, env, images, probes, resources.
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
};

const root = protobuf.Root.fromJSON({nested: {k8s: {nested: messages}}});

/** The protobufjs type of one of the messages above. */
export function messageType(name: keyof typeof messages): protobuf.Type {
	return root.lookupType(`k8s.${name}`);
}
