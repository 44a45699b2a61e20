/**
 * The Kubernetes protobuf schema of the objects the sandbox reads and writes in
 * `application/vnd.kubernetes.protobuf`: field numbers and types as in k8s.io/api's and
 * k8s.io/apimachinery's generated.proto (v1.32), written here field by field. Go structs
 * embedded inline in JSON (a Probe's handler, a selector's LocalObjectReference, a Volume's
 * source) are nested messages in protobuf: `inline` fields. One file past 400 lines because it
 * is one table, read beside generated.proto: splitting it would only scatter the lookups.
 */

/** How one field is encoded. */
export type Kind =
	| 'string'
	| 'int'
	| 'bool'
	| 'bytes'
	| 'message'
	| 'inline'
	| 'map'
	| 'bytesMap'
	| 'quantityMap'
	| 'time'
	| 'intOrString'
	| 'quantity'
	| 'json';

export interface Field {
	name: string;
	kind: Kind;
	repeated?: boolean;
	schema?: Schema;
}

/** A message: its fields by number. */
export type Schema = Record<number, Field>;

const string = (name: string, repeated = false): Field => ({name, kind: 'string', repeated});
const strings = (name: string): Field => string(name, true);
const int = (name: string, repeated = false): Field => ({name, kind: 'int', repeated});
const bool = (name: string): Field => ({name, kind: 'bool'});
const message = (name: string, schema: Schema, repeated = false): Field => ({name, kind: 'message', schema, repeated});
const list = (name: string, schema: Schema): Field => message(name, schema, true);
/** A struct embedded in Go: its fields are the parent's in JSON, a message of their own in protobuf. */
const inline = (schema: Schema): Field => ({name: '', kind: 'inline', schema});
const map = (name: string): Field => ({name, kind: 'map'});
const time = (name: string): Field => ({name, kind: 'time'});
const quantity = (name: string): Field => ({name, kind: 'quantity'});
const quantities = (name: string): Field => ({name, kind: 'quantityMap'});
const intOrString = (name: string): Field => ({name, kind: 'intOrString'});

// meta/v1
export const listMeta: Schema = {2: string('resourceVersion'), 3: string('continue'), 4: int('remainingItemCount')};
const ownerReference: Schema = {
	1: string('kind'),
	3: string('name'),
	4: string('uid'),
	5: string('apiVersion'),
	6: bool('controller'),
	7: bool('blockOwnerDeletion'),
};
const managedFieldsEntry: Schema = {
	1: string('manager'),
	2: string('operation'),
	3: string('apiVersion'),
	4: time('time'),
	6: string('fieldsType'),
	7: {name: 'fieldsV1', kind: 'json'},
	8: string('subresource'),
};
export const objectMeta: Schema = {
	1: string('name'),
	2: string('generateName'),
	3: string('namespace'),
	4: string('selfLink'),
	5: string('uid'),
	6: string('resourceVersion'),
	7: int('generation'),
	8: time('creationTimestamp'),
	9: time('deletionTimestamp'),
	10: int('deletionGracePeriodSeconds'),
	11: map('labels'),
	12: map('annotations'),
	13: list('ownerReferences', ownerReference),
	14: strings('finalizers'),
	// clusterName: written (empty) by servers before v1.25.
	15: string('clusterName'),
	17: list('managedFields', managedFieldsEntry),
};
const labelSelectorRequirement: Schema = {1: string('key'), 2: string('operator'), 3: strings('values')};
const labelSelector: Schema = {1: map('matchLabels'), 2: list('matchExpressions', labelSelectorRequirement)};
const condition: Schema = {
	1: string('type'),
	2: string('status'),
	3: int('observedGeneration'),
	4: time('lastTransitionTime'),
	5: string('reason'),
	6: string('message'),
};
const statusCause: Schema = {1: string('reason'), 2: string('message'), 3: string('field')};
export const status: Schema = {
	1: message('metadata', listMeta),
	2: string('status'),
	3: string('message'),
	4: string('reason'),
	5: message('details', {
		1: string('name'),
		2: string('group'),
		3: string('kind'),
		6: string('uid'),
		4: list('causes', statusCause),
		5: int('retryAfterSeconds'),
	}),
	6: int('code'),
};

// core/v1: references and selectors
export const objectReference: Schema = {
	1: string('kind'),
	2: string('namespace'),
	3: string('name'),
	4: string('uid'),
	5: string('apiVersion'),
	6: string('resourceVersion'),
	7: string('fieldPath'),
};
const localObjectReference: Schema = {1: string('name')};
const objectFieldSelector: Schema = {1: string('apiVersion'), 2: string('fieldPath')};
const resourceFieldSelector: Schema = {1: string('containerName'), 2: string('resource'), 3: quantity('divisor')};
const keySelector: Schema = {1: inline(localObjectReference), 2: string('key'), 3: bool('optional')};
const envVar: Schema = {
	1: string('name'),
	2: string('value'),
	3: message('valueFrom', {
		1: message('fieldRef', objectFieldSelector),
		2: message('resourceFieldRef', resourceFieldSelector),
		3: message('configMapKeyRef', keySelector),
		4: message('secretKeyRef', keySelector),
	}),
};
const envSource: Schema = {1: inline(localObjectReference), 2: bool('optional')};
const envFromSource: Schema = {1: string('prefix'), 2: message('configMapRef', envSource), 3: message('secretRef', envSource)};
const resourceRequirements: Schema = {
	1: quantities('limits'),
	2: quantities('requests'),
	3: list('claims', {1: string('name'), 2: string('request')}),
};

// core/v1: containers
const httpGet: Schema = {
	1: string('path'),
	2: intOrString('port'),
	3: string('host'),
	4: string('scheme'),
	5: list('httpHeaders', {1: string('name'), 2: string('value')}),
};
const exec: Schema = {1: strings('command')};
const tcpSocket: Schema = {1: intOrString('port'), 2: string('host')};
const probeHandler: Schema = {
	1: message('exec', exec),
	2: message('httpGet', httpGet),
	3: message('tcpSocket', tcpSocket),
	4: message('grpc', {1: int('port'), 2: string('service')}),
};
const probe: Schema = {
	1: inline(probeHandler),
	2: int('initialDelaySeconds'),
	3: int('timeoutSeconds'),
	4: int('periodSeconds'),
	5: int('successThreshold'),
	6: int('failureThreshold'),
	7: int('terminationGracePeriodSeconds'),
};
const lifecycleHandler: Schema = {
	1: message('exec', exec),
	2: message('httpGet', httpGet),
	3: message('tcpSocket', tcpSocket),
	4: message('sleep', {1: int('seconds')}),
};
const seLinuxOptions: Schema = {1: string('user'), 2: string('role'), 3: string('type'), 4: string('level')};
const windowsOptions: Schema = {
	1: string('gmsaCredentialSpecName'),
	2: string('gmsaCredentialSpec'),
	3: string('runAsUserName'),
	4: bool('hostProcess'),
};
const profile: Schema = {1: string('type'), 2: string('localhostProfile')};
const securityContext: Schema = {
	1: message('capabilities', {1: strings('add'), 2: strings('drop')}),
	2: bool('privileged'),
	3: message('seLinuxOptions', seLinuxOptions),
	10: message('windowsOptions', windowsOptions),
	4: int('runAsUser'),
	8: int('runAsGroup'),
	5: bool('runAsNonRoot'),
	6: bool('readOnlyRootFilesystem'),
	7: bool('allowPrivilegeEscalation'),
	9: string('procMount'),
	11: message('seccompProfile', profile),
	12: message('appArmorProfile', profile),
};
const container: Schema = {
	1: string('name'),
	2: string('image'),
	3: strings('command'),
	4: strings('args'),
	5: string('workingDir'),
	6: list('ports', {1: string('name'), 2: int('hostPort'), 3: int('containerPort'), 4: string('protocol'), 5: string('hostIP')}),
	19: list('envFrom', envFromSource),
	7: list('env', envVar),
	8: message('resources', resourceRequirements),
	23: list('resizePolicy', {1: string('resourceName'), 2: string('restartPolicy')}),
	24: string('restartPolicy'),
	9: list('volumeMounts', {
		1: string('name'),
		2: bool('readOnly'),
		7: string('recursiveReadOnly'),
		3: string('mountPath'),
		4: string('subPath'),
		5: string('mountPropagation'),
		6: string('subPathExpr'),
	}),
	21: list('volumeDevices', {1: string('name'), 2: string('devicePath')}),
	10: message('livenessProbe', probe),
	11: message('readinessProbe', probe),
	22: message('startupProbe', probe),
	12: message('lifecycle', {1: message('postStart', lifecycleHandler), 2: message('preStop', lifecycleHandler)}),
	13: string('terminationMessagePath'),
	20: string('terminationMessagePolicy'),
	14: string('imagePullPolicy'),
	15: message('securityContext', securityContext),
	16: bool('stdin'),
	17: bool('stdinOnce'),
	18: bool('tty'),
};

// core/v1: volumes
const keyToPath: Schema = {1: string('key'), 2: string('path'), 3: int('mode')};
const downwardApiFile: Schema = {
	1: string('path'),
	2: message('fieldRef', objectFieldSelector),
	3: message('resourceFieldRef', resourceFieldSelector),
	4: int('mode'),
};
const keyProjection: Schema = {1: inline(localObjectReference), 2: list('items', keyToPath), 4: bool('optional')};
const volumeSource: Schema = {
	1: message('hostPath', {1: string('path'), 2: string('type')}),
	2: message('emptyDir', {1: string('medium'), 2: quantity('sizeLimit')}),
	6: message('secret', {1: string('secretName'), 2: list('items', keyToPath), 3: int('defaultMode'), 4: bool('optional')}),
	7: message('nfs', {1: string('server'), 2: string('path'), 3: bool('readOnly')}),
	10: message('persistentVolumeClaim', {1: string('claimName'), 2: bool('readOnly')}),
	16: message('downwardAPI', {1: list('items', downwardApiFile), 2: int('defaultMode')}),
	19: message('configMap', {1: inline(localObjectReference), 2: list('items', keyToPath), 3: int('defaultMode'), 4: bool('optional')}),
	26: message('projected', {
		1: list('sources', {
			1: message('secret', keyProjection),
			2: message('downwardAPI', {1: list('items', downwardApiFile)}),
			3: message('configMap', keyProjection),
			4: message('serviceAccountToken', {1: string('audience'), 2: int('expirationSeconds'), 3: string('path')}),
		}),
		2: int('defaultMode'),
	}),
	28: message('csi', {
		1: string('driver'),
		2: bool('readOnly'),
		3: string('fsType'),
		4: map('volumeAttributes'),
		5: message('nodePublishSecretRef', localObjectReference),
	}),
	30: message('image', {1: string('reference'), 2: string('pullPolicy')}),
};

// core/v1: scheduling
const nodeSelectorTerm: Schema = {1: list('matchExpressions', labelSelectorRequirement), 2: list('matchFields', labelSelectorRequirement)};
const podAffinityTerm: Schema = {
	1: message('labelSelector', labelSelector),
	2: strings('namespaces'),
	3: string('topologyKey'),
	4: message('namespaceSelector', labelSelector),
	5: strings('matchLabelKeys'),
	6: strings('mismatchLabelKeys'),
};
const podAffinity: Schema = {
	1: list('requiredDuringSchedulingIgnoredDuringExecution', podAffinityTerm),
	2: list('preferredDuringSchedulingIgnoredDuringExecution', {1: int('weight'), 2: message('podAffinityTerm', podAffinityTerm)}),
};
const affinity: Schema = {
	1: message('nodeAffinity', {
		1: message('requiredDuringSchedulingIgnoredDuringExecution', {1: list('nodeSelectorTerms', nodeSelectorTerm)}),
		2: list('preferredDuringSchedulingIgnoredDuringExecution', {1: int('weight'), 2: message('preference', nodeSelectorTerm)}),
	}),
	2: message('podAffinity', podAffinity),
	3: message('podAntiAffinity', podAffinity),
};
const podSecurityContext: Schema = {
	1: message('seLinuxOptions', seLinuxOptions),
	8: message('windowsOptions', windowsOptions),
	2: int('runAsUser'),
	6: int('runAsGroup'),
	3: bool('runAsNonRoot'),
	4: int('supplementalGroups', true),
	12: string('supplementalGroupsPolicy'),
	5: int('fsGroup'),
	7: list('sysctls', {1: string('name'), 2: string('value')}),
	9: string('fsGroupChangePolicy'),
	10: message('seccompProfile', profile),
	11: message('appArmorProfile', profile),
	13: string('seLinuxChangePolicy'),
};
const podSpec: Schema = {
	1: list('volumes', {1: string('name'), 2: inline(volumeSource)}),
	20: list('initContainers', container),
	2: list('containers', container),
	34: list('ephemeralContainers', {1: inline(container), 2: string('targetContainerName')}),
	3: string('restartPolicy'),
	4: int('terminationGracePeriodSeconds'),
	5: int('activeDeadlineSeconds'),
	6: string('dnsPolicy'),
	7: map('nodeSelector'),
	8: string('serviceAccountName'),
	9: string('serviceAccount'),
	21: bool('automountServiceAccountToken'),
	10: string('nodeName'),
	11: bool('hostNetwork'),
	12: bool('hostPID'),
	13: bool('hostIPC'),
	27: bool('shareProcessNamespace'),
	14: message('securityContext', podSecurityContext),
	15: list('imagePullSecrets', localObjectReference),
	16: string('hostname'),
	17: string('subdomain'),
	18: message('affinity', affinity),
	19: string('schedulerName'),
	22: list('tolerations', {1: string('key'), 2: string('operator'), 3: string('value'), 4: string('effect'), 5: int('tolerationSeconds')}),
	23: list('hostAliases', {1: string('ip'), 2: strings('hostnames')}),
	24: string('priorityClassName'),
	25: int('priority'),
	26: message('dnsConfig', {
		1: strings('nameservers'),
		2: strings('searches'),
		3: list('options', {1: string('name'), 2: string('value')}),
	}),
	28: list('readinessGates', {1: string('conditionType')}),
	29: string('runtimeClassName'),
	30: bool('enableServiceLinks'),
	31: string('preemptionPolicy'),
	32: quantities('overhead'),
	33: list('topologySpreadConstraints', {
		1: int('maxSkew'),
		2: string('topologyKey'),
		3: string('whenUnsatisfiable'),
		4: message('labelSelector', labelSelector),
		5: int('minDomains'),
		6: string('nodeAffinityPolicy'),
		7: string('nodeTaintsPolicy'),
		8: strings('matchLabelKeys'),
	}),
	35: bool('setHostnameAsFQDN'),
	36: message('os', {1: string('name')}),
	37: bool('hostUsers'),
	38: list('schedulingGates', {1: string('name')}),
	39: list('resourceClaims', {1: string('name'), 3: string('resourceClaimName'), 4: string('resourceClaimTemplateName')}),
	40: message('resources', resourceRequirements),
};

// core/v1: pod status
const containerState: Schema = {
	1: message('waiting', {1: string('reason'), 2: string('message')}),
	2: message('running', {1: time('startedAt')}),
	3: message('terminated', {
		1: int('exitCode'),
		2: int('signal'),
		3: string('reason'),
		4: string('message'),
		5: time('startedAt'),
		6: time('finishedAt'),
		7: string('containerID'),
	}),
};
const containerStatus: Schema = {
	1: string('name'),
	2: message('state', containerState),
	3: message('lastState', containerState),
	4: bool('ready'),
	5: int('restartCount'),
	6: string('image'),
	7: string('imageID'),
	8: string('containerID'),
	9: bool('started'),
	10: quantities('allocatedResources'),
	11: message('resources', resourceRequirements),
	12: list('volumeMounts', {1: string('name'), 2: string('mountPath'), 3: bool('readOnly'), 4: string('recursiveReadOnly')}),
	13: message('user', {1: message('linux', {1: int('uid'), 2: int('gid'), 3: int('supplementalGroups', true)})}),
};
const podStatus: Schema = {
	17: int('observedGeneration'),
	1: string('phase'),
	2: list('conditions', {
		7: int('observedGeneration'),
		1: string('type'),
		2: string('status'),
		3: time('lastProbeTime'),
		4: time('lastTransitionTime'),
		5: string('reason'),
		6: string('message'),
	}),
	3: string('message'),
	4: string('reason'),
	11: string('nominatedNodeName'),
	5: string('hostIP'),
	16: list('hostIPs', {1: string('ip')}),
	6: string('podIP'),
	12: list('podIPs', {1: string('ip')}),
	7: time('startTime'),
	10: list('initContainerStatuses', containerStatus),
	8: list('containerStatuses', containerStatus),
	9: string('qosClass'),
	13: list('ephemeralContainerStatuses', containerStatus),
	14: string('resize'),
};

// core/v1 Service
const servicePort: Schema = {
	1: string('name'),
	2: string('protocol'),
	6: string('appProtocol'),
	3: int('port'),
	4: intOrString('targetPort'),
	5: int('nodePort'),
};
export const serviceSpec: Schema = {
	1: list('ports', servicePort),
	2: map('selector'),
	3: string('clusterIP'),
	18: strings('clusterIPs'),
	4: string('type'),
	5: strings('externalIPs'),
	7: string('sessionAffinity'),
	8: string('loadBalancerIP'),
	9: strings('loadBalancerSourceRanges'),
	10: string('externalName'),
	11: string('externalTrafficPolicy'),
	12: int('healthCheckNodePort'),
	13: bool('publishNotReadyAddresses'),
	14: message('sessionAffinityConfig', {1: message('clientIP', {1: int('timeoutSeconds')})}),
	19: strings('ipFamilies'),
	17: string('ipFamilyPolicy'),
	20: bool('allocateLoadBalancerNodePorts'),
	21: string('loadBalancerClass'),
	22: string('internalTrafficPolicy'),
	23: string('trafficDistribution'),
};
const serviceStatus: Schema = {
	1: message('loadBalancer', {
		1: list('ingress', {
			1: string('ip'),
			2: string('hostname'),
			3: string('ipMode'),
			4: list('ports', {1: int('port'), 2: string('protocol'), 3: string('error')}),
		}),
	}),
	2: list('conditions', condition),
};

// core/v1 Endpoints, discovery/v1 EndpointSlice
const endpointAddress: Schema = {1: string('ip'), 3: string('hostname'), 4: string('nodeName'), 2: message('targetRef', objectReference)};
const endpointSubset: Schema = {
	1: list('addresses', endpointAddress),
	2: list('notReadyAddresses', endpointAddress),
	3: list('ports', {1: string('name'), 2: int('port'), 3: string('protocol'), 4: string('appProtocol')}),
};
const sliceEndpoint: Schema = {
	1: strings('addresses'),
	2: message('conditions', {1: bool('ready'), 2: bool('serving'), 3: bool('terminating')}),
	3: string('hostname'),
	4: message('targetRef', objectReference),
	5: map('deprecatedTopology'),
	6: string('nodeName'),
	7: string('zone'),
	8: message('hints', {1: list('forZones', {1: string('name')})}),
};

/** The kinds served as protobuf (lists and watches), by kind. */
export const servedKinds: Record<string, Schema> = {
	Pod: {1: message('metadata', objectMeta), 2: message('spec', podSpec), 3: message('status', podStatus)},
	Service: {1: message('metadata', objectMeta), 2: message('spec', serviceSpec), 3: message('status', serviceStatus)},
	Endpoints: {1: message('metadata', objectMeta), 2: list('subsets', endpointSubset)},
	EndpointSlice: {
		1: message('metadata', objectMeta),
		4: string('addressType'),
		2: list('endpoints', sliceEndpoint),
		3: list('ports', {1: string('name'), 2: string('protocol'), 3: int('port'), 4: string('appProtocol')}),
	},
};
