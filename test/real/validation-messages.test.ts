// The real half of test/sandbox/validation-messages.test.ts: every case against the cluster
// KUBECONFIG points at. With KPODS_RECORD=1 its answers become the fixture the sandbox half
// compares with; otherwise, on the recorded server's version, they must still be the recorded ones.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {request} from 'node:https';
import {allCases} from '../sandbox/validation-cases.js';
import {recordAnswers, recordedAnswers, runCase, type Send, type Summary} from '../sandbox/validation-runner.js';
import {errorsAsSets} from '../conformance/runner.js';
import {realKubeConfig} from './real-cluster.js';

const recording = process.env['KPODS_RECORD'] === '1';

describe('validation, decode and patch answers of the real server', () => {
	let send: Send;
	let server = '';
	const answers: Record<string, Summary> = {};
	const namespaces: string[] = [];
	before(async () => {
		const kc = realKubeConfig();
		const base = new URL(kc.getCurrentCluster()!.server);
		const options: Record<string, unknown> = {};
		await kc.applyToHTTPSOptions(options);
		send = async (method, path, body, contentType) =>
			new Promise((resolve, reject) => {
				const headers: Record<string, string> = {
					...(options['headers'] as Record<string, string> | undefined),
					'user-agent': 'kpods-validation-test',
				};
				if (body !== undefined) {
					headers['content-type'] = contentType ?? 'application/json';
				}

				const outgoing = request(new URL(path, base), {...options, method, headers}, response => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('end', () => resolve({code: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8')}));
				});
				outgoing.on('error', reject);
				outgoing.end(body);
			});
		server = (JSON.parse((await send('GET', '/version', undefined, undefined)).text) as {gitVersion: string}).gitVersion;
	});
	after(async () => {
		for (const namespace of namespaces) {
			await send('DELETE', `/api/v1/namespaces/${namespace}`, undefined, undefined).catch(() => undefined);
		}

		if (recording) {
			recordAnswers(server, answers);
		}
	});

	for (const [index, testCase] of allCases.entries()) {
		test(`${testCase.id}: ${testCase.title}`, {timeout: 60_000}, async () => {
			const namespace = `kpods-real-valid-${index}-${Date.now().toString(36)}`;
			namespaces.push(namespace);
			await send(
				'POST',
				'/api/v1/namespaces',
				JSON.stringify({apiVersion: 'v1', kind: 'Namespace', metadata: {name: namespace}}),
				undefined,
			);
			// Pods need the namespace's default service account, which a controller makes.
			const deadline = Date.now() + 30_000;
			while (
				(await send('GET', `/api/v1/namespaces/${namespace}/serviceaccounts/default`, undefined, undefined)).code !== 200 &&
				Date.now() < deadline
			) {
				await new Promise(resolve => setTimeout(resolve, 100));
			}

			const answer = await runCase(send, testCase, namespace);
			answers[testCase.id] = answer;
			const recorded = recordedAnswers();
			if (!recording && recorded.server === server && recorded.answers[testCase.id]) {
				// Messages quoting an allocated nodePort or a go-cmp diff vary from run to run; errors
				// the server lists in map order are compared as sets.
				const varies = testCase.v132?.messagePattern !== undefined;
				const comparable = (summary: Summary): Summary =>
					varies ? {...summary, message: undefined, details: undefined} : testCase.unordered ? errorsAsSets(summary) : summary;
				assert.deepEqual(comparable(answer), comparable(recorded.answers[testCase.id]!));
			} else {
				assert.ok(answer.code > 0, 'the server answered');
			}
		});
	}
});
