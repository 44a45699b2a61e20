// What `F` and `:pf` ask of the cluster: plan kubectl port-forward's pod and ports, bind the
// local ports (asking for another when one is taken), stop a forward.
import type {Cluster} from '../../cluster/types.js';
import {kubectlForward, type ForwardPlan, type PlannedPort} from '../../derive/forward-plan.js';
import {push, withStatus} from '../../state/modes.js';
import {actionFinished, actionStarted} from '../../state/outcomes.js';
import type {Effect} from '../../state/route-key.js';
import {textField} from '../../state/text-field.js';
import type {UiState} from '../../state/ui-state.js';
import {t} from '../../i18n/index.js';

type Update = (change: (state: UiState) => UiState) => void;
type ForwardEffect = Extract<Effect, {type: 'planForward' | 'startForward' | 'stopForward'}>;

/** Carries out one port-forward effect, reporting into the UI state. */
export async function runForwardEffect(cluster: Cluster, effect: ForwardEffect, update: Update, now: number): Promise<void> {
	if (effect.type === 'stopForward') {
		const row = cluster.forwards.getSnapshot().find(each => each.id === effect.id);
		cluster.forwards.stop(effect.id);
		update(state =>
			withStatus(
				state,
				row ? t('forward.stopped', {local: String(row.local), target: row.spec.target}) : t('forward.alreadyEnded'),
				'info',
			),
		);
		return;
	}

	if (effect.type === 'startForward') {
		await start(cluster, effect.plan, effect.ports, update, now);
		return;
	}

	const {kind, namespace, name} = effect.target;
	update(state => actionStarted(state, t('busy.planForward', {kind: kind.toLowerCase(), name})));
	const plan = await cluster.planForward(kind, namespace, name);
	if ('error' in plan) {
		update(state =>
			actionFinished(
				state,
				{
					ok: false,
					lines: [t('forward.failed', {target: `${kind === 'Pod' ? 'pod' : 'svc'}/${name}`, error: plan.error})],
					kubectl: `kubectl port-forward ${kind === 'Pod' ? 'pod' : 'svc'}/${name}`,
				},
				now,
			),
		);
		return;
	}

	if (plan.ports.length === 1) {
		await start(cluster, plan, plan.ports, update, now);
		return;
	}

	// Several ports: the user says which, as kubectl's LOCAL:PORT words.
	update(state =>
		ask(
			{...state, busy: undefined},
			plan,
			plan.ports.map(port => `${port.local}:${port.port}`).join(' '),
			t('forward.whichPorts', {target: plan.target, pod: plan.pod}),
		),
	);
}

/** Binds each port; a local port in use asks for another (Enter alone: any free one). */
async function start(cluster: Cluster, plan: ForwardPlan, ports: readonly PlannedPort[], update: Update, now: number): Promise<void> {
	const started: PlannedPort[] = [];
	const lines: string[] = [];
	for (const port of ports) {
		try {
			const row = await cluster.startForward(plan, port);
			started.push({...port, local: row.local});
			lines.push(`Forwarding from 127.0.0.1:${row.local} -> ${port.remote}`);
		} catch (error) {
			const {code, message} = error as NodeJS.ErrnoException;
			const why =
				code === 'EADDRINUSE'
					? t('forward.inUse', {port: String(port.local)})
					: code === 'EACCES'
						? t('forward.privileged', {port: String(port.local)})
						: message;
			const rest = ports
				.slice(ports.indexOf(port))
				.map(each => (each === port ? `:${each.port}` : `${each.local}:${each.port}`))
				.join(' ');
			update(state =>
				ask(
					started.length > 0
						? actionFinished(state, {ok: true, lines, kubectl: kubectlForward(plan, started, cluster.info.contextNamespace)}, now)
						: {...state, busy: undefined},
					plan,
					rest,
					t('forward.typeAnother', {why, port: String(port.port)}),
				),
			);
			return;
		}
	}

	update(state => actionFinished(state, {ok: true, lines, kubectl: kubectlForward(plan, started, cluster.info.contextNamespace)}, now));
}

function ask(state: UiState, plan: ForwardPlan, text: string, error: string): UiState {
	return push(state, {kind: 'prompt', prompt: {purpose: 'forward', plan, fields: [textField('ports', text)], focus: 0, error}});
}
