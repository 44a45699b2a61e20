// `s`: kubectl exec -it into the pod's default container with the best shell it has (bash, else
// sh, as k9s picks), on the real terminal handed over; back in kpods the exit status is shown.
import type {ExecTerminal} from '../../cluster/exec-session.js';
import type {Cluster} from '../../cluster/types.js';
import type {Pod} from '../../k8s/types.js';
import {actionFinished, actionStarted} from '../../state/outcomes.js';
import type {Target, UiState} from '../../state/ui-state.js';
import {writeTerminal, type HandTerminal} from './use-terminal-handoff.js';
import {t} from '../../i18n/index.js';

/** bash when the container has it, else sh. */
export const shellCommand = ['sh', '-c', 'command -v bash >/dev/null 2>&1 && exec bash || exec sh'];

/** The container kubectl exec picks without -c: the default-container annotation, else the first. */
export function defaultContainer(pod: Pod): string | undefined {
	const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
	const names = (pod.spec?.containers ?? []).map(container => container.name);
	return annotated && names.includes(annotated) ? annotated : names[0];
}

/** Opens the shell, hands it the terminal, and reports how it ended. */
export async function runShell(
	cluster: Cluster,
	target: Target,
	handTerminal: HandTerminal,
	update: (change: (state: UiState) => UiState) => void,
	now: () => number,
): Promise<void> {
	const {namespace, name} = target;
	update(state => actionStarted(state, t('busy.shell', {name})));
	const fail = (text: string, kubectl: string) => update(state => actionFinished(state, {ok: false, lines: [text], kubectl}, now()));
	const namespaceFlag = namespace === cluster.info.contextNamespace ? '' : ` -n ${namespace}`;
	let pod: Pod;
	try {
		pod = (await cluster.getObject('Pod', namespace, name)) as unknown as Pod;
	} catch (error) {
		fail(t('shell.failed', {where: `pod ${name}`, message: (error as Error).message}), `kubectl exec -it ${name}${namespaceFlag} -- sh`);
		return;
	}

	const container = defaultContainer(pod) ?? '';
	const kubectl = `kubectl exec -it ${name}${namespaceFlag} -c ${container} -- ${shellCommand.slice(0, 2).join(' ')} '${shellCommand[2]}'`;
	const session = await cluster.openShell({namespace, pod: name, container, command: shellCommand});
	if ('error' in session) {
		fail(t('shell.failed', {where: `${name}/${container}`, message: session.error}), kubectl);
		return;
	}

	const result = await handTerminal(async () => session.run(userTerminal()));
	if (result.ok) {
		update(state =>
			actionFinished(
				state,
				{ok: result.exitCode === 0, lines: [t('shell.exited', {where: `${name}/${container}`, status: String(result.exitCode)})], kubectl},
				now(),
			),
		);
	} else {
		fail(t('shell.failed', {where: `${name}/${container}`, message: result.message}), kubectl);
	}
}

/** The real terminal, raw, while it is handed over. */
function userTerminal(): ExecTerminal {
	const {stdin, stdout} = process;
	return {
		onInput(listener) {
			if (stdin.isTTY) {
				stdin.setRawMode(true);
			}
			stdin.on('data', listener);
			stdin.resume();
			return () => {
				stdin.off('data', listener);
				if (stdin.isTTY) {
					stdin.setRawMode(false);
				}
				stdin.pause();
			};
		},
		write: writeTerminal,
		size: () => ({columns: stdout.columns || 80, rows: stdout.rows || 24}),
		onResize(listener) {
			stdout.on('resize', listener);
			return () => stdout.off('resize', listener);
		},
	};
}
