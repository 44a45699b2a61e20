// Records chosen scenarios from the server KUBECONFIG points at into fixtures/, without the
// whole real half: `KUBECONFIG=~/.kpods-lab/kubeconfig node --import tsx test/conformance/record.ts ID…`
// (no ids: every scenario). Prints each step's code.
import {loadScenarios} from './scenarios/index.js';
import {kubeconfigTarget} from './target.js';
import {runScenario, stepName} from './runner.js';
import {writeFixture} from './fixtures.js';

const ids = process.argv.slice(2);
const path = process.env['KUBECONFIG'];
if (!path) {
	console.error('record.ts needs KUBECONFIG pointing at a real cluster');
	process.exit(2);
}

const real = await kubeconfigTarget(path);
for (const scenario of (await loadScenarios()).filter(scenario => ids.length === 0 || ids.includes(scenario.id))) {
	const {transcript} = await runScenario(real, scenario);
	writeFixture(transcript);
	console.log(
		`${scenario.id} (${real.version}): ${transcript.answers.map((answer, index) => `${stepName(scenario.steps[index]!)} → ${answer.code}`).join('; ')}`,
	);
}
