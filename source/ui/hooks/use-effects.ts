import {useCallback} from 'react';
import type {Cluster} from '../../cluster/types.js';
import type {ManifestFile} from '../../manifests/types.js';
import {
	actionFinished,
	actionStarted,
	applyFinished,
	applyPreviewReady,
	applyQuestion,
	applySummary,
	completionsLoaded,
	contextsLoaded,
	namespacesForbidden,
	namespacesLoaded,
	previewLines,
} from '../../state/outcomes.js';
import type {Effect} from '../../state/route-key.js';
import {push, withStatus} from '../../state/modes.js';
import type {RunEditor} from '../../actions/edit.js';
import {objectsToApply} from '../../manifests/order.js';
import {editorCommand} from './use-editor.js';
import {openLogs} from './open-logs.js';
import {runForwardEffect} from './forward-effects.js';
import {runShell} from './shell-effect.js';
import type {HandTerminal} from './use-terminal-handoff.js';
import {type MessageKey, t, text} from '../../i18n/index.js';
import type {UiState} from '../../state/ui-state.js';

interface EffectContext {
	cluster: Cluster;
	files: readonly ManifestFile[];
	update: (change: (state: UiState) => UiState) => void;
	onQuit: () => void;
	onNamespace: (namespace: string | undefined) => void;
	onContext: (context: string) => void;
	/** The shared clock's reading, for history times (tests fix it). */
	clock: () => number;
	/** Hands the terminal to $EDITOR (kubectl edit). */
	runEditor: RunEditor;
	/** Hands the terminal over (the shell). */
	handTerminal: HandTerminal;
}

/** What an effect was doing, for its failure line. */
const doing: Partial<Record<Effect['type'], MessageKey>> = {
	openLogs: 'doing.openLogs',
	previewApply: 'doing.previewApply',
	loadCompletions: 'doing.loadCompletions',
	loadNamespaces: 'doing.loadNamespaces',
	switchNamespace: 'doing.switchNamespace',
	loadContexts: 'doing.loadContexts',
	switchContext: 'doing.switchContext',
};

/**
 * Carries out what the key router asked for, and reports back into the UI state. It never
 * throws: a failure anywhere in an effect ends as a failed status line, never the app.
 */
export function useEffects({
	cluster,
	files,
	update,
	onQuit,
	onNamespace,
	onContext,
	clock,
	runEditor,
	handTerminal,
}: EffectContext): (effect: Effect) => Promise<void> {
	const carryOut = useCallback(
		async (effect: Effect) => {
			switch (effect.type) {
				case 'quit': {
					onQuit();
					return;
				}

				case 'openLogs': {
					const opened = await openLogs(cluster, effect.target, effect.container);
					update(state =>
						'error' in opened
							? withStatus(state, opened.error, 'error')
							: 'pick' in opened
								? push(state, opened.pick)
								: actionFinished(push(state, opened.mode), {ok: true, lines: [opened.line], kubectl: opened.kubectl}, clock()),
					);
					return;
				}

				case 'edit': {
					update(state =>
						actionStarted(
							state,
							t('busy.editing', {kind: effect.target.kind.toLowerCase(), name: effect.target.name, editor: editorCommand()}),
						),
					);
					const result = await cluster.edit(effect.target, runEditor);
					update(state => actionFinished(state, result, clock()));
					return;
				}

				case 'shell': {
					await runShell(cluster, effect.target, handTerminal, update, clock);
					return;
				}

				case 'planForward':
				case 'startForward':
				case 'stopForward': {
					await runForwardEffect(cluster, effect, update, clock());
					return;
				}

				case 'note': {
					update(state => actionFinished(state, {ok: true, lines: [effect.text], kubectl: effect.kubectl}, clock()));
					return;
				}

				case 'delete': {
					const {kind, namespace, name} = effect.target;
					update(state => actionStarted(state, t('busy.deleting', {kind: kind.toLowerCase(), name})));
					const result = await cluster.deleteObject(kind, namespace, name);
					update(state => actionFinished(state, result, clock()));
					return;
				}

				case 'run': {
					update(state => actionStarted(state, t('busy.creating', {name: effect.name})));
					const result = await cluster.runPod(effect.namespace, effect.name, effect.image);
					update(state => {
						const finished = actionFinished(state, result, clock());
						// Put the selection on the new pod so the user watches it start.
						return result.ok
							? {
									...finished,
									pane: 'pods',
									selection: {
										...finished.selection,
										pods: {key: `${effect.namespace}/${effect.name}`, index: finished.selection.pods.index},
									},
								}
							: finished;
					});
					return;
				}

				case 'previewApply':
				case 'apply': {
					const chosen =
						effect.scope === 'all'
							? files
							: effect.paths
								? effect.paths.flatMap(path => files.filter(file => file.path === path))
								: files.filter(file => file.path === effect.path);
					if (chosen.length === 0) {
						update(state => withStatus(state, t('apply.nothing'), 'warn'));
						return;
					}

					const count = objectsToApply(chosen);
					const objects = t('apply.objects', {count});
					if (effect.type === 'previewApply') {
						// First what the server says it would do (nothing is changed), then y applies.
						update(state => actionStarted(state, t('apply.dryRunning', {objects})));
						const dryRun = await cluster.apply([...chosen], {dryRun: true});
						if (dryRun.refused) {
							// As kubectl apply -f: no question when there is nothing to apply.
							update(state => actionFinished(state, {ok: false, lines: [dryRun.refused!], kubectl: dryRun.kubectl}, clock()));
							return;
						}
						const summary = applyQuestion(dryRun.outcomes.map(outcome => outcome.result));
						update(state =>
							applyPreviewReady(state, {
								scope: effect.scope,
								path: effect.path,
								...(effect.paths ? {paths: effect.paths} : {}),
								lines: previewLines(dryRun.outcomes),
								summary,
								kubectl: dryRun.kubectl,
							}),
						);
						return;
					}

					update(state => actionStarted(state, t('apply.applying', {objects})));
					const report = await cluster.apply([...chosen]);
					if (report.refused) {
						update(state => actionFinished(state, {ok: false, lines: [report.refused!], kubectl: report.kubectl}, clock()));
						return;
					}
					const lines = report.outcomes.flatMap(outcome => [
						...(outcome.warning ? [{text: outcome.warning, ok: true}] : []),
						{text: outcome.line, ok: outcome.result !== 'error'},
					]);
					const ok = report.outcomes.every(outcome => outcome.result !== 'error');
					const summary = applySummary(report.outcomes.map(outcome => outcome.result));
					update(state =>
						applyFinished(state, {ok, lines: lines.map(line => line.text), kubectl: report.kubectl}, lines, summary, clock()),
					);
					return;
				}

				case 'loadNamespaces': {
					update(state => actionStarted(state, t('namespaces.listing')));
					const list = await cluster.listNamespaces();
					const current = cluster.info.allNamespaces ? undefined : cluster.info.namespace;
					if (list.ok) {
						update(state => namespacesLoaded(state, list.names, current));
					} else if (list.forbidden) {
						update(state => namespacesForbidden(state, list.message));
					} else {
						update(state => withStatus({...state, busy: undefined}, t('namespaces.cannotList', {message: list.message}), 'error'));
					}
					return;
				}

				case 'switchNamespace': {
					onNamespace(effect.namespace);
					return;
				}

				case 'loadContexts': {
					update(state => contextsLoaded(state, cluster.contexts(), cluster.info.context));
					return;
				}

				case 'switchContext': {
					onContext(effect.context);
					return;
				}

				case 'loadCompletions': {
					// Where namespaces cannot be listed, Tab simply has nothing to offer.
					const names =
						effect.names === 'context' ? cluster.contexts() : await cluster.listNamespaces().then(list => (list.ok ? list.names : []));
					update(state => completionsLoaded(state, effect.names, names));
				}
			}
		},
		[cluster, files, update, onQuit, onNamespace, onContext, clock, runEditor, handTerminal],
	);
	return useCallback(
		async (effect: Effect) => {
			try {
				await carryOut(effect);
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				update(state =>
					actionFinished(
						state,
						{
							ok: false,
							lines: [
								t('doing.failed', {doing: doing[effect.type] ? text(doing[effect.type]!) : effect.type, message: message.split('\n')[0]!}),
							],
							kubectl: '',
						},
						clock(),
					),
				);
			}
		},
		[carryOut, update, clock],
	);
}
