// Decode errors, validation errors, patches and updates (test/sandbox/validation-cases.ts) as
// rows of the suite: the set-up steps compare their codes, the request its Status (reason,
// message, details) or the chosen paths of the object. How v1.32 differs from the recorded
// v1.20 answers is in ../validation-differences.ts, applied through versions.ts.
import type {Scenario, Step} from '../types.js';
import {allCases, type Case, type CaseRequest} from '../../sandbox/validation-cases.js';
import {recordedAnswers} from '../../sandbox/validation-runner.js';

const recorded = recordedAnswers();

function step(request: CaseRequest): Step {
	return {
		method: request.method,
		path: request.path,
		...(request.body === undefined ? {} : {body: request.body}),
		...(request.contentType ? {contentType: request.contentType} : {}),
	};
}

// The PUT cases send the stored object back with another uid: a saved resourceVersion and a
// minimal object do the same here (the uid precondition is checked before anything else).
function steps(testCase: Case): Step[] {
	const setup = (testCase.setup ?? []).map(
		(request, index, all): Step => ({
			...step(request),
			compare: 'code',
			expect: request.method === 'POST' ? 201 : 200,
			...(index === all.length - 1 && testCase.request.build ? {save: {rv: 'metadata.resourceVersion'}} : {}),
		}),
	);
	const {request} = testCase;
	const body = request.build ? {...(request.build({}) as object), ...forged(testCase)} : request.body;
	// Where v1.32 answers another code the two servers legitimately disagree: no expected code.
	const expect = testCase.v132?.code === undefined ? recorded.answers[testCase.id]?.code : undefined;
	return [
		...setup,
		{
			...step({...request, body}),
			compare: testCase.compare ?? 'status',
			...(expect === undefined ? {} : {expect}),
			...(testCase.unordered ? {unorderedErrors: true} : {}),
		},
	];
}

function forged(testCase: Case): Record<string, unknown> {
	const resource = testCase.request.path.includes('/pods/') ? 'Pod' : 'Service';
	const name = testCase.request.path.split('/').at(-1)!;
	const spec = resource === 'Pod' ? {containers: [{name: 'a', image: 'nginx'}]} : {ports: [{port: 80}]};
	return {apiVersion: 'v1', kind: resource, metadata: {name, uid: '00000000-0000-0000-0000-000000000000', resourceVersion: '{rv}'}, spec};
}

export const scenarios: Scenario[] = allCases.map(testCase => ({id: testCase.id, title: testCase.title, steps: steps(testCase)}));
