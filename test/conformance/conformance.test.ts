// The sandbox half of the differential conformance suite: every scenario runs against the
// sandbox and is compared with what a real API server answered to the same requests (the
// lab's v1.20, recorded in fixtures/ by `npm run test:real` with KPODS_CONFORMANCE_RECORD=1),
// the known version differences applied. The real half is test/real/conformance.test.ts.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Sandbox} from '../../source/sandbox/index.js';
import {fastSandbox} from '../sandbox/helpers.js';
import {loadScenarios} from './scenarios/index.js';
import {sandboxTarget, minorOf, type Target} from './target.js';
import {compareTranscripts, runScenario, unexpectedCodes} from './runner.js';
import {readFixture} from './fixtures.js';

const scenarios = await loadScenarios();

describe('conformance: the sandbox answers as the recorded real server did', () => {
	let sandbox: Sandbox;
	let target: Target;
	before(async () => {
		sandbox = await fastSandbox();
		target = await sandboxTarget(sandbox);
	});
	after(async () => sandbox.close());

	for (const scenario of scenarios) {
		test(`${scenario.id}: ${scenario.title}`, {...(scenario.todo ? {todo: scenario.todo} : {}), timeout: 60_000}, async t => {
			const fixture = readFixture(scenario.id);
			const expects = scenario.steps.some(step => step.expect !== undefined);
			assert.ok(fixture ?? expects, `${scenario.id} has neither a recorded fixture nor an expected code: it would assert nothing`);
			const {transcript} = await runScenario(target, scenario);
			const problems = unexpectedCodes(scenario, transcript);
			const comparable = fixture && (!scenario.minVersion || minorOf(fixture.server) >= minorOf(scenario.minVersion));
			if (comparable) {
				problems.push(...compareTranscripts(scenario, fixture, transcript));
			} else {
				t.diagnostic(`no comparable recording (${fixture ? fixture.server : 'none'}): expected codes only`);
			}

			// The differences themselves are the message: a deepEqual diff of them would print each twice.
			assert.ok(
				problems.length === 0,
				`${scenario.id} differs from ${fixture?.server ?? 'its expected codes'}:\n  ${problems.join('\n  ')}`,
			);
		});
	}
});
