import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {kubectlApply, kubectlDelete, kubectlRun, shellQuote} from '../../source/actions/kubectl-command.js';

describe('the kubectl behind each action', () => {
	test('run, delete and apply as the tutorial writes them', () => {
		assert.equal(kubectlRun('testando', 'nginx', 'default', 'default'), 'kubectl run testando --image=nginx');
		assert.equal(
			kubectlRun('pod-2', 'sposigor/app-flask-teste:1', 'default', 'default'),
			'kubectl run pod-2 --image=sposigor/app-flask-teste:1',
		);
		assert.equal(kubectlDelete('Pod', 'testando', 'default', 'default'), 'kubectl delete pod testando');
		assert.equal(kubectlDelete('Service', 'svc-pod', 'default', 'default'), 'kubectl delete service svc-pod');
		assert.equal(kubectlApply(['manifests/svc-pod.yaml'], 'default', 'default'), 'kubectl apply -f manifests/svc-pod.yaml');
	});

	test('several files in the order they are applied', () => {
		assert.equal(
			kubectlApply(['manifests/svc-pod.yaml', 'manifests/pod-1.yaml'], 'default', 'default'),
			'kubectl apply -f manifests/svc-pod.yaml -f manifests/pod-1.yaml',
		);
	});

	test('-n only when the namespace differs from the context namespace', () => {
		assert.equal(kubectlRun('testando', 'nginx', 'demo', 'default'), 'kubectl run testando --image=nginx -n demo');
		assert.equal(kubectlDelete('Pod', 'testando', 'demo', 'demo'), 'kubectl delete pod testando');
		assert.equal(kubectlDelete('Service', 'svc-pod', 'kube-system', 'demo'), 'kubectl delete service svc-pod -n kube-system');
		assert.equal(kubectlApply(['pod.yaml'], 'demo', 'default'), 'kubectl apply -f pod.yaml -n demo');
	});

	test('arguments a shell would split or expand are single-quoted', () => {
		assert.equal(kubectlApply(['my manifests/pod 1.yaml'], 'default', 'default'), `kubectl apply -f 'my manifests/pod 1.yaml'`);
		assert.equal(kubectlApply(['/tmp/$HOME/*.yaml'], 'default', 'default'), `kubectl apply -f '/tmp/$HOME/*.yaml'`);
		assert.equal(kubectlRun('x', `it's`, 'default', 'default'), `kubectl run x --image='it'\\''s'`);
		assert.equal(kubectlRun('x', 'nginx', 'a b', 'default'), `kubectl run x --image=nginx -n 'a b'`);
	});

	test('shellQuote leaves plain words alone and quotes the empty string', () => {
		assert.equal(shellQuote('manifests/o_primeiro_pod.yaml'), 'manifests/o_primeiro_pod.yaml');
		assert.equal(shellQuote('registry:5000/app@sha256:ab+c=d,e%f'), 'registry:5000/app@sha256:ab+c=d,e%f');
		assert.equal(shellQuote(''), `''`);
		assert.equal(shellQuote('a;b'), `'a;b'`);
		assert.equal(shellQuote('~/x'), `'~/x'`);
	});

	test('a POSIX shell reads each quoted argument back unchanged', () => {
		const awkward = [`it's`, 'two words', '$HOME', '*.yaml', 'a"b', 'back\\slash', 'tab\there', "''", '!bang', 'new\nline'];
		const script = `printf '%s\\0' ${awkward.map(shellQuote).join(' ')}`;
		const output = execFileSync('/bin/sh', ['-c', script], {encoding: 'utf8'});
		assert.deepEqual(output.split('\0').slice(0, -1), awkward);
	});
});
