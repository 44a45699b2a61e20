// The machine's real kubectl, run as a learner would run it, for the real-cluster tier's interop
// tests. Only tests run kubectl; kpods never shells out to it.
import {execFile} from 'node:child_process';
import {dirname} from 'node:path';
import {bundledManifestsDir} from '../../source/manifests/load.js';

/** Where kubectl runs: the repository root, so `-f manifests/x.yaml` resolves as kpods shows it. */
export const repoRoot = dirname(bundledManifestsDir());

/** What one command printed and how it ended. */
export interface ShellRun {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs a command line in sh at the repository root, against KUBECONFIG. */
export function shell(commandLine: string): Promise<ShellRun> {
	return new Promise(resolve => {
		execFile('/bin/sh', ['-c', commandLine], {cwd: repoRoot, encoding: 'utf8'}, (error, stdout, stderr) => {
			resolve({code: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr});
		});
	});
}

/** Why the interop tests cannot run here (no kubectl), or false. */
export const kubectlMissing = await shell('kubectl version --client').then(({code, stderr}) =>
	code === 0 ? false : `kubectl is not installed: ${stderr.trim().split('\n')[0]}`,
);
