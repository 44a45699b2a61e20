// Table-driven checks of the pieces behind the sandbox's decode and validation messages:
// JSON type errors in encoding/json's words, quantities as resource.Quantity prints them,
// IANA port names, and the pod update diff.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {decodeError, quantityError} from '../../source/sandbox/decode.js';
import {canonicalQuantity, parseQuantity} from '../../source/sandbox/quantity.js';
import {isValidPortName} from '../../source/sandbox/validation-pod.js';
import {podSpecDiff} from '../../source/sandbox/pod-update.js';
import {typedPatchErrors} from '../../source/sandbox/typed-apply.js';

const pod = (spec: unknown): unknown => ({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p', labels: {app: 'x'}}, spec});

describe('decode errors', () => {
	const cases: Array<[string, unknown, string | undefined]> = [
		['valid pod', pod({containers: [{name: 'a', image: 'nginx', ports: [{containerPort: 80}]}]}), undefined],
		[
			'label value number',
			{metadata: {labels: {app: 1}}},
			'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
		],
		[
			'first mismatch wins',
			pod({restartPolicy: 1, containers: [{name: 2}]}),
			'json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy',
		],
		[
			'a quantity error stops decoding and wins',
			pod({restartPolicy: 1, containers: [{name: 'a', resources: {requests: {memory: '1kk'}}}]}),
			"unable to parse quantity's suffix",
		],
		[
			'bool where int32',
			pod({terminationGracePeriodSeconds: true}),
			'json: cannot unmarshal bool into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
		],
		['array where struct', pod({securityContext: []}), undefined],
		['null is nothing', pod({containers: null, nodeName: null}), undefined],
		['unknown fields are not type-checked', pod({bogus: 1}), undefined],
	];
	test('other kinds: their metadata is type-checked', () => {
		assert.equal(
			decodeError({name: 'namespaces', kind: 'Namespace', version: 'v1'}, {metadata: {name: 'x', labels: {tier: 1}}}),
			'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
		);
	});
	for (const [title, object, expected] of cases) {
		test(title, () => assert.equal(decodeError({name: 'pods', kind: 'Pod', version: 'v1'}, object), expected));
	}
});

describe('quantities', () => {
	const cases: Array<[string, string | undefined]> = [
		['1000m', '1'],
		['1.5', '1500m'],
		['0.5', '500m'],
		['2000', '2k'],
		['1024Mi', '1Gi'],
		['1.5Gi', '1536Mi'],
		['512', '512'],
		['1e3', '1e3'],
		['100Mi', '100Mi'],
		['0', '0'],
		['-1', '-1'],
		['abc', undefined],
		['1Zi', undefined],
	];
	for (const [text, canonical] of cases) {
		test(`${text} → ${canonical ?? 'invalid'}`, () => {
			const parsed = parseQuantity(text);
			assert.equal(parsed ? canonicalQuantity(parsed) : undefined, canonical);
			assert.equal(quantityError(text) === undefined, canonical !== undefined);
		});
	}
});

describe('port names (IsValidPortName)', () => {
	const cases: Array<[string, string[]]> = [
		['http', []],
		['Http_Port', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
		['a-very-long-port-name', ['must be no more than 15 characters']],
		['80', ['must contain at least one letter (a-z)']],
		['a--b', ['must not contain consecutive hyphens']],
		['-ab', ['must not begin or end with a hyphen']],
	];
	for (const [name, messages] of cases) {
		test(name, () => assert.deepEqual(isValidPortName(name), messages));
	}
});

test('the pod update diff shows the changed field with two unchanged ones either side, go-cmp style', () => {
	const old = {
		containers: [{name: 'a', image: 'nginx'}],
		restartPolicy: 'Always',
		terminationGracePeriodSeconds: 30,
		dnsPolicy: 'ClusterFirst',
	};
	assert.equal(
		podSpecDiff(old, {...old, restartPolicy: 'Never'}),
		[
			'  core.PodSpec{',
			'  \t... // 2 identical fields',
			'  \tContainers:                    {{Name: "a", Image: "nginx"}},',
			'  \tEphemeralContainers:           nil,',
			'- \tRestartPolicy:                 "Always",',
			'+ \tRestartPolicy:                 "Never",',
			'  \tTerminationGracePeriodSeconds: &30,',
			'  \tActiveDeadlineSeconds:         nil,',
			'  \t... // 27 identical fields',
			'  }',
			'',
		].join('\n'),
	);
});

test('server-side apply lists every value of the wrong type with structured-merge-diff paths', () => {
	assert.deepEqual(
		typedPatchErrors(
			{name: 'services', kind: 'Service', version: 'v1'},
			{spec: {ports: [{port: '80', protocol: 'TCP'}], selector: {app: true}, externalIPs: 'x'}},
		),
		[
			'.spec.ports[port="80",protocol="TCP"].port: expected numeric (int or float), got *value.valueUnstructured',
			'.spec.selector.app: expected string, got &value.valueUnstructured{Value:true}',
			'.spec.externalIPs: expected list, got &value.valueUnstructured{Value:"x"}',
		],
	);
});
