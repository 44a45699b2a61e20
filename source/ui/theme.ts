import type {Health} from '../format/columns.js';
import type {Tone} from '../state/ui-state.js';

/**
 * Colours, or none at all under NO_COLOR (https://no-color.org). Ink's chalk only
 * looks at FORCE_COLOR and the terminal, so kpods checks NO_COLOR itself and simply
 * passes no colour props; inverse and bold stay, as NO_COLOR allows.
 */
export interface Theme {
	health(health: Health): string | undefined;
	tone(tone: Tone | 'dim'): string | undefined;
	accent: string | undefined;
	dim: string | undefined;
}

const healthColors: Record<Health, string> = {
	ok: 'green',
	progressing: 'cyan',
	warning: 'yellow',
	failed: 'red',
	completed: 'gray',
	terminating: 'magenta',
};

const toneColors: Record<Tone | 'dim', string> = {info: 'cyan', ok: 'green', warn: 'yellow', error: 'red', dim: 'gray'};

export function makeTheme(env: NodeJS.ProcessEnv = process.env): Theme {
	// The spec: NO_COLOR set to any non-empty value disables colour.
	const colour = !env.NO_COLOR;
	return {
		health: health => (colour ? healthColors[health] : undefined),
		tone: tone => (colour ? toneColors[tone] : undefined),
		accent: colour ? 'cyan' : undefined,
		dim: colour ? 'gray' : undefined,
	};
}
