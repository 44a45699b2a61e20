import {Box, useInput} from 'ink';
import {Text} from './components/text.js';
import {useState} from 'react';
import type {Cluster} from '../cluster/types.js';
import {fitLine} from '../derive/table-fit.js';
import {keyName} from '../keys/key-name.js';
import {bindingHint, bindingsFor, commandFor} from '../keys/keymap.js';
import {t} from '../i18n/index.js';
import type {Theme} from './theme.js';

interface NoClusterScreenProps {
	looked: string[];
	columns: number;
	theme: Theme;
	onQuit: () => void;
	startSandbox?: () => Promise<Cluster>;
	onCluster: (cluster: Cluster) => void;
}

/** No kubeconfig anywhere kubectl looks: say so, and offer the built-in sandbox. */
export function NoClusterScreen({looked, columns, theme, onQuit, startSandbox, onCluster}: NoClusterScreenProps) {
	const [starting, setStarting] = useState(false);
	const [error, setError] = useState<string>();
	useInput((input, key) => {
		if (starting) {
			return;
		}
		const command = commandFor(keyName(input, key).name, ['noCluster'])?.command;
		if (command === 'sandbox' && startSandbox) {
			setStarting(true);
			startSandbox().then(onCluster, (failure: Error) => {
				setStarting(false);
				setError(failure.message);
			});
		} else if (command === 'quit') {
			onQuit();
		}
	});
	const keys = bindingsFor(['noCluster'])
		.filter(binding => binding.command !== 'sandbox' || startSandbox)
		.map(binding => `${binding.label}: ${bindingHint(binding)}`)
		.join('   ');
	const lines = [
		t('noCluster.none'),
		t('noCluster.looked', {places: looked.join(', ') || t('noCluster.nowhere')}),
		'',
		t('noCluster.sandbox1'),
		t('noCluster.sandbox2'),
		t('noCluster.sandbox3'),
		'',
	];
	return (
		<Box flexDirection="column">
			<Text bold color={theme.accent}>
				kpods
			</Text>
			{lines.map((line, index) => (
				<Text key={index}>{fitLine(line, columns)}</Text>
			))}
			{starting ? <Text color={theme.tone('info')}>{t('noCluster.starting')}</Text> : <Text bold>{keys}</Text>}
			{error ? <Text color={theme.tone('error')}>{fitLine(t('noCluster.failed', {error}), columns)}</Text> : null}
			<Text color={theme.dim}>{fitLine(t('noCluster.later'), columns)}</Text>
		</Box>
	);
}
