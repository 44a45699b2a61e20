// The comparison itself: errors a server lists in no fixed order compare as sets, and only
// where the scenario says so.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {compareTranscripts} from './runner.js';
import type {Scenario, Transcript} from './types.js';

const cpu = 'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit';
const memory = 'spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit';

function invalid(errors: string[]): Transcript {
	return {
		scenario: 's',
		server: 'v1.20.2',
		answers: [
			{
				step: 'POST /api/v1/namespaces/{ns}/pods',
				code: 422,
				body: {
					kind: 'Status',
					apiVersion: 'v1',
					status: 'Failure',
					reason: 'Invalid',
					code: 422,
					message: `Pod "p" is invalid: [${errors.join(', ')}]`,
					details: {
						name: 'p',
						kind: 'Pod',
						causes: errors.map(error => {
							const field = error.slice(0, error.indexOf(': '));
							return {reason: 'FieldValueInvalid', message: error.slice(field.length + 2), field};
						}),
					},
				},
			},
		],
	};
}

const scenario = (unorderedErrors: boolean): Scenario => ({
	id: 's',
	title: 't',
	steps: [{method: 'POST', path: '/api/v1/namespaces/{ns}/pods', compare: 'status', ...(unorderedErrors ? {unorderedErrors} : {})}],
});

test('errors in another order are the same answer when the scenario says the order is not fixed', () => {
	assert.deepEqual(compareTranscripts(scenario(true), invalid([memory, cpu]), invalid([cpu, memory])), []);
});

test('the same errors in another order differ where the order is part of the answer', () => {
	const report = compareTranscripts(scenario(false), invalid([memory, cpu]), invalid([cpu, memory]));
	assert.equal(report.length, 1);
	assert.match(report[0]!, /message: expected/);
});

test('an unordered comparison still sees a missing or changed error', () => {
	assert.equal(compareTranscripts(scenario(true), invalid([memory, cpu]), invalid([cpu])).length, 1);
	const changed = memory.replace('2Gi', '3Gi');
	assert.equal(compareTranscripts(scenario(true), invalid([memory, cpu]), invalid([cpu, changed])).length, 1);
});
