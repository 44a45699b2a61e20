import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export interface ScreenSize {
	columns: number;
	rows: number;
}

/** The terminal's size, following resizes; `fixed` wins (tests, and terminals that report none). */
export function useScreenSize(fixed?: ScreenSize): ScreenSize {
	const {stdout} = useStdout();
	const read = (): ScreenSize => fixed ?? {columns: stdout.columns || 80, rows: stdout.rows || 24};
	const [size, setSize] = useState(read);
	// biome-ignore lint/correctness/useExhaustiveDependencies: follows the stdout and the fixed size given, not the read closure made each render
	useEffect(() => {
		if (fixed) {
			setSize(fixed);
			return;
		}

		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, fixed?.columns, fixed?.rows]);
	return fixed ?? size;
}
