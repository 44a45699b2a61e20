// The sandbox answers wrong JSON types, invalid objects, patches and updates as a real API
// server does: each case of validation-cases.ts is compared with the lab's recorded answer
// (../fixtures/lab-validation.json), turned into v1.32's where the versions differ.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Sandbox} from '../../source/sandbox/index.js';
import {fastSandbox} from './helpers.js';
import {allCases} from './validation-cases.js';
import {expectedFor, recordedAnswers, runCase, type Send} from './validation-runner.js';

const recorded = recordedAnswers();

describe(`the sandbox answers as the recorded real server (${recorded.server}, as v1.32)`, () => {
	let sandbox: Sandbox;
	let target: Send;
	before(async () => {
		sandbox = await fastSandbox();
		target = async (method, path, body, contentType) => {
			const headers: Record<string, string> = {authorization: `Bearer ${sandbox.token}`, 'user-agent': 'kpods-validation-test'};
			if (body !== undefined) {
				headers['content-type'] = contentType ?? 'application/json';
			}

			const response = await fetch(`${sandbox.url}${path}`, {method, headers, body});
			return {code: response.status, text: await response.text()};
		};
	});
	after(async () => sandbox.close());

	for (const [index, testCase] of allCases.entries()) {
		test(`${testCase.id}: ${testCase.title}`, async () => {
			const answer = recorded.answers[testCase.id];
			assert.ok(answer, `${testCase.id} has no recorded real answer: record it with KPODS_RECORD=1 npm run test:real`);
			const namespace = `sbvalid-${index}`;
			await target(
				'POST',
				'/api/v1/namespaces',
				JSON.stringify({apiVersion: 'v1', kind: 'Namespace', metadata: {name: namespace}}),
				undefined,
			);
			const actual = await runCase(target, testCase, namespace);
			const expected = expectedFor(testCase, answer);
			const pattern = testCase.v132?.messagePattern;
			if (pattern) {
				assert.match(actual.message ?? '', pattern);
				assert.deepEqual({...actual, message: undefined, details: undefined}, {...expected, message: undefined, details: undefined});
			} else {
				assert.deepEqual(actual, expected);
			}
		});
	}
});
