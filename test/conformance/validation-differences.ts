// The version differences of the decode, validation and patch scenarios
// (scenarios/validation-messages.ts), for versions.ts: each case of
// test/sandbox/validation-cases.ts that says how v1.32 answers where v1.20 answered otherwise
// becomes an upgrade of the recorded v1.20 answer (or, where v1.32's text quotes what
// legitimately varies, the message is left out of the comparison).
import type {Answer} from './types.js';
import type {VersionDifference} from './versions.js';
import {allCases, type Case} from '../sandbox/validation-cases.js';
import {expectedFor, type Summary} from '../sandbox/validation-runner.js';

// When each difference came; where the exact release was not checked it says so.
const introduced: Array<[RegExp, string, string]> = [
	[/sigs\.k8s\.io\/json/, '1.23', ''],
	[/generic store/, '1.23', ''],
	[/./, '1.32', ' (exact release not verified: after 1.20, by 1.32)'],
];

function upgrade(testCase: Case, answer: Answer): Answer {
	const body = answer.body as Record<string, unknown> | undefined;
	if (answer.step !== finalStepName(testCase) || (body?.['kind'] !== 'Status' && !testCase.v132?.code)) {
		return answer;
	}

	const recorded: Summary = {
		code: answer.code,
		reason: body?.['reason'] as string | undefined,
		message: body?.['message'] as string | undefined,
		details: body?.['details'],
	};
	const expected = expectedFor(testCase, JSON.parse(JSON.stringify(recorded)) as Summary);
	const status = {
		kind: 'Status',
		apiVersion: 'v1',
		metadata: {},
		status: 'Failure',
		message: expected.message,
		reason: expected.reason,
		details: expected.details,
		code: expected.code,
	};
	return {...answer, code: expected.code, body: JSON.parse(JSON.stringify(status)) as unknown};
}

/** `METHOD path` of a case's compared request, as the conformance runner names steps. */
export function finalStepName(testCase: Case): string {
	return `${testCase.request.method} ${testCase.request.path}`;
}

/** One version difference per case that has one. */
export const validationDifferences: VersionDifference[] = allCases
	.filter(testCase => testCase.v132)
	.map(testCase => {
		const newer = testCase.v132!;
		const [, version, note] = introduced.find(([pattern]) => pattern.test(newer.why))!;
		const base = {
			id: `validation-${testCase.id}`,
			introduced: version,
			what: `${newer.why}${note}`,
			scenarios: new RegExp(`^${testCase.id}$`),
		};
		return newer.messagePattern
			? {...base, ignore: ['message', 'details']}
			: {...base, upgrade: (answer: Answer) => upgrade(testCase, answer)};
	});
