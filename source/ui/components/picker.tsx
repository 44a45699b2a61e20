import {Box} from 'ink';
import {Text} from './text.js';

import {fitLine} from '../../derive/table-fit.js';
import {useScrollTop} from '../hooks/use-scroll-top.js';
import type {Theme} from '../theme.js';
import {t} from '../../i18n/index.js';

/** The namespace picker ("all namespaces" first, then each namespace), the context picker, or a pod's containers. */
export function Picker({
	purpose,
	names,
	selection,
	current,
	width,
	height,
	theme,
}: {
	purpose: 'namespace' | 'context' | 'container';
	names: readonly string[];
	selection: number;
	current: string;
	width: number;
	height: number;
	theme: Theme;
}) {
	const entries =
		purpose === 'namespace'
			? [t('picker.allNamespaces'), ...names]
			: names.map(name => (name === current ? t('picker.current', {name}) : name));
	const room = Math.max(0, height - 1);
	const top = useScrollTop(selection, room, entries.length);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent}>
				{fitLine(t(purpose === 'container' ? 'picker.container' : purpose === 'namespace' ? 'picker.namespace' : 'picker.context'), width)}
			</Text>
			{entries.slice(top, top + room).map((name, index) => (
				<Text key={name} inverse={top + index === selection}>
					{fitLine(`  ${name}`, width)}
				</Text>
			))}
		</Box>
	);
}
