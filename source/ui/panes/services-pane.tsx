import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {EndpointGroup} from '../../cluster/types.js';
import {endpointLines, nodePortUrls, undeclaredTargetPorts, whyNoEndpoints} from '../../derive/service-view.js';
import {columnWidths, fitColumns, fitLine, type FitColumn} from '../../derive/table-fit.js';
import {headerOf} from '../../format/columns.js';
import type {PodRow} from '../../format/pod.js';
import {serviceCells, serviceColumns} from '../../format/service.js';
import {formatLabels} from '../../k8s/labels.js';
import type {Node, Service} from '../../k8s/types.js';
import {Table} from '../components/table.js';
import {useScrollTop} from '../hooks/use-scroll-top.js';
import {emptyText, type ListPaneProps} from './empty-text.js';

interface ServicesPaneProps extends ListPaneProps {
	services: readonly Service[];
	endpoints: readonly EndpointGroup[];
	pods: readonly PodRow[];
	nodes: readonly Node[];
}

/** SELECTOR, then AGE, then EXTERNAL-IP leave first when the terminal is narrow. */
const dropRanks = [undefined, 4, 5, 3, undefined, 2, 1];

/** `kubectl get svc -o wide`, live, and under it the selected service's endpoints and why they are missing. */
export function ServicesPane(props: ServicesPaneProps) {
	const {services, selected, allNamespaces, width, height, now, theme} = props;
	const headers = useMemo(() => [...(allNamespaces ? ['NAMESPACE'] : []), ...serviceColumns.map(column => headerOf(column))], [allNamespaces]);
	const columns: FitColumn[] = headers.map((header, index) => {
		const own = allNamespaces ? index - 1 : index;
		return {header, dropRank: own < 0 ? undefined : dropRanks[own], shrink: own <= 0};
	});
	const rows = services.map(service => {
		const cells = serviceCells(service, now, true);
		return {key: `${service.metadata.namespace}/${service.metadata.name}`, cells: allNamespaces ? [service.metadata.namespace ?? '', ...cells] : cells};
	});
	const fitted = fitColumns(columns, columnWidths(headers, rows.map(row => row.cells)), width);
	const endpointHeight = Math.min(Math.max(4, Math.floor(height / 2)), Math.max(0, height - 3));
	const tableHeight = height - endpointHeight;
	const top = useScrollTop(selected, tableHeight - 1, rows.length);
	const service = selected >= 0 ? services[selected] : undefined;
	const empty = emptyText({state: props.state, synced: props.synced, filtered: props.filtered, kind: 'services', namespace: allNamespaces ? undefined : props.namespace});
	return (
		<Box flexDirection="column" height={height}>
			<Table headers={headers} fitted={fitted} rows={rows.slice(top, top + tableHeight - 1)} selected={selected - top} width={width} height={tableHeight} empty={empty} dim={theme.dim}/>
			<EndpointsSection service={service} {...props} height={endpointHeight}/>
		</Box>
	);
}

function EndpointsSection({service, endpoints, pods, nodes, width, height, theme}: ServicesPaneProps & {service: Service | undefined}) {
	if (!service) return <Box height={height}/>;
	const lines = endpointLines(service, endpoints);
	const ports = (service.spec?.ports ?? []).map(port => `${port.port}→${port.targetPort ?? port.port}/${port.protocol ?? 'TCP'}`).join(', ');
	const title = `Endpoints of ${service.metadata.name}  (selector ${formatLabels(service.spec?.selector)}; port→targetPort ${ports || '<none>'})`;
	const urls = nodePortUrls(service, nodes);
	const problems = [whyNoEndpoints(service, pods, lines), undeclaredTargetPorts(service, pods)].filter((text): text is string => Boolean(text));
	const body: Array<{text: string; color?: string}> = lines.map(line => ({
		text: `  ${line.address.padEnd(22)}${line.state.padEnd(13)}${line.pod ? `pod ${line.pod}` : ''}${line.node ? ` on ${line.node}` : ''}`,
		color: theme.tone(line.state === 'ready' ? 'ok' : 'warn'),
	}));
	if (lines.length === 0) body.push({text: '  <none>', color: theme.dim});
	for (const url of urls) body.push({text: `  open from outside the cluster: ${url}`, color: theme.accent});
	for (const problem of problems) body.push({text: `  ! ${problem}`, color: theme.tone('warn')});
	const room = Math.max(0, height - 1);
	const shown = body.length > room ? [...body.slice(0, Math.max(0, room - 1)), {text: `  … ${body.length - room + 1} more (Enter: details)`, color: theme.dim}] : body;
	return (
		<Box flexDirection="column" height={height}>
			<Text bold>{fitLine(title, width)}</Text>
			{shown.map((line, index) => <Text key={index} color={line.color}>{fitLine(line.text, width)}</Text>)}
		</Box>
	);
}
