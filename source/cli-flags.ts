/**
 * kpods' flags, once: meow's flag definitions, the names checked before meow sees them,
 * `--help`'s lines and the readme's table (a test holds the readme to it) all come from here.
 */
import {type MessageKey, t} from './i18n/index.js';

/** The catalog's keys for the flags' lines. */
type FlagHelpKey = Extract<MessageKey, `cli.flag.${string}`>;

export interface FlagDefinition {
	type: 'string' | 'boolean' | 'number';
	shortFlag?: string;
	default?: boolean;
	/** What the value is called in help: FILE, NAME, DIR. */
	value?: string;
	/** The catalog key of its line for --help and the readme; none: the flag belongs to `kpods sandbox`, documented on its usage line. */
	help?: FlagHelpKey;
}

/** meow's flags option, by meow's (camelCase) name; the flag is its kebab-case. meow ignores `value` and `help`. */
export const flagDefinitions = {
	kubeconfig: {type: 'string', value: 'FILE', help: 'cli.flag.kubeconfig'},
	context: {type: 'string', value: 'NAME', help: 'cli.flag.context'},
	namespace: {type: 'string', shortFlag: 'n', value: 'NAME', help: 'cli.flag.namespace'},
	allNamespaces: {type: 'boolean', shortFlag: 'A', default: false, help: 'cli.flag.allNamespaces'},
	readonly: {type: 'boolean', default: false, help: 'cli.flag.readonly'},
	manifests: {type: 'string', value: 'DIR', help: 'cli.flag.manifests'},
	sandbox: {type: 'boolean', default: false, help: 'cli.flag.sandbox'},
	lang: {type: 'string', value: 'LANG', help: 'cli.flag.lang'},
	port: {type: 'number'},
	kubeconfigOut: {type: 'string'},
} as const satisfies Record<string, FlagDefinition>;

const flags = Object.entries(flagDefinitions) as Array<[string, FlagDefinition]>;

const kebab = (name: string) => name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

/**
 * How a flag is written in help.
 * @example flagUsage('namespace', flagDefinitions.namespace) // '-n, --namespace NAME'
 */
export function flagUsage(name: string, flag: FlagDefinition): string {
	return `${flag.shortFlag ? `-${flag.shortFlag}, ` : ''}--${kebab(name)}${flag.value ? ` ${flag.value}` : ''}`;
}

/** Every spelling the command line accepts, for the one-line answer to an unknown flag. */
export function knownFlags(): Set<string> {
	return new Set([
		...flags.flatMap(([name, flag]) => [`--${kebab(name)}`, ...(flag.shortFlag ? [`-${flag.shortFlag}`] : [])]),
		'--help',
		'-h',
		'--version',
	]);
}

/** The documented flags: how each is written, and its line in the current language. */
export function flagLines(): Array<[usage: string, help: string]> {
	return flags.flatMap(([name, flag]) => (flag.help ? [[flagUsage(name, flag), t(flag.help)] as [string, string]] : []));
}

/** The flags' lines of `kpods --help`. */
export function flagHelp(): string {
	return flagLines()
		.map(([usage, help]) => `    ${usage.padEnd(26)}${help}`)
		.join('\n');
}
