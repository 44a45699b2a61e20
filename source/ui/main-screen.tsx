import {Box, Text, useInput} from 'ink';
import {useCallback, useMemo, useRef} from 'react';
import type {Cluster} from '../cluster/types.js';
import {countPods, filterPods, parseFilter, applyFilter, type RowFilter} from '../derive/pod-view.js';
import {bindingsFor} from '../keys/keymap.js';
import {keyName, splitKeys} from '../keys/key-name.js';
import {formatLabels} from '../k8s/labels.js';
import type {ManifestFile} from '../manifests/types.js';
import {activeScopes, routeKey, type ViewContext} from '../state/route-key.js';
import {selectedIndex} from '../state/selection.js';
import {topMode, type UiState} from '../state/ui-state.js';
import {Footer} from './components/footer.js';
import {Header} from './components/header.js';
import {helpLines, historyLines} from './components/overlay-lines.js';
import {ConfirmBar, PromptBar} from './components/prompt-bar.js';
import {ScrollView} from './components/scroll-view.js';
import {useDetailLines} from './hooks/use-detail.js';
import {useEffects} from './hooks/use-effects.js';
import {useNow} from './hooks/use-now.js';
import {useStore} from './hooks/use-store.js';
import {ManifestsPane} from './panes/manifests-pane.js';
import {PodsPane} from './panes/pods-pane.js';
import {ServicesPane} from './panes/services-pane.js';
import {Picker} from './components/picker.js';
import type {Theme} from './theme.js';
import {trace} from '../trace.js';

export interface MainScreenProps {
	cluster: Cluster;
	files: readonly ManifestFile[];
	manifestError?: string;
	readonly: boolean;
	columns: number;
	rows: number;
	theme: Theme;
	ui: [UiState, (change: (state: UiState) => UiState) => void, () => UiState];
	onQuit: () => void;
	onNamespace: (namespace: string | undefined) => void;
	onContext: (context: string) => void;
}

/** The smallest terminal kpods draws in; below it, it says so. */
export const minimumSize = {columns: 50, rows: 10};

const serviceText = (service: {metadata: {name?: string; namespace?: string}; spec?: {type?: string; clusterIP?: string; selector?: Record<string, string>}}) =>
	`${service.metadata.namespace} ${service.metadata.name} ${service.spec?.type ?? ''} ${service.spec?.clusterIP ?? ''} ${formatLabels(service.spec?.selector)}`;

/** Header, the pane (or the overlay on top of it), footer; and the one input router. */
export function MainScreen({cluster, files, manifestError, readonly, columns, rows, theme, ui, onQuit, onNamespace, onContext}: MainScreenProps) {
	const [state, update, read] = ui;
	const now = useNow();
	const pods = useStore(cluster.pods);
	const services = useStore(cluster.services);
	const endpoints = useStore(cluster.endpoints);
	const nodes = useStore(cluster.nodes);

	const podFilter = useMemo(() => parseFilter(state.filter.pods), [state.filter.pods]);
	const serviceFilter = useMemo(() => parseFilter(state.filter.services), [state.filter.services]);
	const podRows = useMemo(() => filterPods(pods.items, podFilter), [pods.items, podFilter]);
	const serviceRows = useMemo(() => applyFilter(services.items, serviceFilter, service => service.metadata.labels, serviceText), [services.items, serviceFilter]);
	const keys = useMemo(() => ({
		pods: podRows.map(row => row.key),
		services: serviceRows.map(service => `${service.metadata.namespace}/${service.metadata.name}`),
		manifests: files.map(file => file.path),
	}), [podRows, serviceRows, files]);

	if (pods.synced) trace(`render ${pods.items.length} pods`);
	const mode = topMode(state);
	const height = rows - 1; // one line less than the terminal, so Ink never clears the screen to redraw
	const paneHeight = Math.max(1, height - 4);
	const detailTarget = state.modes.findLast(entry => entry.kind === 'detail');
	const detail = useDetailLines(cluster, detailTarget?.kind === 'detail' ? detailTarget.target : undefined, {services: services.items, pods: pods.items, endpoints: endpoints.items, nodes: nodes.items}, now);
	const overlayLines = mode?.kind === 'help' ? helpLines(state.pane, readonly)
		: mode?.kind === 'history' ? historyLines(state.history)
			: detail.lines;

	const clock = useRef(now);
	clock.current = now;
	const readClock = useCallback(() => clock.current, []);
	const runEffect = useEffects({cluster, files, update, onQuit, onNamespace, onContext, clock: readClock});
	useInput((input, key) => {
		// Ink splits input only at escape sequences: keys typed (or sent) faster than a render,
		// Enter and ctrl keys included, arrive as one string. Each is its own key press.
		const presses = input.length > 1 && !input.startsWith('\u001B') ? splitKeys(input) : [keyName(input, key)];
		for (const each of presses) {
			const current = read();
			const view: ViewContext = {
				rowKeys: keys[current.pane],
				pageSize: Math.max(1, paneHeight - 2),
				overlayLines: topMode(current)?.kind === 'picker' ? 0 : overlayLines.length,
				readonly,
				namespace: cluster.info.namespace,
			};
			const routed = routeKey(current, each, view);
			if (routed.state !== current) update(() => routed.state);
			for (const effect of routed.effects) void runEffect(effect);
		}
	});

	if (columns < minimumSize.columns || rows < minimumSize.rows) {
		return <Box width={columns}><Text wrap="wrap">{`Terminal too small (${columns}x${rows}): kpods needs at least ${minimumSize.columns}x${minimumSize.rows}. Resize, or press q to quit.`}</Text></Box>;
	}

	const selected = {
		pods: selectedIndex(keys.pods, state.selection.pods),
		services: selectedIndex(keys.services, state.selection.services),
		manifests: selectedIndex(keys.manifests, state.selection.manifests),
	};
	const notes = [['services', services.state], ['endpoints', endpoints.state]]
		.filter(([, entry]) => typeof entry === 'object' && entry.kind !== 'live' && entry.kind !== 'connecting' && pods.state.kind === 'live')
		.map(([name, entry]) => `${name as string} ${(entry as {kind: string}).kind}`);

	return (
		<Box flexDirection="column" height={height} width={columns}>
			<Header
				info={cluster.info}
				state={pods.state}
				notes={notes}
				counts={countPods(pods.items)}
				pane={state.pane}
				paneCounts={{pods: podRows.length, services: serviceRows.length, manifests: files.length}}
				readonly={readonly}
				width={columns}
				theme={theme}
			/>
			<Box height={paneHeight} flexDirection="column">
				{mode?.kind === 'help' ? <ScrollView title="Help — keys" lines={overlayLines} scroll={mode.scroll} width={columns} height={paneHeight} theme={theme}/>
					: mode?.kind === 'history' ? <ScrollView title="History — what kpods did, and the kubectl that does the same" lines={overlayLines} scroll={mode.scroll} width={columns} height={paneHeight} theme={theme}/>
						: mode?.kind === 'picker' ? <Picker purpose={mode.purpose} names={mode.names} selection={mode.selection} current={cluster.info.context} width={columns} height={paneHeight} theme={theme}/>
							: detailTarget?.kind === 'detail' ? (
								<ScrollView
									title={`${detailTarget.target.kind} ${detailTarget.target.namespace}/${detailTarget.target.name}${detail.gone ? ' — gone (deleted)' : detail.loading ? ' — loading…' : ''}`}
									lines={detail.lines}
									scroll={detailTarget.scroll}
									width={columns}
									height={paneHeight}
									theme={theme}
								/>
							)
								: state.pane === 'pods' ? (
									<PodsPane rows={podRows} selected={selected.pods} allNamespaces={cluster.info.allNamespaces} namespace={cluster.info.namespace} state={pods.state} synced={pods.synced} filtered={podFilter.kind !== 'none'} width={columns} height={paneHeight} now={now} theme={theme}/>
								) : state.pane === 'services' ? (
									<ServicesPane services={serviceRows} selected={selected.services} endpoints={endpoints.items} pods={pods.items} nodes={nodes.items} allNamespaces={cluster.info.allNamespaces} namespace={cluster.info.namespace} state={services.state} synced={services.synced} filtered={serviceFilter.kind !== 'none'} width={columns} height={paneHeight} now={now} theme={theme}/>
								) : (
									<ManifestsPane files={files} loadError={manifestError} selected={selected.manifests} previewScroll={state.previewScroll} applyResult={state.applyResult} width={columns} height={paneHeight} theme={theme}/>
								)}
			</Box>
			{mode?.kind === 'prompt' ? <PromptBar prompt={mode.prompt} width={columns} theme={theme}/>
				: mode?.kind === 'confirm' ? <ConfirmBar target={mode.target} width={columns} theme={theme}/>
					: <Footer status={state.status ?? filterStatus(state, podFilter, serviceFilter)} busy={state.busy} bindings={bindingsFor(activeScopes(state))} readonly={readonly} width={columns} theme={theme}/>}
		</Box>
	);
}

/** With nothing else to say, the footer reminds the user a filter is on. */
function filterStatus(state: UiState, pods: RowFilter, services: RowFilter) {
	if (state.pane === 'manifests') return undefined;
	const filter = state.pane === 'pods' ? pods : services;
	const text = state.filter[state.pane];
	if (filter.kind === 'invalid') return {text: `filter "${text}": ${filter.error}`, tone: 'error' as const};
	if (filter.kind === 'none') return undefined;
	return {text: `filter: ${text}   (Esc clears, / edits)`, tone: 'info' as const};
}
