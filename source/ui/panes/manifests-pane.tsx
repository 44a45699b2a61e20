import {Box} from 'ink';
import {Text} from '../components/text.js';

import {columnWidths, fitColumns, fitLine} from '../../derive/table-fit.js';
import {describeDocument} from '../../manifests/order.js';
import type {ManifestFile} from '../../manifests/types.js';
import type {ApplyLine, ApplyPreview} from '../../state/ui-state.js';
import {Table} from '../components/table.js';
import {useScrollTop} from '../hooks/use-scroll-top.js';
import type {Theme} from '../theme.js';
import {t} from '../../i18n/index.js';

interface ManifestsPaneProps {
	files: readonly ManifestFile[];
	/** Why the files could not be read (e.g. a bad --manifests DIR). */
	loadError?: string;
	selected: number;
	previewScroll: number;
	applyResult?: readonly ApplyLine[];
	/** An apply's dry run waiting for y: shown instead of the last apply. */
	preview?: ApplyPreview;
	width: number;
	height: number;
	theme: Theme;
}

/** What a file holds, in one cell: its objects, or the reason it cannot be applied. */
export function fileSummary(file: ManifestFile): string {
	if (file.parseError) {
		return `! ${file.parseError}`;
	}
	if (file.documents.length === 0) {
		return t('manifests.noObjects');
	}
	return file.documents.map(document => (document.error ? `! ${document.error}` : describeDocument(document))).join(', ');
}

/** The manifests: each file with its kinds and names, the selected one's YAML, and the last apply's result. */
export function ManifestsPane({files, loadError, selected, previewScroll, applyResult, preview, width, height, theme}: ManifestsPaneProps) {
	const headers = ['FILE', 'OBJECTS'];
	const rows = files.map(file => ({
		key: file.path,
		cells: [file.displayPath, fileSummary(file)],
		colors: {1: file.parseError || file.documents.some(document => document.error) ? theme.tone('error') : undefined},
	}));
	const fitted = fitColumns(
		[
			{header: 'FILE', shrink: true},
			{header: 'OBJECTS', shrink: true},
		],
		columnWidths(
			headers,
			rows.map(row => row.cells),
		),
		width,
	);
	const results = preview
		? {
				title: t('manifests.dryRun', {kubectl: preview.kubectl}),
				lines: preview.lines.map(line => ({text: line.text, color: theme.tone(line.tone)})),
			}
		: applyResult && {
				title: t('manifests.lastApply'),
				lines: applyResult.map(line => ({text: line.text, color: theme.tone(line.ok ? 'ok' : 'error')})),
			};
	const resultLines = results ? Math.min(results.lines.length + 1, Math.max(0, Math.floor(height / (preview ? 2 : 3)))) : 0;
	const listHeight = Math.min(rows.length + 1, Math.max(2, Math.floor((height - resultLines) / 2)));
	const previewHeight = Math.max(0, height - listHeight - resultLines);
	const top = useScrollTop(selected, listHeight - 1, rows.length);
	const file = selected >= 0 ? files[selected] : undefined;
	const empty = loadError ? `! ${loadError}` : 'no manifests (kpods --manifests DIR adds a folder)';
	return (
		<Box flexDirection="column" height={height}>
			<Table
				headers={headers}
				fitted={fitted}
				rows={rows.slice(top, top + listHeight - 1)}
				selected={selected - top}
				width={width}
				height={listHeight}
				empty={empty}
				dim={theme.dim}
			/>
			<Preview file={file} scroll={previewScroll} width={width} height={previewHeight} theme={theme} />
			{resultLines > 0 && results ? <Results title={results.title} lines={results.lines} width={width} height={resultLines} /> : null}
		</Box>
	);
}

function Preview({file, scroll, width, height, theme}: {file?: ManifestFile; scroll: number; width: number; height: number; theme: Theme}) {
	if (!file || height < 2) {
		return <Box height={height} />;
	}
	const text = file.text.replace(/\n$/, '').split('\n');
	const room = height - 1;
	const first = Math.min(scroll, Math.max(0, text.length - room));
	const numberWidth = String(text.length).length;
	const position =
		text.length > room ? t('manifests.position', {first: first + 1, last: Math.min(text.length, first + room), total: text.length}) : '';
	return (
		<Box flexDirection="column" height={height}>
			<Text bold>{fitLine(`── ${file.displayPath}${position}`, width)}</Text>
			{text.slice(first, first + room).map((line, index) => (
				<Text key={index}>
					<Text color={theme.dim}>{String(first + index + 1).padStart(numberWidth)} </Text>
					{fitLine(line, width - numberWidth - 1)}
				</Text>
			))}
		</Box>
	);
}

function Results({
	title,
	lines,
	width,
	height,
}: {
	title: string;
	lines: ReadonlyArray<{text: string; color: string | undefined}>;
	width: number;
	height: number;
}) {
	const shown = lines.slice(0, Math.max(0, height - 1));
	return (
		<Box flexDirection="column" height={height}>
			<Text bold>{fitLine(title, width)}</Text>
			{shown.map((line, index) => (
				<Text key={index} color={line.color}>
					{fitLine(line.text, width)}
				</Text>
			))}
		</Box>
	);
}
