// The tutorial's own kubectl commands, unchanged, against the sandbox with the real kubectl
// (skipped, saying so, where kubectl is not installed). Each output is compared whole with
// what kubectl prints against a real minikube for the same objects; only generated names,
// IPs, ages, dates, durations and image sizes are masked.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import type {Sandbox} from '../../source/sandbox/index.js';
import {Kubectl, type KubectlRun, kubectlInstalled, skipWithoutKubectl as skipped} from '../kubectl.js';
import {api, fastSandbox, waitFor} from './helpers.js';
import {assertOutput} from './output-template.js';

// The tutorial's manifests, bundled in manifests/ (with the tutorial's YAML as a fallback).
const manifestsDir = new URL('../../manifests/', import.meta.url);
const tutorialYaml: Record<string, string> = {
	'o_primeiro_pod.yaml':
		'apiVersion: v1\nkind: Pod\nmetadata:\n    name: o-primeiro-pod\nspec:\n    containers:\n        - name: container-nginx\n          image: nginx\n',
	'svc-pod.yaml':
		'apiVersion: v1\nkind: Service\nmetadata:\n    name: svc-pod\nspec:\n    type: ClusterIP\n    selector:\n        app: pod-label\n    ports:\n        - port: 4050\n          targetPort: 80\n',
	'pod-1.yaml':
		'apiVersion: v1\nkind: Pod\nmetadata:\n    name: pod-1\n    labels:\n        app: pod-label\nspec:\n    containers:\n        - name: pod-1\n          image: nginx\n          ports:\n            - containerPort: 80\n',
	'svc-pod2.yaml':
		'apiVersion: v1\nkind: Service\nmetadata:\n    name: svc-pod2\nspec:\n    type: NodePort\n    ports:\n        - port: 5000\n          nodePort: 30000\n    selector:\n        app: pod-label2\n',
	'pod-2.yaml':
		'apiVersion: v1\nkind: Pod\nmetadata:\n    name: pod-2\n    labels:\n        app: pod-label2\nspec:\n    containers:\n        - name: pod-2\n          image: sposigor/app-flask-teste:1\n          ports:\n            - containerPort: 5000\n',
};

describe('kubectl against the sandbox (the tutorial, unchanged)', () => {
	let sandbox: Sandbox;
	let client: Kubectl;
	const kubectl = async (...args: string[]): Promise<KubectlRun> => client.run(...args);

	const manifest = (file: string): string => {
		const bundled = new URL(file, manifestsDir);
		return client.file(file, existsSync(bundled) ? readFileSync(bundled, 'utf8') : tutorialYaml[file]!);
	};

	const ready = async (...names: string[]): Promise<void> =>
		waitFor(async () => {
			for (const name of names) {
				assert.equal((await api(sandbox, `/api/v1/namespaces/default/pods/${name}`)).body?.status?.phase, 'Running');
			}
		}, 10_000);

	before(async () => {
		if (!kubectlInstalled) {
			return;
		}

		sandbox = await fastSandbox({timing: {scheduleMs: 20, pullMs: 60, startMs: 20, killMs: 60}});
		client = new Kubectl(sandbox.kubeconfig());
	});

	after(async () => {
		if (kubectlInstalled) {
			await sandbox.close();
			client.remove();
		}
	});

	test('kubectl run testando --image=nginx, with kubectl get pods --watch seeing the rows appear', async t => {
		if (skipped(t)) {
			return;
		}

		const watcher = client.start('get', 'pods', '--watch');
		let watched = '';
		watcher.stdout.on('data', (chunk: Buffer) => {
			watched += chunk.toString();
		});
		const exited = new Promise(resolve => watcher.on('exit', resolve));
		// kubectl says nothing for an empty namespace: wait until its watch is open on the server.
		await waitFor(() => assert.equal(sandbox.watchCount('pods'), 1), 10_000);
		const run = await kubectl('run', 'testando', '--image=nginx');
		assert.equal(run.code, 0, run.stderr);
		assertOutput(run.stdout, 'pod/testando created', 'kubectl run');
		await waitFor(() => assert.match(watched, /Running/), 10_000);
		watcher.kill();
		await exited;
		assertOutput(
			watched,
			`
NAME       READY   STATUS    RESTARTS   AGE
testando   0/1     Pending   0          {{AGE}}
testando   0/1     Pending   0          {{AGE}}
testando   0/1     ContainerCreating   0          {{AGE}}
testando   1/1     Running             0          {{AGE}}
`,
			'kubectl get pods --watch',
		);
	});

	test('kubectl get pods, get pods -o wide', async t => {
		if (skipped(t)) {
			return;
		}

		await ready('testando');
		assertOutput(
			(await kubectl('get', 'pods')).stdout,
			`
NAME       READY   STATUS    RESTARTS   AGE
testando   1/1     Running   0          {{AGE}}
`,
			'kubectl get pods',
		);
		assertOutput(
			(await kubectl('get', 'pods', '-o', 'wide')).stdout,
			`
NAME       READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES
testando   1/1     Running   0          {{AGE}}   {{IP}}   minikube   <none>           <none>
`,
			'kubectl get pods -o wide',
		);
	});

	test('kubectl describe pod testando', async t => {
		if (skipped(t)) {
			return;
		}

		const described = await kubectl('describe', 'pod', 'testando');
		assert.equal(described.code, 0, described.stderr);
		assertOutput(
			described.stdout,
			`
Name:             testando
Namespace:        default
Priority:         0
Service Account:  default
Node:             minikube/192.168.49.2
Start Time:       {{DATE}}
Labels:           run=testando
Annotations:      <none>
Status:           Running
IP:               {{IP}}
IPs:
  IP:  {{IP}}
Containers:
  testando:
    Container ID:   docker://{{HEX}}
    Image:          nginx
    Image ID:       docker-pullable://nginx@sha256:{{HEX}}
    Port:           <none>
    Host Port:      <none>
    State:          Running
      Started:      {{DATE}}
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-{{SUFFIX}} (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-{{SUFFIX}}:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  {{AGE}}   default-scheduler  Successfully assigned default/testando to minikube
  Normal  Pulling    {{AGE}}   kubelet            Pulling image "nginx"
  Normal  Pulled     {{AGE}}   kubelet            Successfully pulled image "nginx" in {{DURATION}} ({{DURATION}} including waiting). Image size: {{NUMBER}} bytes.
  Normal  Created    {{AGE}}   kubelet            Created container: testando
  Normal  Started    {{AGE}}   kubelet            Started container testando
`,
			'kubectl describe pod testando',
		);
	});

	test('kubectl delete pod testando waits until the pod is gone', async t => {
		if (skipped(t)) {
			return;
		}

		const deleted = await kubectl('delete', 'pod', 'testando');
		assert.equal(deleted.code, 0, deleted.stderr);
		assertOutput(deleted.stdout, 'pod "testando" deleted', 'kubectl delete pod testando');
		assert.equal((await api(sandbox, '/api/v1/namespaces/default/pods/testando')).code, 404);
		const empty = await kubectl('get', 'pods');
		assert.equal(empty.stdout, '');
		assert.equal(empty.stderr, 'No resources found in default namespace.\n');
	});

	test('kubectl apply -f on each tutorial manifest: created, then unchanged', async t => {
		if (skipped(t)) {
			return;
		}

		const expected: Array<[string, string]> = [
			['o_primeiro_pod.yaml', 'pod/o-primeiro-pod'],
			['svc-pod.yaml', 'service/svc-pod'],
			['pod-1.yaml', 'pod/pod-1'],
			['svc-pod2.yaml', 'service/svc-pod2'],
			['pod-2.yaml', 'pod/pod-2'],
		];
		for (const [file, object] of expected) {
			const applied = await kubectl('apply', '-f', manifest(file));
			assert.equal(applied.code, 0, applied.stderr);
			assert.equal(applied.stderr, '');
			assertOutput(applied.stdout, `${object} created`, `kubectl apply -f ${file}`);
		}

		for (const [file, object] of expected) {
			assertOutput((await kubectl('apply', '-f', manifest(file))).stdout, `${object} unchanged`, `kubectl apply -f ${file} again`);
		}

		await ready('o-primeiro-pod', 'pod-1', 'pod-2');
	});

	test('kubectl get pods -o wide, get svc, get svc -o wide, get endpoints', async t => {
		if (skipped(t)) {
			return;
		}

		assertOutput(
			(await kubectl('get', 'pods', '-o', 'wide')).stdout,
			`
NAME             READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES
o-primeiro-pod   1/1     Running   0          {{AGE}}   {{IP}}   minikube   <none>           <none>
pod-1            1/1     Running   0          {{AGE}}   {{IP}}   minikube   <none>           <none>
pod-2            1/1     Running   0          {{AGE}}   {{IP}}   minikube   <none>           <none>
`,
			'kubectl get pods -o wide',
		);
		assertOutput(
			(await kubectl('get', 'svc')).stdout,
			`
NAME         TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE
kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP          {{AGE}}
svc-pod      ClusterIP   {{IP}}   <none>        4050/TCP         {{AGE}}
svc-pod2     NodePort    {{IP}}   <none>        5000:30000/TCP   {{AGE}}
`,
			'kubectl get svc',
		);
		assertOutput(
			(await kubectl('get', 'svc', '-o', 'wide')).stdout,
			`
NAME         TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE   SELECTOR
kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP          {{AGE}}   <none>
svc-pod      ClusterIP   {{IP}}   <none>        4050/TCP         {{AGE}}   app=pod-label
svc-pod2     NodePort    {{IP}}   <none>        5000:30000/TCP   {{AGE}}   app=pod-label2
`,
			'kubectl get svc -o wide',
		);
		const pods = (await api(sandbox, '/api/v1/namespaces/default/pods')).body.items;
		const ipOf = (name: string): string => pods.find((pod: any) => pod.metadata.name === name).status.podIP;
		assertOutput(
			(await kubectl('get', 'endpoints')).stdout,
			`
NAME         ENDPOINTS           AGE
kubernetes   192.168.49.2:8443   {{AGE}}
svc-pod      ${ipOf('pod-1')}:80       {{AGE}}
svc-pod2     ${ipOf('pod-2')}:5000     {{AGE}}
`,
			'kubectl get endpoints',
		);
	});

	test('a second service asking for nodePort 30000 is refused with the real message', async t => {
		if (skipped(t)) {
			return;
		}

		const file = client.file('svc-pod3.yaml', tutorialYaml['svc-pod2.yaml']!.replace('svc-pod2', 'svc-pod3'));
		const refused = await kubectl('apply', '-f', file);
		assert.equal(refused.code, 1);
		assert.equal(refused.stdout, '');
		assert.equal(
			refused.stderr,
			'The Service "svc-pod3" is invalid: spec.ports[0].nodePort: Invalid value: 30000: provided port is already allocated\n',
		);
	});

	test('kubectl apply -f of an unknown kind says what a real cluster says (no matches for kind)', async t => {
		if (skipped(t)) {
			return;
		}

		// kubectl validates first: the v3 document has no path for the kind, so it falls back
		// to /openapi/v2, finds no schema there, and goes on to the REST mapping, which fails.
		client.file('f.yaml', 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n');
		const core = await kubectl('apply', '-f', 'f.yaml');
		assert.equal(core.code, 1);
		assert.equal(core.stdout, '');
		assert.equal(
			core.stderr,
			'error: resource mapping not found for name: "x" namespace: "" from "f.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n',
		);
		client.file('crd.yaml', 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: default\n');
		const group = await kubectl('apply', '-f', 'crd.yaml');
		assert.equal(group.code, 1);
		assert.equal(
			group.stderr,
			'error: resource mapping not found for name: "w" namespace: "default" from "crd.yaml": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first\n',
		);
	});

	test('kubectl get leases -n kube-node-lease prints NAME HOLDER AGE', async t => {
		if (skipped(t)) {
			return;
		}

		const leases = await kubectl('get', 'leases', '-n', 'kube-node-lease');
		assert.equal(leases.code, 0, leases.stderr);
		assertOutput(
			leases.stdout,
			`
NAME       HOLDER     AGE
minikube   minikube   {{AGE}}
`,
			'kubectl get leases -n kube-node-lease',
		);
	});

	test('kubectl get pods -A, get nodes, get ns, get events', async t => {
		if (skipped(t)) {
			return;
		}

		assertOutput(
			(await kubectl('get', 'pods', '-A')).stdout,
			`
NAMESPACE     NAME                               READY   STATUS    RESTARTS      AGE
default       o-primeiro-pod                     1/1     Running   0             {{AGE}}
default       pod-1                              1/1     Running   0             {{AGE}}
default       pod-2                              1/1     Running   0             {{AGE}}
kube-system   coredns-{{HASH}}-{{SUFFIX}}           1/1     Running   0             {{AGE}}
kube-system   etcd-minikube                      1/1     Running   0             {{AGE}}
kube-system   kube-apiserver-minikube            1/1     Running   0             {{AGE}}
kube-system   kube-controller-manager-minikube   1/1     Running   0             {{AGE}}
kube-system   kube-proxy-{{SUFFIX}}                   1/1     Running   0             {{AGE}}
kube-system   kube-scheduler-minikube            1/1     Running   0             {{AGE}}
kube-system   storage-provisioner                1/1     Running   1 ({{AGE}} ago)   {{AGE}}
`,
			'kubectl get pods -A',
		);
		assertOutput(
			(await kubectl('get', 'nodes')).stdout,
			`
NAME       STATUS   ROLES           AGE   VERSION
minikube   Ready    control-plane   {{AGE}}   v1.32.0
`,
			'kubectl get nodes',
		);
		assertOutput(
			(await kubectl('get', 'ns')).stdout,
			`
NAME              STATUS   AGE
default           Active   {{AGE}}
kube-node-lease   Active   {{AGE}}
kube-public       Active   {{AGE}}
kube-system       Active   {{AGE}}
`,
			'kubectl get ns',
		);
		const pulled = (image: string): string =>
			`Successfully pulled image "${image}" in {{DURATION}} ({{DURATION}} including waiting). Image size: {{NUMBER}} bytes.`;
		const podEvents = (pod: string, container: string, image: string): string => `
{{AGE}}   Normal   Scheduled   pod/${pod}   Successfully assigned default/${pod} to minikube
{{AGE}}   Normal   Pulling   pod/${pod}   Pulling image "${image}"
{{AGE}}   Normal   Pulled   pod/${pod}   ${pulled(image)}
{{AGE}}   Normal   Created   pod/${pod}   Created container: ${container}
{{AGE}}   Normal   Started   pod/${pod}   Started container ${container}`;
		assertOutput(
			(await kubectl('get', 'events')).stdout,
			`
LAST SEEN   TYPE     REASON                    OBJECT               MESSAGE
{{AGE}}   Normal   Starting   node/minikube   Starting kubelet.
{{AGE}}   Normal   NodeAllocatableEnforced   node/minikube   Updated Node Allocatable limit across pods
{{AGE}}   Normal   NodeHasSufficientMemory   node/minikube   Node minikube status is now: NodeHasSufficientMemory
{{AGE}}   Normal   NodeHasNoDiskPressure   node/minikube   Node minikube status is now: NodeHasNoDiskPressure
{{AGE}}   Normal   NodeHasSufficientPID   node/minikube   Node minikube status is now: NodeHasSufficientPID
{{AGE}}   Normal   RegisteredNode   node/minikube   Node minikube event: Registered Node minikube in Controller${podEvents('o-primeiro-pod', 'container-nginx', 'nginx')}${podEvents('pod-1', 'pod-1', 'nginx')}${podEvents('pod-2', 'pod-2', 'sposigor/app-flask-teste:1')}${podEvents('testando', 'testando', 'nginx')}
{{AGE}}   Normal   Killing   pod/testando   Stopping container testando
`,
			'kubectl get events',
		);
	});

	test('kubectl create namespace / create service send protobuf bodies, which the sandbox reads', async t => {
		if (skipped(t)) {
			return;
		}

		assertOutput((await kubectl('create', 'namespace', 'demo')).stdout, 'namespace/demo created', 'kubectl create namespace demo');
		const created = await kubectl('create', 'service', 'nodeport', 'web', '--tcp=8080:80', '--node-port=30080', '-n', 'demo');
		assertOutput(created.stdout, 'service/web created', 'kubectl create service nodeport');
		assertOutput(
			(await kubectl('get', 'svc', '-n', 'demo', '-o', 'wide')).stdout,
			`
NAME   TYPE       CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE   SELECTOR
web    NodePort   {{IP}}   <none>        8080:30080/TCP   {{AGE}}   app=web
`,
			'kubectl get svc -n demo -o wide',
		);
		assertOutput((await kubectl('delete', 'namespace', 'demo')).stdout, 'namespace "demo" deleted', 'kubectl delete namespace demo');
		assert.equal((await api(sandbox, '/api/v1/namespaces/demo')).code, 404);
	});
});
