import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {Cluster} from './cluster/types.js';
import type {ManifestFile} from './manifests/types.js';
import {withStatus} from './state/modes.js';
import {initialUiState, type UiState} from './state/ui-state.js';
import {MainScreen} from './ui/main-screen.js';
import {NoClusterScreen} from './ui/no-cluster-screen.js';
import {NowProvider, type TimeSource} from './ui/hooks/use-now.js';
import {TutorialMemoryContext} from './ui/hooks/use-tutorial.js';
import {tutorialMemoryFile, tutorialMemoryPath} from './saved/tutorial-memory.js';
import {useScreenSize, type ScreenSize} from './ui/hooks/use-screen-size.js';
import {useUiState} from './ui/hooks/use-ui-state.js';
import type {Theme} from './ui/theme.js';
import {t} from './i18n/index.js';

export interface ManifestSet {
	files: ManifestFile[];
	error?: string;
}

export interface AppProps {
	/** undefined: no kubeconfig was found; the app offers the sandbox. */
	cluster?: Cluster;
	/** Where kubectl would have looked for a kubeconfig (for the no-cluster screen). */
	looked?: string[];
	startSandbox?: () => Promise<Cluster>;
	loadManifests: () => Promise<ManifestSet>;
	/** Manifests already read before the first frame (start.ts reads them while the lists are on the wire), so it counts them. */
	manifests?: ManifestSet;
	readonly: boolean;
	theme: Theme;
	onQuit: () => void;
	/** Tests fix the size and the clock. */
	size?: ScreenSize;
	now?: number;
	/** A fake clock, for tests that watch when frames are drawn. */
	time?: TimeSource;
	initialState?: UiState;
	/** Keep the tutorial's memory between runs in the state file (tutorialMemoryPath); tests leave it for the run only. */
	keepTutorialMemory?: boolean;
}

/** Providers and the screen switch; the screens hold the logic. */
export function App(props: AppProps) {
	const size = useScreenSize(props.size);
	const [cluster, setCluster] = useState(props.cluster);
	const [manifests, setManifests] = useState<ManifestSet>(props.manifests ?? {files: []});
	const ui = useUiState(props.initialState ?? initialUiState);
	// biome-ignore lint/correctness/useExhaustiveDependencies: where the memory is kept is decided once, at mount
	const tutorialMemory = useMemo(() => (props.keepTutorialMemory ? tutorialMemoryFile(tutorialMemoryPath()) : undefined), []);
	// biome-ignore lint/correctness/useExhaustiveDependencies: the manifests are read once, at mount
	useEffect(() => {
		let live = true;
		void props.loadManifests().then(set => live && setManifests(set));
		return () => {
			live = false;
		};
	}, []);
	// The cluster in view, readable from callbacks made renders ago.
	const current = useRef(cluster);
	current.current = cluster;
	// Port-forwards outlive panes and namespace switches; they end when kpods does.
	useEffect(() => () => current.current?.forwards.stopAll(), []);
	// biome-ignore lint/correctness/useExhaustiveDependencies: ui.update is stable (useUiState); the cluster is read through the ref
	const replaceCluster = useCallback((next: Cluster, status: string) => {
		current.current?.close();
		current.current = next;
		setCluster(next);
		// Selections belong to the old rows.
		ui.update(state => withStatus({...state, selection: initialUiState.selection, busy: undefined}, status, 'info'));
	}, []);
	// biome-ignore lint/correctness/useExhaustiveDependencies: replaceCluster never changes (no dependencies)
	const onNamespace = useCallback((namespace: string | undefined) => {
		if (!current.current) {
			return;
		}
		replaceCluster(
			current.current.withNamespace(namespace),
			namespace === undefined ? t('switch.allNamespaces') : t('switch.namespace', {namespace}),
		);
	}, []);
	// biome-ignore lint/correctness/useExhaustiveDependencies: replaceCluster and ui.update never change
	const onContext = useCallback((context: string) => {
		if (!current.current) {
			return;
		}
		const next = current.current.withContext(context);
		if ('error' in next) {
			ui.update(state => withStatus(state, t('switch.contextFailed', {context, error: next.error}), 'error'));
		} else {
			replaceCluster(next, t('switch.context', {context, namespace: next.info.namespace}));
		}
	}, []);

	return (
		<NowProvider fixed={props.now} time={props.time}>
			<TutorialMemoryContext.Provider value={tutorialMemory}>
				{cluster ? (
					<MainScreen
						key={`${cluster.info.context}/${cluster.info.allNamespaces ? '*' : cluster.info.namespace}`}
						cluster={cluster}
						files={manifests.files}
						manifestError={manifests.error}
						readonly={props.readonly}
						columns={size.columns}
						rows={size.rows}
						theme={props.theme}
						state={ui.state}
						update={ui.update}
						read={ui.read}
						onQuit={props.onQuit}
						onNamespace={onNamespace}
						onContext={onContext}
					/>
				) : (
					<NoClusterScreen
						looked={props.looked ?? []}
						columns={size.columns}
						theme={props.theme}
						onQuit={props.onQuit}
						startSandbox={props.startSandbox}
						onCluster={setCluster}
					/>
				)}
			</TutorialMemoryContext.Provider>
		</NowProvider>
	);
}
