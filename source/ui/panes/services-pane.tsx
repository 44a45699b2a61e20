import {Box} from 'ink';
import {Text} from '../components/text.js';
import type {EndpointGroup} from '../../cluster/types.js';
import {endpointReport, endpointStateText} from '../../derive/service-view.js';
import {fitLine} from '../../derive/table-fit.js';
import type {PodRow} from '../../format/pod.js';
import {serviceColumns, type ServiceRow} from '../../format/service.js';
import type {Node} from '../../k8s/types.js';
import {RowTable} from '../components/row-table.js';
import {emptyText, type ListPaneProps} from './empty-text.js';
import {t} from '../../i18n/index.js';

interface ServicesPaneProps extends ListPaneProps {
	services: readonly ServiceRow[];
	endpoints: readonly EndpointGroup[];
	pods: readonly PodRow[];
	nodes: readonly Node[];
}

/** `kubectl get svc -o wide`, live, and under it the selected service's endpoints and why they are missing. */
export function ServicesPane(props: ServicesPaneProps) {
	const {services, selected, allNamespaces, width, height, now, theme} = props;
	const endpointHeight = Math.min(Math.max(4, Math.floor(height / 2)), Math.max(0, height - 3));
	const service = selected >= 0 ? services[selected] : undefined;
	const empty = emptyText({
		state: props.state,
		synced: props.synced,
		filtered: props.filtered,
		kind: 'services',
		namespace: allNamespaces ? undefined : props.namespace,
	});
	return (
		<Box flexDirection="column" height={height}>
			<RowTable
				columns={serviceColumns}
				rows={services}
				selected={selected}
				allNamespaces={allNamespaces}
				width={width}
				height={height - endpointHeight}
				now={now}
				theme={theme}
				empty={empty}
			/>
			<EndpointsSection service={service} {...props} height={endpointHeight} />
		</Box>
	);
}

function EndpointsSection({service, endpoints, pods, nodes, width, height, theme}: ServicesPaneProps & {service: ServiceRow | undefined}) {
	if (!service) {
		return <Box height={height} />;
	}
	const {lines, problems, urls} = endpointReport(service.object, endpoints, pods, nodes);
	const ports = (service.object.spec?.ports ?? [])
		.map(port => `${port.port}→${port.targetPort ?? port.port}/${port.protocol ?? 'TCP'}`)
		.join(', ');
	const title = t('endpoints.title', {service: service.name, selector: service.selector, ports: ports || '<none>'});
	const body: Array<{text: string; color?: string}> = lines.map(line => ({
		text: `  ${line.address.padEnd(22)}${endpointStateText(line.state).padEnd(13)}${line.pod ? t('endpoints.pod', {pod: line.pod}) : ''}${line.node ? t('endpoints.onNode', {node: line.node}) : ''}`,
		color: theme.tone(line.state === 'ready' ? 'ok' : 'warn'),
	}));
	if (lines.length === 0) {
		body.push({text: '  <none>', color: theme.dim});
	}
	for (const url of urls) {
		body.push({text: t('endpoints.outside', {url}), color: theme.accent});
	}
	for (const problem of problems) {
		body.push({text: `  ! ${problem}`, color: theme.tone('warn')});
	}
	const room = Math.max(0, height - 1);
	const shown =
		body.length > room
			? [...body.slice(0, Math.max(0, room - 1)), {text: t('endpoints.more', {count: body.length - room + 1}), color: theme.dim}]
			: body;
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
