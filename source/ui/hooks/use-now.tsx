import {createContext, useContext, useEffect, useState, type ReactNode} from 'react';

const NowContext = createContext<number>(0);

/**
 * One shared clock for every AGE and RESTARTS cell, so they tick together once a second.
 * Tests pass `fixed` and get frames that never change with time.
 */
export function NowProvider({fixed, children}: {fixed?: number; children: ReactNode}) {
	const [now, setNow] = useState(() => fixed ?? Date.now());
	useEffect(() => {
		if (fixed !== undefined) {
			return;
		}
		// Tick on the second boundary so ages change when a watch (or kubectl) would see them change.
		let timer: NodeJS.Timeout;
		const schedule = () => {
			timer = setTimeout(
				() => {
					setNow(Date.now());
					schedule();
				},
				1000 - (Date.now() % 1000),
			);
		};

		schedule();
		return () => clearTimeout(timer);
	}, [fixed]);
	return <NowContext.Provider value={fixed ?? now}>{children}</NowContext.Provider>;
}

export function useNow(): number {
	return useContext(NowContext);
}
