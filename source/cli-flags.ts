/**
 * kpods' flags, once: meow's flag definitions, the names checked before meow sees them,
 * `--help`'s lines and the readme's table (a test holds the readme to it) all come from here.
 */

export interface FlagDefinition {
	type: 'string' | 'boolean' | 'number';
	shortFlag?: string;
	default?: boolean;
	/** What the value is called in help: FILE, NAME, DIR. */
	value?: string;
	/** One line for --help and the readme; none: the flag belongs to `kpods sandbox`, documented on its usage line. */
	help?: string;
}

/** meow's flags option, by meow's (camelCase) name; the flag is its kebab-case. meow ignores `value` and `help`. */
export const flagDefinitions = {
	kubeconfig: {type: 'string', value: 'FILE', help: 'kubeconfig to use (default: $KUBECONFIG, else ~/.kube/config)'},
	context: {type: 'string', value: 'NAME', help: 'kubeconfig context to use (default: the current context)'},
	namespace: {type: 'string', shortFlag: 'n', value: 'NAME', help: "namespace to show (default: the context's, else default)"},
	allNamespaces: {type: 'boolean', shortFlag: 'A', default: false, help: 'show every namespace (adds a NAMESPACE column, as kubectl does)'},
	readonly: {type: 'boolean', default: false, help: 'refuse every key that changes the cluster, saying so'},
	manifests: {type: 'string', value: 'DIR', help: "also list the manifests in DIR (besides the tutorial's)"},
	sandbox: {type: 'boolean', default: false, help: 'start the built-in sandbox cluster and open on it'},
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

/** The documented flags: how each is written, and its line. */
export function flagLines(): Array<[usage: string, help: string]> {
	return flags.flatMap(([name, flag]) => (flag.help ? [[flagUsage(name, flag), flag.help] as [string, string]] : []));
}

/** The flags' lines of `kpods --help`. */
export function flagHelp(): string {
	return flagLines()
		.map(([usage, help]) => `    ${usage.padEnd(26)}${help}`)
		.join('\n');
}
