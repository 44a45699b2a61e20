// The real half of the differential conformance suite: every scenario runs against the server
// KUBECONFIG points at and against a fresh sandbox, each in a namespace of its own, and the
// two are compared (masked, with the known version differences applied). With
// KPODS_CONFORMANCE_RECORD=1 the real answers are written to test/conformance/fixtures/ for
// the sandbox half (npm test) to compare against.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Sandbox} from '../../source/sandbox/index.js';
import {fastSandbox} from '../sandbox/helpers.js';
import {loadScenarios} from '../conformance/scenarios/index.js';
import {kubeconfigTarget, minorOf, sandboxTarget, type Target} from '../conformance/target.js';
import {compareTranscripts, runScenario, unexpectedCodes} from '../conformance/runner.js';
import {writeFixture} from '../conformance/fixtures.js';
import {realKubeConfig} from './real-cluster.js';

const scenarios = await loadScenarios();
const record = process.env['KPODS_CONFORMANCE_RECORD'] === '1';

describe('conformance: the sandbox answers as the real server does', () => {
	let sandbox: Sandbox;
	let real: Target;
	let local: Target;
	before(async () => {
		realKubeConfig();
		real = await kubeconfigTarget(process.env['KUBECONFIG']!);
		sandbox = await fastSandbox();
		local = await sandboxTarget(sandbox);
	});
	after(async () => sandbox?.close());

	for (const scenario of scenarios) {
		// A known sandbox gap is reported as todo here too: it runs, and its differences are printed.
		test(`${scenario.id}: ${scenario.title}`, {...(scenario.todo ? {todo: scenario.todo} : {}), timeout: 120_000}, async t => {
			if (scenario.minVersion && minorOf(real.version) < minorOf(scenario.minVersion)) {
				t.skip(`needs ${scenario.minVersion}+, the server is ${real.version}`);
				return;
			}

			const [expected, actual] = await Promise.all([runScenario(real, scenario), runScenario(local, scenario)]);
			if (record) {
				writeFixture(expected.transcript);
			}

			const problems = [
				...unexpectedCodes(scenario, expected.transcript).map(line => `real server: ${line}`),
				...compareTranscripts(scenario, expected.transcript, actual.transcript),
			];
			// The differences themselves are the message: a deepEqual diff of them would print each twice.
			assert.ok(problems.length === 0, `${scenario.id}: the sandbox differs from ${real.version}:\n  ${problems.join('\n  ')}`);
		});
	}
});
