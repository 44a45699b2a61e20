// kubectl's client-side validation and patch metadata from a server's OpenAPI v2, table-driven
// on a document shaped like v1.20's (the definitions trimmed to the fields used here).
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {OpenApiSchemas, type OpenApiDocument} from '../../source/actions/openapi-schema.js';
import {threeWayStrategicPatch} from '../../source/actions/strategic-patch.js';

const ref = (name: string) => ({$ref: `#/definitions/${name}`});
const v1 = 'io.k8s.api.core.v1';
const document: OpenApiDocument = {
	definitions: {
		[`${v1}.Pod`]: {
			type: 'object',
			properties: {
				apiVersion: {type: 'string'},
				kind: {type: 'string'},
				metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'),
				spec: ref(`${v1}.PodSpec`),
			},
			'x-kubernetes-group-version-kind': [{group: '', version: 'v1', kind: 'Pod'}],
		},
		'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
			type: 'object',
			properties: {
				name: {type: 'string'},
				namespace: {type: 'string'},
				labels: {type: 'object', additionalProperties: {type: 'string'}},
				annotations: {type: 'object', additionalProperties: {type: 'string'}},
			},
		},
		[`${v1}.PodSpec`]: {
			type: 'object',
			required: ['containers'],
			properties: {
				containers: {
					type: 'array',
					items: ref(`${v1}.Container`),
					'x-kubernetes-patch-merge-key': 'name',
					'x-kubernetes-patch-strategy': 'merge',
				},
				activeDeadlineSeconds: {type: 'integer'},
				hostNetwork: {type: 'boolean'},
				overhead: {type: 'object', additionalProperties: ref('io.k8s.apimachinery.pkg.api.resource.Quantity')},
			},
		},
		[`${v1}.Container`]: {
			type: 'object',
			required: ['name'],
			properties: {
				name: {type: 'string'},
				image: {type: 'string'},
				args: {type: 'array', items: {type: 'string'}},
				ports: {
					type: 'array',
					items: ref(`${v1}.ContainerPort`),
					'x-kubernetes-patch-merge-key': 'containerPort',
					'x-kubernetes-patch-strategy': 'merge',
				},
			},
		},
		[`${v1}.ContainerPort`]: {
			type: 'object',
			required: ['containerPort'],
			properties: {containerPort: {type: 'integer'}, protocol: {type: 'string'}},
		},
		'io.k8s.apimachinery.pkg.api.resource.Quantity': {type: 'string'},
	},
	paths: {'/api/v1/namespaces/{namespace}/pods/{name}': {patch: {parameters: [{name: 'dryRun'}, {name: 'fieldManager'}]}}},
};
const schemas = new OpenApiSchemas(document);
const pod = (spec: unknown) => ({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p', labels: {app: 'a'}}, spec}) as never;

describe("OpenApiSchemas.validate: kubectl's errors, as kube-openapi words them", () => {
	const cases: Array<[string, unknown, string[]]> = [
		['a valid pod: none', {containers: [{name: 'c', image: 'nginx', ports: [{containerPort: 80}]}], overhead: {cpu: '1'}}, []],
		[
			'an unknown field, named with the definition it is not in',
			{containers: [{name: 'c', imagee: 'nginx'}]},
			['ValidationError(Pod.spec.containers[0]): unknown field "imagee" in io.k8s.api.core.v1.Container'],
		],
		[
			'a missing required field',
			{containers: [{image: 'nginx'}]},
			['ValidationError(Pod.spec.containers[0]): missing required field "name" in io.k8s.api.core.v1.Container'],
		],
		[
			'a list where a number goes',
			{containers: [{name: 'c', ports: [{containerPort: [80]}]}]},
			[
				'ValidationError(Pod.spec.containers[0].ports[0].containerPort): invalid type for io.k8s.api.core.v1.ContainerPort.containerPort: got "array", expected "integer"',
			],
		],
		[
			'a string takes a number; an integer takes a fraction; a boolean takes no string',
			{containers: [{name: 'c', image: 5}], activeDeadlineSeconds: 1.5, hostNetwork: 'yes'},
			['ValidationError(Pod.spec.hostNetwork): invalid type for io.k8s.api.core.v1.PodSpec.hostNetwork: got "string", expected "boolean"'],
		],
		[
			'a map where a list goes, and a list where a map goes',
			{containers: {name: 'c'}, overhead: ['1']},
			[
				'ValidationError(Pod.spec.containers): invalid type for io.k8s.api.core.v1.PodSpec.containers: got "map", expected "array"',
				'ValidationError(Pod.spec.overhead): invalid type for io.k8s.api.core.v1.PodSpec.overhead: got "array", expected "map"',
			],
		],
		[
			'nulls are skipped, but a required field set to null is missing',
			{containers: null, activeDeadlineSeconds: null},
			['ValidationError(Pod.spec): missing required field "containers" in io.k8s.api.core.v1.PodSpec'],
		],
	];
	for (const [name, spec, errors] of cases) {
		test(name, () => assert.deepEqual(schemas.validate('v1', 'Pod', pod(spec)), errors));
	}

	test('a kind the document does not know is not validated (kubectl skips it)', () => {
		assert.deepEqual(schemas.validate('example.com/v1', 'Widget', {spec: {anything: true}} as never), []);
	});

	test('a server whose paths take fieldValidation validates itself', () => {
		assert.equal(schemas.serverValidates, false);
		const newer = new OpenApiSchemas({
			...document,
			paths: {'/api/v1/namespaces/{namespace}/pods/{name}': {patch: {parameters: [{name: 'fieldValidation'}]}}},
		});
		assert.equal(newer.serverValidates, true);
	});
});

describe('OpenApiSchemas.patchSchema', () => {
	test('merge keys come from the document: containers by name, ports by containerPort', () => {
		const schema = schemas.patchSchema('v1', 'Pod')!;
		assert.deepEqual(
			[schema['spec']?.schema?.['containers']?.mergeKey, schema['spec']?.schema?.['containers']?.schema?.['ports']?.mergeKey],
			['name', 'containerPort'],
		);
		const original = pod({containers: [{name: 'c', image: 'nginx', ports: [{containerPort: 80}, {containerPort: 81}]}]});
		const modified = pod({containers: [{name: 'c', image: 'nginx', ports: [{containerPort: 80}]}]});
		assert.deepEqual(threeWayStrategicPatch(original, modified, original, schema), {
			spec: {
				'$setElementOrder/containers': [{name: 'c'}],
				containers: [{name: 'c', '$setElementOrder/ports': [{containerPort: 80}], ports: [{$patch: 'delete', containerPort: 81}]}],
			},
		});
		assert.equal(schemas.patchSchema('apps/v1', 'Deployment'), undefined);
	});
});
