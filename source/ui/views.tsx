import type {ReactNode} from 'react';
import type {Cluster, StoreSnapshot} from '../cluster/types.js';
import type {DetailLine} from '../derive/describe.js';
import {matchPosition} from '../derive/text-search.js';
import {bindingsFor} from '../keys/keymap.js';
import {isFilterPane, panes, type FilterPane} from '../keys/panes.js';
import type {TabCount} from '../derive/header-tabs.js';
import {activeScopes, type ViewContext} from '../state/route-key.js';
import {selectedIndex} from '../state/selection.js';
import {topMode, type LogsMode, type Mode, type Pane, type StatusLine, type UiState} from '../state/ui-state.js';
import {Footer} from './components/footer.js';
import {helpLines, historyLines} from './components/overlay-lines.js';
import {Picker} from './components/picker.js';
import {ForwardList} from './components/forward-list.js';
import {ApplyConfirmBar, ConfirmBar, PromptBar} from './components/prompt-bar.js';
import {ScrollView} from './components/scroll-view.js';
import type {ScreenData} from './hooks/use-screen-data.js';
import {ManifestsPane} from './panes/manifests-pane.js';
import {EventsPane} from './panes/events-pane.js';
import {LogView} from './components/log-view.js';
import {eventKey, eventTargetOf} from '../derive/event-view.js';
import {logLineText, searchLines} from '../derive/log-lines.js';
import type {LogSnapshot} from '../cluster/log-session.js';
import {ClusterScopedPane} from './panes/cluster-scoped-pane.js';
import {namespaceRowColumns} from '../format/namespace.js';
import {nodeRowColumns} from '../format/node.js';
import {PodsPane} from './panes/pods-pane.js';
import {ServicesPane} from './panes/services-pane.js';
import {TutorialPane} from './panes/tutorial-pane.js';
import type {Theme} from './theme.js';
import {type MessageKey, t, text} from '../i18n/index.js';

/** What every view is drawn from. */
export interface ViewProps {
	cluster: Cluster;
	state: UiState;
	data: ScreenData;
	readonly: boolean;
	width: number;
	/** The body's height (the footer's two lines are not part of it). */
	height: number;
	now: number;
	theme: Theme;
}

/**
 * A view: a pane, or an overlay on top of the panes. Its keymap scope is its id
 * (`source/keys/keymap.ts`); the router (`source/state/route-key.ts`) handles its keys.
 */
export interface View {
	/** The body; overlays without one (a prompt, a question) leave the body below them on screen. */
	Body?: (props: ViewProps) => ReactNode;
	/** The two bottom lines, instead of the status line and key hints. */
	Footer?: (props: ViewProps) => ReactNode;
	/** The lines a scrolling overlay holds: the router stops scrolling at the last page. */
	lines?: (props: ViewProps) => readonly DetailLine[];
	/** What else the router needs to know while this view has the keys. */
	context?: (props: ViewProps) => Partial<ViewContext>;
}

/** A pane: its body and the keys of its rows in display order (the router moves over them; the tab counts them). */
export interface PaneView extends View {
	Body: (props: ViewProps) => ReactNode;
	rowKeys: (data: ScreenData) => readonly string[];
}

const scrolling = (title: MessageKey, lines: (props: ViewProps) => readonly DetailLine[]): View => ({
	lines,
	Body: props => (
		<ScrollView
			title={text(title)}
			lines={lines(props)}
			scroll={(topMode(props.state) as {scroll: number}).scroll}
			width={props.width}
			height={props.height}
			theme={props.theme}
		/>
	),
});

/**
 * Row keys per rows array: computed once per change of the rows, however often they are asked
 * for. A watch event makes a new rows array with the same keys (a pod changed, none came or
 * went): then the last keys are kept, so 10,000 rows under churn allocate nothing here.
 */
const keyCache = new WeakMap<readonly object[], readonly string[]>();
const lastKeys = new Map<Pane, {rows: readonly object[]; keys: readonly string[]}>();
function keysOf<T extends object>(
	pane: Pane,
	rows: readonly T[],
	key: (row: T) => string,
	replaced?: StoreSnapshot<T>['replaced'],
): readonly string[] {
	let keys = keyCache.get(rows);
	if (!keys) {
		const last = lastKeys.get(pane) as {rows: readonly T[]; keys: readonly string[]} | undefined;
		// Rows the store replaced in place keep their keys: nothing to compare.
		const kept = last && (replaced?.before === last.rows || sameKeys(rows, key, last));
		keys = kept ? last.keys : rows.map(row => key(row));
		keyCache.set(rows, keys);
		lastKeys.set(pane, {rows, keys});
	}

	return keys;
}

/** Whether `rows` have the keys `last.keys`; a row that is the same object as in `last.rows` has its key, so only new rows are asked. */
function sameKeys<T extends object>(
	rows: readonly T[],
	key: (row: T) => string,
	last: {rows: readonly T[]; keys: readonly string[]},
): boolean {
	const {keys} = last;
	if (rows.length !== keys.length) {
		return false;
	}
	const before = last.rows;
	for (let index = 0; index < rows.length; index++) {
		const row = rows[index]!;
		if (row !== before[index] && key(row) !== keys[index]) {
			return false;
		}
	}
	return true;
}

const selected = (pane: Pane, {state, data}: ViewProps) => selectedIndex(paneViews[pane].rowKeys(data), state.selection[pane]);
const listProps = (props: ViewProps, pane: FilterPane) => ({
	allNamespaces: props.cluster.info.allNamespaces,
	namespace: props.cluster.info.namespace,
	state: props.data[pane].state,
	synced: props.data[pane].synced,
	filtered: props.data.filters[pane].kind !== 'none',
	selected: selected(pane, props),
	width: props.width,
	height: props.height,
	now: props.now,
	theme: props.theme,
});

/** The panes, by id; their keys, titles and `:` names are in `source/keys/panes.ts`. */
export const paneViews: Record<Pane, PaneView> = {
	pods: {
		// Unfiltered, the rows are the store's items, and the store says which it replaced.
		rowKeys: data => keysOf('pods', data.podRows, row => row.key, data.podRows === data.pods.items ? data.pods.replaced : undefined),
		Body: props => <PodsPane rows={props.data.podRows} {...listProps(props, 'pods')} />,
	},
	services: {
		rowKeys: data => keysOf('services', data.serviceRows, row => row.key),
		Body: props => (
			<ServicesPane
				services={props.data.serviceRows}
				endpoints={props.data.endpoints.items}
				pods={props.data.pods.items}
				nodes={props.data.nodes.items.map(row => row.object)}
				{...listProps(props, 'services')}
			/>
		),
	},
	events: {
		rowKeys: data => keysOf('events', data.eventRows, eventKey),
		// `Enter` jumps to the object an event is about.
		context: ({data}) => ({
			eventTarget: key => {
				const event = data.eventRows.find(row => eventKey(row) === key);
				return event ? eventTargetOf(event) : undefined;
			},
		}),
		Body: props => <EventsPane events={props.data.eventRows} {...listProps(props, 'events')} />,
	},
	nodes: {
		rowKeys: data => keysOf('nodes', data.nodeRows, row => row.key),
		Body: props => <ClusterScopedPane rows={props.data.nodeRows} columns={nodeRowColumns} kind="nodes" {...listProps(props, 'nodes')} />,
	},
	namespaces: {
		rowKeys: data => keysOf('namespaces', data.namespaceRows, row => row.key),
		Body: props => (
			<ClusterScopedPane
				rows={props.data.namespaceRows}
				columns={namespaceRowColumns}
				kind="namespaces"
				{...listProps(props, 'namespaces')}
			/>
		),
	},
	tutorial: {
		rowKeys: data => keysOf('tutorial', data.tutorial.checks, check => check.id),
		// Enter on a step applies the tutorial's manifests by file name.
		context: ({data}) => ({manifestPaths: manifestPaths(data.files)}),
		Body: props => (
			<TutorialPane
				checks={props.data.tutorial.checks}
				selected={selected('tutorial', props)}
				namespace={props.cluster.info.namespace}
				preview={applyPreviewOf(props.state)}
				width={props.width}
				height={props.height}
				theme={props.theme}
			/>
		),
	},
	manifests: {
		rowKeys: data => keysOf('manifests', data.files, file => file.path),
		Body: props => {
			const {data, state, width, height, theme} = props;
			return (
				<ManifestsPane
					files={data.files}
					loadError={data.manifestError}
					selected={selected('manifests', props)}
					previewScroll={state.previewScroll}
					applyResult={state.applyResult}
					preview={applyPreviewOf(state)}
					width={width}
					height={height}
					theme={theme}
				/>
			);
		},
	},
};

/**
 * What each tab shows after its title: its rows, the tutorial's progress; nothing while the
 * pane's store has not been listed (the events and namespaces stores start when their pane is
 * first shown, and "0" before that would be a false count).
 */
export function tabCounts(data: ScreenData): Record<Pane, TabCount> {
	const counts = {} as Record<Pane, TabCount>;
	for (const pane of panes) {
		counts[pane] = isFilterPane(pane) && !data[pane].synced ? undefined : paneViews[pane].rowKeys(data).length;
	}
	counts.tutorial = `${data.tutorial.done}/${data.tutorial.total}`;
	return counts;
}

/** The overlays, by mode. */
export const overlayViews: Record<Mode['kind'], View> = {
	help: scrolling('help.title', ({state, readonly}) => helpLines(state.pane, readonly)),
	history: scrolling('history.title', ({state}) => historyLines(state.history)),
	detail: {
		lines: ({data}) => data.detail.lines,
		Body: ({state, data: {detail}, width, height, theme}) => {
			const mode = state.modes.findLast(entry => entry.kind === 'detail')!;
			const {target, scroll, search} = mode as Extract<Mode, {kind: 'detail'}>;
			const text = (mode as Extract<Mode, {kind: 'detail'}>).text === 'yaml' ? t('detail.yaml') : '';
			const found = search
				? `  /${search.query}: ${matchPosition(
						detail.lines.map(line => line.text),
						search,
					)}`
				: '';
			const where = target.namespace === '' ? target.name : `${target.namespace}/${target.name}`;
			const title = `${target.kind} ${where}${text}${detail.gone ? t('detail.gone') : detail.loading ? t('detail.loading') : ''}${found}`;
			return <ScrollView title={title} lines={detail.lines} scroll={scroll} width={width} height={height} theme={theme} search={search} />;
		},
	},
	logs: {
		lines: ({data}) => data.logs.lines as unknown as DetailLine[],
		context: ({state, data}) => ({logs: {lineCount: data.logs.lines.length, matches: logMatches(data.logs, topMode(state) as LogsMode)}}),
		Body: ({state, data, width, height, theme}) => {
			const mode = state.modes.findLast(entry => entry.kind === 'logs')!;
			return <LogView title={logTitle(mode)} log={data.logs} mode={mode} width={width} height={height} theme={theme} />;
		},
	},
	forwards: {
		context: ({data}) => ({forwardIds: data.forwards.map(row => row.id)}),
		Body: ({state, data, width, height, theme}) => (
			<ForwardList
				rows={data.forwards}
				selection={(state.modes.findLast(mode => mode.kind === 'forwards') as Extract<Mode, {kind: 'forwards'}>).selection}
				width={width}
				height={height}
				theme={theme}
			/>
		),
	},
	picker: {
		Body: ({state, cluster, width, height, theme}) => {
			const mode = topMode(state) as Extract<Mode, {kind: 'picker'}>;
			return (
				<Picker
					purpose={mode.purpose}
					names={mode.names}
					selection={mode.selection}
					current={cluster.info.context}
					width={width}
					height={height}
					theme={theme}
				/>
			);
		},
	},
	// The dry run shows in the manifests pane; the question is the footer.
	applyPreview: {Footer: ({state, width, theme}) => <ApplyConfirmBar preview={applyPreviewOf(state)!} width={width} theme={theme} />},
	confirm: {
		Footer: ({state, width, theme}) => (
			<ConfirmBar target={(topMode(state) as Extract<Mode, {kind: 'confirm'}>).target} width={width} theme={theme} />
		),
	},
	prompt: {
		Footer: ({state, width, theme}) => (
			<PromptBar prompt={(topMode(state) as Extract<Mode, {kind: 'prompt'}>).prompt} width={width} theme={theme} />
		),
	},
};

/** The manifests' paths by file name, computed once per list of files. */
const pathCache = new WeakMap<readonly object[], Record<string, string>>();
function manifestPaths(files: ScreenData['files']): Record<string, string> {
	let paths = pathCache.get(files);
	if (!paths) {
		paths = Object.fromEntries(files.map(file => [file.path.slice(file.path.lastIndexOf('/') + 1), file.path]));
		pathCache.set(files, paths);
	}
	return paths;
}

/** The apply dry run waiting for y, if that is the top mode. */
function applyPreviewOf(state: UiState) {
	const mode = topMode(state);
	return mode?.kind === 'applyPreview' ? mode.preview : undefined;
}

/** The log lines that hold the search text, as shown (timestamps or not). */
function logMatches(log: LogSnapshot, mode: LogsMode): number[] {
	return mode.search === ''
		? []
		: searchLines(
				log.lines.map(entry => logLineText(entry, mode.timestamps)),
				mode.search,
			);
}

/** The log view's title: whose log, like kubectl names it. */
function logTitle(mode: LogsMode): string {
	const what = mode.pods
		? `service/${mode.target.name} (${t('logs.servicePods', {count: mode.pods.length})})`
		: `pod/${mode.target.name}/${mode.container ?? ''}`;
	return t('logs.title', {where: `${mode.target.namespace}/${what}`}) + (mode.previous ? t('logs.previous') : '');
}

/** The view that draws the body: the topmost overlay that has one, else the pane. */
export function bodyView(state: UiState): View & {Body: NonNullable<View['Body']>} {
	const mode = state.modes.findLast(entry => overlayViews[entry.kind].Body);
	return (mode ? overlayViews[mode.kind] : paneViews[state.pane]) as View & {Body: NonNullable<View['Body']>};
}

/** The bottom two lines: the top overlay's own, else the status line (or the filter in force) and the keymap's hints. */
export function FooterView(props: ViewProps) {
	const mode = topMode(props.state);
	const Own = mode && overlayViews[mode.kind].Footer;
	if (Own) {
		return <Own {...props} />;
	}
	const {state, readonly, width, theme} = props;
	return (
		<Footer
			status={state.status ?? filterStatus(props)}
			busy={state.busy}
			bindings={bindingsFor(activeScopes(state))}
			readonly={readonly}
			width={width}
			theme={theme}
		/>
	);
}

/** With nothing else to say, the footer reminds the user a filter is on. */
function filterStatus({state, data}: ViewProps): StatusLine | undefined {
	if (!isFilterPane(state.pane)) {
		return undefined;
	}
	const filter = data.filters[state.pane];
	const text = state.filter[state.pane];
	if (filter.kind === 'invalid') {
		return {text: t('footer.badFilter', {filter: text, error: filter.error}), tone: 'error'};
	}
	if (filter.kind === 'none') {
		return undefined;
	}
	return {text: t('footer.filter', {filter: text}), tone: 'info'};
}
