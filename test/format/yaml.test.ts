import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {objectYaml} from '../../source/format/yaml.js';
import {startSandbox, type Sandbox} from '../../source/sandbox/index.js';
import {Kubectl, kubectlInstalled} from '../kubectl.js';

describe("objectYaml: kubectl get -o yaml, byte for byte (the machine's kubectl on the sandbox)", {
	skip: kubectlInstalled ? false : 'kubectl is not installed',
}, () => {
	let sandbox: Sandbox;
	let client: Kubectl;
	const kubectl = async (...args: string[]): Promise<string> => {
		const run = await client.run(...args);
		if (run.code !== 0) {
			throw new Error(run.stderr);
		}
		return run.stdout;
	};
	const get = async (path: string) =>
		(await fetch(`${sandbox.url}${path}`, {headers: {authorization: `Bearer ${sandbox.token}`}})).json() as Promise<
			Record<string, unknown>
		>;

	before(async () => {
		sandbox = await startSandbox({timing: {scheduleMs: 5, pullMs: 10, startMs: 5, killMs: 20}});
		client = new Kubectl(sandbox.kubeconfig({}));
		const objects = client.file(
			'objects.yaml',
			[
				'apiVersion: v1\nkind: Pod\nmetadata:\n  name: odd\n  labels: {"y": "true", port: "80", a10: x, a9: x, a_b: x, aB: x, "0x1F": "0x1F", "1.5": "1e3"}\n  annotations: {note: "line one\\nline two\\n", empty: "", when: "2026-01-01T00:00:00Z", "on": "no", quoted: "key: value with a colon and a long tail that keeps going past the eighty column mark for sure", spaced: "trailing space \\nnext line", lead: " leading space", tab: "a\\tb", hash: "a #comment"}\nspec:\n  containers:\n  - name: web\n    image: nginx\n    args: ["--flag=1", "yes", "a very long argument that goes on and on well past eighty columns so that a folding printer would fold it"]\n    ports: [{containerPort: 80, name: http}]\n',
				'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  selector: {app: web}\n  ports: [{port: 4050, targetPort: http}]\n',
			].join('---\n'),
		);
		await kubectl('apply', '-f', objects);
	});
	after(async () => {
		client.remove();
		await sandbox.close();
	});

	for (const [kind, path, name] of [
		['pod', '/api/v1/namespaces/default/pods/odd', 'odd'],
		['service', '/api/v1/namespaces/default/services/svc', 'svc'],
		['service', '/api/v1/namespaces/default/services/kubernetes', 'kubernetes'],
	] as const) {
		test(`${kind} ${name}`, async () => {
			// Read both right after each other; a pod changes status while it starts, so retry until they agree on the version.
			for (let attempt = 0; ; attempt++) {
				const [object, text] = [await get(path), await kubectl('get', kind, name, '-o', 'yaml')];
				const again = await get(path);
				const version = (value: Record<string, unknown>) => (value['metadata'] as {resourceVersion: string}).resourceVersion;
				if (version(object) !== version(again) && attempt < 10) {
					continue;
				}
				assert.equal(objectYaml({apiVersion: 'v1', kind: kind === 'pod' ? 'Pod' : 'Service', ...object}), text);
				assert.doesNotMatch(text, /managedFields/);
				return;
			}
		});
	}
});
