import './force-color.js';
import {render} from 'ink-testing-library';

import {App, type AppProps, type ManifestSet} from '../../source/app.js';
import {installLineCache} from '../../source/ui/ink-line-cache.js';
import {makeTheme} from '../../source/ui/theme.js';
import {waitFor} from '../wait-for.js';
import {plainFrame} from './golden.js';

// Frames are made as kpods makes them (runTui installs it too).
installLineCache();

/** The fixed clock of every frame test: 2026-11-24T12:00:00Z, as the fixtures' `now`. */
export const testNow = Date.parse('2026-11-24T12:00:00Z');

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	ctrlD: '\u0004',
	ctrlC: '\u0003',
	backspace: '\u007F',
};

export {waitFor} from '../wait-for.js';

export type Rendered = ReturnType<typeof render> & {
	/** The last frame as plain text (see plainFrame: inverse shown as ⟦…⟧). */
	frame(): string;
	/** Writes keys one at a time, each time waiting until the frame has been redrawn (or `until` holds). */
	press(...sequence: string[]): Promise<void>;
	pressUntil(key: string, until: (frame: string) => boolean): Promise<void>;
	quit: {count: number};
};

/** The App as every frame test draws it: no manifests, writable, the default theme, a fixed clock; props override. */
export function appElement(props: Partial<AppProps> & {columns?: number; rows?: number; onQuit?: () => void} = {}) {
	const {columns = 100, rows = 20, ...rest} = props;
	return (
		<App
			loadManifests={async () => ({files: []}) as ManifestSet}
			readonly={false}
			theme={makeTheme({})}
			onQuit={() => undefined}
			size={{columns, rows}}
			now={testNow}
			{...(rest as Partial<AppProps>)}
		/>
	);
}

export async function renderApp(props: Partial<AppProps> & {columns?: number; rows?: number} = {}): Promise<Rendered> {
	const quit = {count: 0};
	const instance = render(appElement({onQuit: () => quit.count++, ...props}));
	const frame = () => plainFrame(instance.lastFrame() ?? '');
	const settle = async () => {
		// Ink renders on the next tick after input; wait for a quiet frame.
		let last = instance.frames.length;
		for (let quiet = 0; quiet < 3; ) {
			await new Promise(resolve => setTimeout(resolve, 2));
			if (instance.frames.length === last) {
				quiet++;
			} else {
				last = instance.frames.length;
				quiet = 0;
			}
		}
	};

	await settle();
	return Object.assign(instance, {
		frame,
		quit,
		async press(...sequence: string[]) {
			for (const key of sequence) {
				instance.stdin.write(key);
				await settle();
			}
		},
		async pressUntil(key: string, until: (frame: string) => boolean) {
			instance.stdin.write(key);
			await waitFor(() => until(frame()), `frame after ${JSON.stringify(key)}`);
		},
	});
}
