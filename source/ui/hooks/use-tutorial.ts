import {createContext, useContext, useEffect, useMemo, useRef} from 'react';
import type {Cluster} from '../../cluster/types.js';
import {tutorialMemoryKey, type TutorialMemoryStore} from '../../saved/tutorial-memory.js';
import {text} from '../../i18n/index.js';
import {selectedIndex} from '../../state/selection.js';
import type {UiState} from '../../state/ui-state.js';
import {
	checkSteps,
	emptyMemory,
	observe,
	progress,
	tutorialPodsOf,
	type Note,
	type StepCheck,
	type TutorialMemory,
} from '../../tutorial/checks.js';
import {steps} from '../../tutorial/steps.js';
import type {ScreenData} from './use-screen-data.js';
import type {DetailSources} from './use-detail.js';

/** The stores the screen holds, and the nodes as the detail's sources already hold them (whole objects). */
type Stores = Pick<ScreenData, 'pods' | 'services' | 'endpoints'> & {nodes: DetailSources['nodes']};

/** The tutorial's steps, checked, and how many are done; kept up whatever pane is on screen. */
export interface TutorialProgress {
	checks: readonly StepCheck[];
	done: number;
	total: number;
}

const stepIds = steps.map(step => step.id);

/** A check's note in the language on screen. */
export function noteText(check: StepCheck): string | undefined {
	const note: Note | undefined = check.note;
	if (!note || 'text' in note) {
		return note?.text;
	}
	return text(note.key, note.params);
}

/** Where the tutorial's memory outlives kpods; none (tests) keeps it for this run only. */
export const TutorialMemoryContext = createContext<TutorialMemoryStore | undefined>(undefined);

/**
 * Reads the stores the screen already holds and checks the steps off. The memory (testando seen,
 * described) belongs to the cluster and namespace: read from the state file when they change,
 * written back when it grows, so a restart or a switch back finds it again.
 */
export function useTutorial(cluster: Cluster, data: Stores, state: UiState): TutorialProgress {
	const saved = useContext(TutorialMemoryContext);
	const key = tutorialMemoryKey(cluster.info);
	const memory = useRef<{key: string; memory: TutorialMemory; stored: TutorialMemory} | undefined>(undefined);
	if (memory.current?.key !== key) {
		const loaded = saved?.load(key) ?? emptyMemory;
		memory.current = {key, memory: loaded, stored: loaded};
	}
	const {info} = cluster;
	const pods = useMemo(() => tutorialPodsOf(data.pods.items, info.namespace), [data.pods.items, info.namespace]);
	const snapshot = useMemo(
		() => ({
			namespace: info.namespace,
			pods,
			services: data.services.items,
			endpoints: data.endpoints.items,
			nodes: data.nodes,
			sandbox: info.sandbox,
			context: info.context,
		}),
		[info, pods, data.services.items, data.endpoints.items, data.nodes],
	);
	const detail = state.modes.findLast(mode => mode.kind === 'detail');
	const detailPod = detail?.kind === 'detail' && detail.target.kind === 'Pod' ? detail.target : undefined;
	const seen = {selectedStep: selectedIndex(stepIds, state.selection.tutorial), detailPod};
	memory.current.memory = observe(memory.current.memory, snapshot, seen);
	const remembered = memory.current.memory;
	useEffect(() => {
		const held = memory.current;
		if (saved && held && held.key === key && held.stored !== remembered) {
			held.stored = remembered;
			saved.save(key, remembered);
		}
	}, [saved, key, remembered]);
	return useMemo(() => {
		const checks = checkSteps(snapshot, remembered);
		return {checks, ...progress(checks)};
	}, [snapshot, remembered]);
}
