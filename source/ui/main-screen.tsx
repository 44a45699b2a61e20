import {Box} from 'ink';
import {Text} from './components/text.js';
import {useCallback, useRef} from 'react';
import type {Cluster, StoreSnapshot} from '../cluster/types.js';
import type {PodRow} from '../format/pod.js';
import {recountPods, type PodCounts} from '../derive/pod-view.js';
import type {ManifestFile} from '../manifests/types.js';
import type {ViewContext} from '../state/route-key.js';
import {topMode, type UiState} from '../state/ui-state.js';
import {trace} from '../trace.js';
import {Header} from './components/header.js';
import {useEffects} from './hooks/use-effects.js';
import {useEditor} from './hooks/use-editor.js';
import {useTerminalHandoff} from './hooks/use-terminal-handoff.js';
import {useKeyRouter} from './hooks/use-key-router.js';
import {nextSecond, useNow, useWakeAt} from './hooks/use-now.js';
import {useScreenData} from './hooks/use-screen-data.js';
import type {UpdateUi} from './hooks/use-ui-state.js';
import type {Theme} from './theme.js';
import {bodyView, FooterView, overlayViews, paneViews, tabCounts, type ViewProps} from './views.js';
import {t, text} from '../i18n/index.js';

export interface MainScreenProps {
	cluster: Cluster;
	files: readonly ManifestFile[];
	manifestError?: string;
	readonly: boolean;
	columns: number;
	rows: number;
	theme: Theme;
	state: UiState;
	update: UpdateUi;
	/** The latest state, for key handlers and action results. */
	read: () => UiState;
	onQuit: () => void;
	onNamespace: (namespace: string | undefined) => void;
	onContext: (context: string) => void;
}

/** The smallest terminal kpods draws in; below it, it says so. */
export const minimumSize = {columns: 50, rows: 10};

/** The header's pod counts, once per change of the pods, recounting only the rows a change replaced. */
function usePodCounts({items: rows, replaced}: StoreSnapshot<PodRow>): PodCounts {
	const last = useRef<{rows: readonly PodRow[]; counts: PodCounts} | undefined>(undefined);
	if (last.current?.rows !== rows) {
		last.current = {rows, counts: recountPods(last.current, rows, replaced)};
	}
	return last.current.counts;
}

/** Header, the view on top (a pane, or an overlay on it), footer; and the one input router. */
export function MainScreen(screen: MainScreenProps) {
	const {cluster, files, manifestError, readonly, columns, rows, theme, state, update, read, onQuit, onNamespace, onContext} = screen;
	const now = useNow();
	const data = useScreenData(cluster, state, files, manifestError, now);
	if (data.pods.synced) {
		trace(`render ${data.pods.items.length} pods`);
	}
	const podCounts = usePodCounts(data.pods);
	const height = rows - 1; // one line less than the terminal, so Ink never clears the screen to redraw
	const paneHeight = Math.max(1, height - 4);
	const props: ViewProps = {cluster, state, data, readonly, width: columns, height: paneHeight, now, theme};

	// Describe text holds ages (its events' "5m (x2 over 10m)" too): it is drawn again every second while open.
	useWakeAt(state.modes.some(mode => mode.kind === 'detail') ? nextSecond(now) : undefined);
	const clock = useRef(now);
	clock.current = now;
	const readClock = useCallback(() => clock.current, []);
	const runEditor = useEditor();
	const handTerminal = useTerminalHandoff();
	const run = useEffects({cluster, files, update, onQuit, onNamespace, onContext, clock: readClock, runEditor, handTerminal});
	// What the router needs to know, for the state a key arrives in: the pane's and the top overlay's own parts come from their views.
	const context = (current: UiState): ViewContext => {
		const mode = topMode(current);
		const pane = paneViews[current.pane];
		const overlay = mode && overlayViews[mode.kind];
		const now = {...props, state: current};
		return {
			rowKeys: pane.rowKeys(data),
			pageSize: Math.max(1, paneHeight - 2),
			overlayLines: overlay?.lines?.(now).length ?? 0,
			detailText: current.modes.some(each => each.kind === 'detail') ? data.detail.lines.map(line => line.text) : undefined,
			readonly,
			namespace: cluster.info.namespace,
			contextNamespace: cluster.info.contextNamespace,
			...pane.context?.(now),
			...overlay?.context?.(now),
		};
	};

	useKeyRouter({read, update, context, run});
	if (columns < minimumSize.columns || rows < minimumSize.rows) {
		return (
			<Box width={columns}>
				<Text wrap="wrap">
					{t('screen.tooSmall', {
						columns: String(columns),
						rows: String(rows),
						minColumns: String(minimumSize.columns),
						minRows: String(minimumSize.rows),
					})}
				</Text>
			</Box>
		);
	}

	const {Body} = bodyView(state);
	const notes = (
		[
			['services', data.services.state],
			['endpoints', data.endpoints.state],
		] as const
	)
		.filter(([, entry]) => entry.kind !== 'live' && entry.kind !== 'connecting' && data.pods.state.kind === 'live')
		.map(([name, entry]) => t('state.note', {store: text(`kind.${name}`), state: text(`storeState.${entry.kind}`)}));
	return (
		<Box flexDirection="column" height={height} width={columns}>
			<Header
				info={cluster.info}
				state={data.pods.state}
				notes={notes}
				counts={podCounts}
				pane={state.pane}
				paneCounts={tabCounts(data)}
				readonly={readonly}
				width={columns}
				theme={theme}
			/>
			<Box height={paneHeight} flexDirection="column">
				<Body {...props} />
			</Box>
			<FooterView {...props} width={columns} />
		</Box>
	);
}
