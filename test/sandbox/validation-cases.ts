// Requests a real API server answers with a decode error (400), a validation error (422) or a
// particular patch/update result, each run the same way against the sandbox and a real server.
// The real server's answers (the lab's v1.20.2) are recorded in ../fixtures/lab-validation.json
// by test/real/validation-messages.test.ts (KPODS_RECORD=1); where v1.32 (the sandbox's target)
// answers differently, `v132` says what it answers instead and why.

/** One raw request; `{ns}` in the path is the case's namespace. */
export interface CaseRequest {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH';
	path: string;
	/** Sent as JSON; a function builds it from the previous step's answer. */
	body?: unknown;
	build?: (previous: any) => unknown;
	contentType?: string;
}

/** How v1.32 answers where it differs from the recorded v1.20 answer. */
export interface Newer {
	why: string;
	code?: number;
	reason?: string;
	/** The whole message (and each cause's message, when there is one cause and it is the message's detail). */
	message?: string;
	/** Text replacements applied to the message and every cause. */
	replace?: Array<[string, string]>;
	/** The message must match this instead of being compared whole (when it quotes what legitimately differs). */
	messagePattern?: RegExp;
	/** Causes, when they differ otherwise. */
	causes?: Array<{reason: string; message: string; field: string}>;
	/** The whole details object, when it differs otherwise. */
	details?: unknown;
}

/** One case: set-up steps, then the request whose answer is compared. */
export interface Case {
	id: string;
	title: string;
	setup?: CaseRequest[];
	request: CaseRequest;
	/** For a success: the dotted paths of the object compared (the rest legitimately differs). */
	compare?: string[];
	v132?: Newer;
	/** Why the server's errors come in no fixed order (compared as sets). */
	unordered?: string;
}

const pods = '/api/v1/namespaces/{ns}/pods';
const services = '/api/v1/namespaces/{ns}/services';
const pod = (name: string, spec: unknown): unknown => ({apiVersion: 'v1', kind: 'Pod', metadata: {name}, spec});
const service = (name: string, spec: unknown): unknown => ({apiVersion: 'v1', kind: 'Service', metadata: {name}, spec});
const nginx = {name: 'a', image: 'nginx'};
const withContainer = (extra: Record<string, unknown>): unknown => ({containers: [{...nginx, ...extra}]});
const create = (path: string, body: unknown): CaseRequest => ({method: 'POST', path, body});
const merge = 'application/merge-patch+json';
const strategic = 'application/strategic-merge-patch+json';
const jsonPatchType = 'application/json-patch+json';

// v1.21+ decodes with sigs.k8s.io/json (encoding/json's messages), v1.20 with json-iterator.
const decoder = "v1.21+ decodes with sigs.k8s.io/json: encoding/json messages instead of json-iterator's";
const typeError = (kind: string, detail: string): Newer => ({
	why: decoder,
	message: `${kind} in version "v1" cannot be handled as a ${kind}: ${detail}`,
});

/** Wrong JSON types: decoding fails with 400 before validation. */
export const decodeCases: Case[] = [
	{
		id: 'type-nodeport-string',
		title: 'nodePort "30500" is a decode error',
		request: create(services, service('s', {type: 'NodePort', ports: [{port: 80, nodePort: '30500'}]})),
		v132: typeError('Service', 'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.nodePort of type int32'),
	},
	{
		id: 'type-port-string',
		title: 'port "80" is a decode error',
		request: create(services, service('s', {ports: [{port: '80'}]})),
		v132: typeError('Service', 'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32'),
	},
	{
		id: 'type-selector-number',
		title: 'a selector value 1 is a decode error',
		request: create(services, service('s', {selector: {app: 1}, ports: [{port: 80}]})),
		v132: typeError('Service', 'json: cannot unmarshal number into Go struct field ServiceSpec.spec.selector of type string'),
	},
	{
		id: 'type-containerport-string',
		title: 'containerPort "80" is a decode error',
		request: create(pods, pod('p', withContainer({ports: [{containerPort: '80'}]}))),
		v132: typeError(
			'Pod',
			'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
		),
	},
	{
		id: 'type-containers-map',
		title: 'containers given as a map is a decode error',
		request: create(pods, pod('p', {containers: nginx})),
		v132: typeError('Pod', 'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container'),
	},
	{
		id: 'type-cpu-abc',
		title: 'cpu: abc is a quantity decode error',
		request: create(pods, pod('p', withContainer({resources: {limits: {cpu: 'abc'}}}))),
		v132: typeError('Pod', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
	},
	{
		id: 'type-containerport-float',
		title: 'containerPort 80.5 is a decode error',
		request: create(pods, pod('p', withContainer({ports: [{containerPort: 80.5}]}))),
		v132: typeError(
			'Pod',
			'json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
		),
	},
	{
		id: 'type-containerport-overflow',
		title: 'containerPort 99999999999 overflows int32',
		request: create(pods, pod('p', withContainer({ports: [{containerPort: 99_999_999_999}]}))),
		v132: typeError(
			'Pod',
			'json: cannot unmarshal number 99999999999 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
		),
	},
	{
		id: 'type-targetport-bool',
		title: "targetPort true fails IntOrString's own decoding",
		request: create(services, service('s', {ports: [{port: 80, targetPort: true}]})),
		v132: typeError('Service', 'json: cannot unmarshal bool into Go value of type int32'),
	},
	{
		id: 'type-protocol-number',
		title: 'protocol 6 is a decode error',
		request: create(services, service('s', {ports: [{port: 80, protocol: 6}]})),
		v132: typeError('Service', 'json: cannot unmarshal number into Go struct field ServicePort.spec.ports.protocol of type v1.Protocol'),
	},
	{
		id: 'type-spec-string',
		title: 'spec "x" is a decode error',
		request: create(pods, pod('p', 'x')),
		v132: typeError('Pod', 'json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec'),
	},
	{
		id: 'type-container-string',
		title: 'a container given as a string is a decode error',
		request: create(pods, pod('p', {containers: ['x']})),
		v132: typeError('Pod', 'json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container'),
	},
	{
		id: 'type-namespace-label',
		title: "a namespace label value 1 is a decode error (every kind's metadata is typed)",
		request: create('/api/v1/namespaces', {
			apiVersion: 'v1',
			kind: 'Namespace',
			metadata: {generateName: 'kpods-type-', labels: {tier: 1}},
		}),
		v132: typeError('Namespace', 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'),
	},
];

const portNameLetter: Newer = {
	why: 'IsValidPortName says "at least one letter (a-z)" since v1.2x',
	replace: [['must contain at least one letter or number (a-z, 0-9)', 'must contain at least one letter (a-z)']],
};

/** Validation: 422 with the real messages, several errors combined in order. */
export const validationCases: Case[] = [
	{
		id: 'svc-targetport-digits',
		title: 'targetPort "80" decodes (IntOrString) but is not a port name',
		request: create(services, service('s', {ports: [{port: 80, targetPort: '80'}]})),
		v132: portNameLetter,
	},
	{
		id: 'pod-port-name-duplicate',
		title: 'duplicate container port names',
		request: create(
			pods,
			pod(
				'p',
				withContainer({
					ports: [
						{name: 'web', containerPort: 80},
						{name: 'web', containerPort: 81},
					],
				}),
			),
		),
	},
	{
		id: 'pod-port-name-invalid',
		title: 'port name Http_Port',
		request: create(pods, pod('p', withContainer({ports: [{name: 'Http_Port', containerPort: 80}]}))),
	},
	{
		id: 'pod-port-name-long',
		title: 'port name over 15 characters',
		request: create(pods, pod('p', withContainer({ports: [{name: 'a-very-long-port-name', containerPort: 80}]}))),
	},
	{
		id: 'pod-hostport-duplicate',
		title: 'the same hostPort twice',
		request: create(
			pods,
			pod('p', {
				containers: [
					{...nginx, ports: [{containerPort: 80, hostPort: 8080}]},
					{name: 'b', image: 'nginx', ports: [{containerPort: 81, hostPort: 8080}]},
				],
			}),
		),
	},
	{
		id: 'pod-requests-above-limits',
		title: 'requests above limits',
		unordered: 'v1.20 ranges over the limits map: the cpu and memory errors come in either order',
		request: create(pods, pod('p', withContainer({resources: {requests: {memory: '2Gi', cpu: '2'}, limits: {memory: '1Gi', cpu: '1'}}}))),
		v132: {
			why: 'v1.2x+ names the limit ("… limit of 1Gi")',
			replace: [
				['must be less than or equal to memory limit', 'must be less than or equal to memory limit of 1Gi'],
				['must be less than or equal to cpu limit', 'must be less than or equal to cpu limit of 1'],
			],
		},
	},
	{
		id: 'pod-pull-policy',
		title: 'imagePullPolicy Sometimes',
		request: create(pods, pod('p', withContainer({imagePullPolicy: 'Sometimes'}))),
	},
	{
		id: 'pod-nodename-readiness-gate',
		title: 'an invalid nodeName and readiness-gate condition type',
		request: create(pods, pod('p', {nodeName: 'Bad_Node', readinessGates: [{conditionType: 'bad type!'}], containers: [nginx]})),
	},
	{
		id: 'pod-many-errors',
		title: 'errors of several containers combine in order',
		request: create(
			pods,
			pod('p', {containers: [{...nginx, ports: [{name: 'Http_Port', containerPort: 0, protocol: 'HTTP'}]}, {name: 'a'}]}),
		),
		v132: {
			why: "v1.28+ validateContainerCommon checks a container's image before the duplicate-name check",
			replace: [
				[
					'spec.containers[1].name: Duplicate value: "a", spec.containers[1].image: Required value',
					'spec.containers[1].image: Required value, spec.containers[1].name: Duplicate value: "a"',
				],
			],
			causes: [
				{
					reason: 'FieldValueInvalid',
					message: 'Invalid value: "Http_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
					field: 'spec.containers[0].ports[0].name',
				},
				{reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].ports[0].containerPort'},
				{
					reason: 'FieldValueNotSupported',
					message: 'Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
					field: 'spec.containers[0].ports[0].protocol',
				},
				{reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[1].image'},
				{reason: 'FieldValueDuplicate', message: 'Duplicate value: "a"', field: 'spec.containers[1].name'},
			],
		},
	},
	{
		id: 'pod-annotations-too-large',
		title: 'annotations over 256 KiB in total',
		request: create(pods, {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name: 'p', annotations: {a: 'x'.repeat(200_000), b: 'y'.repeat(70_000)}},
			spec: {containers: [nginx]},
		}),
		v132: {
			why: 'field.TooLong says "may not be more than N bytes" since v1.30',
			replace: [['must have at most 262144 bytes', 'may not be more than 262144 bytes']],
		},
	},
	{
		id: 'svc-externalname-defaults',
		title: 'an ExternalName service gets only sessionAffinity None',
		request: create(services, service('s', {type: 'ExternalName', externalName: 'example.com.'})),
		compare: ['spec'],
	},
	{
		id: 'svc-externalname-missing',
		title: 'ExternalName without externalName',
		request: create(services, service('s', {type: 'ExternalName'})),
	},
	{
		id: 'svc-externalname-invalid',
		title: 'ExternalName with an invalid externalName',
		request: create(services, service('s', {type: 'ExternalName', externalName: 'Bad_Name'})),
	},
	{
		id: 'svc-external-ips',
		title: 'invalid and special externalIPs',
		request: create(
			services,
			service('s', {ports: [{port: 80}], externalIPs: ['1.2.3', '127.0.0.1', '0.0.0.0', '169.254.1.1', '224.0.0.1']}),
		),
		v132: {
			why: 'ValidateNonSpecialIP names the IPv6 ranges too since v1.2x',
			replace: [
				['/8)', '/8, ::1/128)'],
				['/16)', '/16, fe80::/10)'],
				['/24)', '/24, ff02::/10)'],
			],
		},
	},
	{
		id: 'svc-headless-nodeport',
		title: 'clusterIP None with type NodePort',
		request: create(services, service('s', {type: 'NodePort', clusterIP: 'None', ports: [{port: 80}]})),
	},
	{
		id: 'svc-duplicate-port',
		title: 'the same port twice',
		request: create(
			services,
			service('s', {
				ports: [
					{name: 'a', port: 80},
					{name: 'b', port: 80},
				],
			}),
		),
	},
	{
		id: 'svc-session-affinity',
		title: 'sessionAffinity Sticky',
		request: create(services, service('s', {sessionAffinity: 'Sticky', ports: [{port: 80}]})),
	},
	{
		id: 'svc-traffic-policy-clusterip',
		title: 'externalTrafficPolicy on a ClusterIP service',
		request: create(services, service('s', {externalTrafficPolicy: 'Local', ports: [{port: 80}]})),
		v132: {
			why: 'v1.2x+ words it "may only be set for externally-accessible services"',
			replace: [
				[
					'ExternalTrafficPolicy can only be set on NodePort and LoadBalancer service',
					'may only be set for externally-accessible services',
				],
			],
		},
	},
	{
		id: 'svc-targetport-zero',
		title: 'targetPort 0 is defaulted to port',
		request: create(services, service('s', {ports: [{port: 80, targetPort: 0}]})),
		compare: ['spec.ports'],
	},
	{
		id: 'svc-targetport-long',
		title: 'a targetPort name over 15 characters',
		request: create(services, service('s', {ports: [{port: 80, targetPort: 'a-very-long-port-name'}]})),
	},
	{
		id: 'svc-duplicate-nodeport',
		title: 'one nodePort twice inside a service',
		request: create(
			services,
			service('s', {
				type: 'NodePort',
				ports: [
					{name: 'a', port: 80, nodePort: 30_611},
					{name: 'b', port: 81, nodePort: 30_611},
				],
			}),
		),
	},
	{
		id: 'svc-port-names',
		title: 'invalid and duplicate service port names with a duplicate port',
		request: create(
			services,
			service('s', {
				ports: [
					{name: 'Http_Port', port: 80},
					{name: 'Http_Port', port: 80},
				],
			}),
		),
	},
];

const lbService = create(services, service('lb', {type: 'LoadBalancer', ports: [{port: 80}]}));
const npService = create(services, service('np', {type: 'NodePort', selector: {app: 'x'}, ports: [{port: 80}]}));
const simplePod = create(pods, pod('pu', {containers: [nginx]}));

/** Patches and updates. */
export const updateCases: Case[] = [
	{
		id: 'svc-lb-ingress-hostname',
		title: 'a load-balancer ingress hostname must be a DNS name, not an IP',
		setup: [lbService],
		request: {
			method: 'PATCH',
			path: `${services}/lb/status`,
			contentType: merge,
			body: {status: {loadBalancer: {ingress: [{hostname: 'Bad_Host'}, {hostname: '1.2.3.4'}]}}},
		},
	},
	{
		id: 'svc-ingress-on-clusterip',
		title: 'load-balancer ingress on a ClusterIP service is refused',
		setup: [create(services, service('c', {ports: [{port: 80}]}))],
		request: {
			method: 'PATCH',
			path: `${services}/c/status`,
			contentType: merge,
			body: {status: {loadBalancer: {ingress: [{hostname: 'lb.example.com'}]}}},
		},
		v132: {
			why: 'v1.2x+ refuses LB status on a non-LoadBalancer service (AllowServiceLBStatusOnNonLB off)',
			code: 422,
			reason: 'Invalid',
			message: 'Service "c" is invalid: status.loadBalancer.ingress: Forbidden: may only be used when `spec.type` is \'LoadBalancer\'',
			details: {
				name: 'c',
				kind: 'Service',
				causes: [
					{
						reason: 'FieldValueForbidden',
						message: "Forbidden: may only be used when `spec.type` is 'LoadBalancer'",
						field: 'status.loadBalancer.ingress',
					},
				],
			},
		},
	},
	{
		id: 'patch-nodeport-to-clusterip',
		title: 'NodePort → ClusterIP by merge patch clears nodePort',
		setup: [npService],
		request: {method: 'PATCH', path: `${services}/np`, contentType: merge, body: {spec: {type: 'ClusterIP'}}},
		compare: ['spec.ports', 'spec.type', 'spec.externalTrafficPolicy'],
	},
	{
		id: 'patch-smp-adds-first',
		title: 'a strategic merge patch adds a list item first',
		setup: [create(services, service('sm', {ports: [{name: 'a', port: 80}]}))],
		request: {method: 'PATCH', path: `${services}/sm`, contentType: strategic, body: {spec: {ports: [{name: 'b', port: 81}]}}},
		compare: ['spec.ports'],
	},
	{
		id: 'patch-smp-targetport-long',
		title: 'a long targetPort name by strategic merge patch',
		setup: [create(services, service('sl', {ports: [{name: 'a', port: 80}]}))],
		request: {
			method: 'PATCH',
			path: `${services}/sl`,
			contentType: strategic,
			body: {spec: {ports: [{name: 'b', port: 81, targetPort: 'a-very-long-port-name'}]}},
		},
	},
	{
		id: 'patch-smp-wrong-type',
		title: 'a strategic merge patch with port "81"',
		setup: [npService],
		request: {method: 'PATCH', path: `${services}/np`, contentType: strategic, body: {spec: {ports: [{port: '81'}]}}},
	},
	{
		id: 'patch-smp-selector-number',
		title: 'a strategic merge patch with a selector value 1',
		setup: [npService],
		request: {method: 'PATCH', path: `${services}/np`, contentType: strategic, body: {spec: {selector: {app: 1}}}},
	},
	{
		id: 'patch-json-wrong-type',
		title: 'a JSON patch producing port "80" fails decoding (422 quoting the patched object)',
		setup: [npService],
		request: {
			method: 'PATCH',
			path: `${services}/np`,
			contentType: jsonPatchType,
			body: [{op: 'replace', path: '/spec/ports/0/port', value: '80'}],
		},
		v132: {
			why: `${decoder}; the quoted object has v1.32's fields`,
			messagePattern:
				/^ "" is invalid: patch: Invalid value: "\{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"Service\\",\\"metadata\\":\{.*\\"ports\\":\[\{\\"nodePort\\":<nodePort>,\\"port\\":\\"80\\",\\"protocol\\":\\"TCP\\",\\"targetPort\\":80\}\].*": json: cannot unmarshal string into Go struct field ServicePort\.spec\.ports\.port of type int32$/,
		},
	},
	{
		id: 'patch-json-missing-path',
		title: 'a JSON patch replacing a missing path: 422 without causes',
		setup: [npService],
		request: {
			method: 'PATCH',
			path: `${services}/np`,
			contentType: jsonPatchType,
			body: [{op: 'replace', path: '/spec/nothing/x', value: 1}],
		},
	},
	{
		id: 'patch-json-test-failed',
		title: 'a failed JSON patch test: 422 without causes',
		setup: [npService],
		request: {
			method: 'PATCH',
			path: `${services}/np`,
			contentType: jsonPatchType,
			body: [{op: 'test', path: '/spec/type', value: 'ClusterIP'}],
		},
	},
	{
		id: 'patch-json-bad-op',
		title: 'an unknown JSON patch op: 422 without causes',
		setup: [npService],
		request: {method: 'PATCH', path: `${services}/np`, contentType: jsonPatchType, body: [{op: 'bogus', path: '/spec/type'}]},
	},
	{
		id: 'patch-json-not-list',
		title: 'a JSON patch that is not a list: 400',
		setup: [npService],
		request: {method: 'PATCH', path: `${services}/np`, contentType: jsonPatchType, body: {op: 'add'}},
	},
	{
		id: 'put-pod-uid-mismatch',
		title: 'a PUT with another uid is a 409 precondition failure',
		setup: [simplePod, {method: 'GET', path: `${pods}/pu`}],
		request: {
			method: 'PUT',
			path: `${pods}/pu`,
			build: current => ({...current, metadata: {...current.metadata, uid: '00000000-0000-0000-0000-000000000000'}}),
		},
	},
	{
		id: 'put-service-uid-mismatch',
		title: 'a PUT of a service with another uid is a 409 precondition failure',
		setup: [npService, {method: 'GET', path: `${services}/np`}],
		request: {
			method: 'PUT',
			path: `${services}/np`,
			build: current => ({...current, metadata: {...current.metadata, uid: '00000000-0000-0000-0000-000000000000'}}),
		},
		v132: {
			why: 'v1.23+ services use the generic store, whose UID precondition answers first (v1.20 validated twice: 422 immutable)',
			code: 409,
			reason: 'Conflict',
			message:
				'Operation cannot be fulfilled on services "np": StorageError: invalid object, Code: 4, Key: /registry/services/specs/{ns}/np, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: <uid>, UID in object meta: <uid>',
			details: {name: 'np', kind: 'services'},
		},
	},
	{
		id: 'patch-pod-uid',
		title: "a patch changing a pod's uid: immutable, reported twice (once in the message)",
		setup: [simplePod],
		request: {method: 'PATCH', path: `${pods}/pu`, contentType: merge, body: {metadata: {uid: '00000000-0000-0000-0000-000000000000'}}},
	},
	{
		id: 'pod-add-container',
		title: 'adding a container to a pod',
		setup: [simplePod],
		request: {method: 'PATCH', path: `${pods}/pu`, contentType: strategic, body: {spec: {containers: [{name: 'b', image: 'busybox'}]}}},
	},
	{
		id: 'pod-update-diff',
		title: 'changing restartPolicy: the message shows the spec diff',
		setup: [simplePod],
		request: {method: 'PATCH', path: `${pods}/pu`, contentType: strategic, body: {spec: {restartPolicy: 'Never'}}},
		v132: {
			why: 'v1.32 lists terminationGracePeriodSeconds among the updatable fields and diffs old → new (go-cmp output is not stable across servers, so only its shape is compared)',
			messagePattern:
				/^Pod "pu" is invalid: spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`,`spec\.initContainers\[\*\]\.image`,`spec\.activeDeadlineSeconds`,`spec\.tolerations` \(only additions to existing tolerations\),`spec\.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n {2}core\.PodSpec\{\n[\s\S]*\n- \tRestartPolicy: +"Always",\n\+ \tRestartPolicy: +"Never",\n[\s\S]* {2}\}\n$/,
		},
	},
];

const apply = (path: string, body: unknown): CaseRequest => ({
	method: 'PATCH',
	path: `${path}?fieldManager=kpods-test`,
	contentType: 'application/apply-patch+yaml',
	body,
});
const namesObject = (name: string, kind: string): Newer => ({
	why: 'server-side apply\'s "failed to create typed patch object" names the object (exact release not verified)',
	replace: [['failed to create typed patch object: ', `failed to create typed patch object ({ns}/${name}; /v1, Kind=${kind}): `]],
});

/** Server-side apply of values of the wrong type: 500s from building the typed patch object. */
export const applyCases: Case[] = [
	{
		id: 'apply-type-port-string',
		title: 'server-side apply of port "80"',
		request: apply(`${services}/ssa1`, service('ssa1', {ports: [{port: '80', protocol: 'TCP'}]})),
		v132: namesObject('ssa1', 'Service'),
	},
	{
		id: 'apply-type-selector-number',
		title: 'server-side apply of a selector value 1',
		request: apply(`${services}/ssa2`, service('ssa2', {selector: {app: 1}, ports: [{port: 80, protocol: 'TCP'}]})),
		v132: namesObject('ssa2', 'Service'),
	},
	{
		id: 'apply-type-containers-map',
		title: 'server-side apply of containers given as a map',
		request: apply(`${pods}/ssa3`, pod('ssa3', {containers: nginx})),
		v132: namesObject('ssa3', 'Pod'),
	},
	{
		id: 'apply-type-cpu-abc',
		title: 'server-side apply of cpu: abc fails converting the object',
		request: apply(`${pods}/ssa4`, pod('ssa4', withContainer({resources: {limits: {cpu: 'abc'}}}))),
	},
];

/** Label selector syntax errors: 400 with the parser's message. */
export const selectorCases: Case[] = [
	['env in (a', 'an unclosed set'],
	['!', 'a bare !'],
	['env notin', 'notin without a set'],
	['=x', 'no key'],
	['a,', 'a trailing comma'],
	['env==a=b', 'two operators'],
	['env in (x y)', 'a set without commas'],
	['bad key=x', 'a space in the key'],
	['env in (a=b)', 'an operator inside a set'],
].map(
	([selector, title], index): Case => ({
		id: `selector-${index}`,
		title: `label selector ${JSON.stringify(selector)}: ${title!}`,
		request: {method: 'GET', path: `${pods}?labelSelector=${encodeURIComponent(selector!)}`},
		...(selector === 'bad key=x'
			? {
					v132: {
						why: 'v1.2x+ lists the binary operators from selection.Operator (gt and lt included)',
						replace: [["expected: '=', '!=', '==', 'in', notin'", 'expected: in, notin, =, ==, !=, gt, lt']],
					},
				}
			: {}),
	}),
);

/** Every case. */
export const allCases: Case[] = [...decodeCases, ...validationCases, ...updateCases, ...applyCases, ...selectorCases];
