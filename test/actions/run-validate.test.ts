import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {runPodManifest, validateRun} from '../../source/actions/run.js';

const subdomainRule = `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;
const labelRule = `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`;

describe('validateRun', () => {
	test("the tutorial's run is fine", () => {
		assert.equal(validateRun('testando', 'nginx'), undefined);
		assert.equal(validateRun('pod-2', 'sposigor/app-flask-teste:1'), undefined);
	});

	test('an invalid name: the metadata.name cause exactly as the real server words it', () => {
		// The recorded server answer names only metadata.name (its container was named validly);
		// kubectl run also names the container after the pod, so its name is refused too.
		const recorded = JSON.parse(
			readFileSync(new URL('fixtures/422-invalid-name.txt', import.meta.url), 'utf8')
				.trimEnd()
				.split('\n')
				.slice(1, -1)
				.join('\n'),
		) as {details: {causes: Array<{field: string; message: string}>}};
		const cause = recorded.details.causes[0]!;
		assert.equal(
			validateRun('bad_name', 'nginx'),
			`Pod "bad_name" is invalid: [${cause.field}: ${cause.message}, spec.containers[0].name: Invalid value: "bad_name": ${labelRule}]`,
		);
		assert.equal(cause.message, `Invalid value: "bad_name": ${subdomainRule}`);
	});

	test('a dotted name is a valid pod name but not a valid container name', () => {
		assert.equal(
			validateRun('my.pod', 'nginx'),
			'Pod "my.pod" is invalid: spec.containers[0].name: Invalid value: "my.pod": must not contain dots',
		);
	});

	test('a name too long for a container (over 63) but fine for a pod', () => {
		const name = 'a'.repeat(64);
		assert.equal(
			validateRun(name, 'nginx'),
			`Pod "${name}" is invalid: spec.containers[0].name: Invalid value: "${name}": must be no more than 63 characters`,
		);
	});

	test('no image, or one with surrounding spaces', () => {
		assert.equal(validateRun('noimage', ''), 'Pod "noimage" is invalid: spec.containers[0].image: Required value');
		assert.equal(
			validateRun('x', ' nginx'),
			'Pod "x" is invalid: spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace',
		);
	});

	test('no name', () => {
		assert.equal(
			validateRun('', 'nginx'),
			'Pod "" is invalid: [metadata.name: Required value: name or generateName is required, spec.containers[0].name: Required value]',
		);
	});
});

describe('runPodManifest', () => {
	test('what kubectl run sends: run label, one container named after the pod, Always, ClusterFirst', () => {
		assert.deepEqual(runPodManifest('testando', 'nginx'), {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name: 'testando', labels: {run: 'testando'}},
			spec: {containers: [{name: 'testando', image: 'nginx', resources: {}}], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst'},
		});
	});
});
