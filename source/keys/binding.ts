/** The shape of a key binding: where it applies, what it runs, how help and the footer show it. */

import type {MessageKey} from '../i18n/index.js';
import type {Pane} from './panes.js';

export type {Pane} from './panes.js';

/** Where a binding applies: a pane, any pane (`global`), an overlay on top of the panes, or the no-cluster screen. */
export type Scope =
	| Pane
	| 'global'
	| 'list'
	| 'detail'
	/** The detail of a node or a namespace: shown, not acted on. */
	| 'clusterDetail'
	| 'help'
	| 'history'
	| 'confirm'
	| 'applyPreview'
	| 'prompt'
	| 'command'
	| 'picker'
	| 'noCluster'
	| 'logs'
	| 'forwards';

export type CommandId =
	| 'up'
	| 'down'
	| 'pageUp'
	| 'pageDown'
	| 'top'
	| 'bottom'
	| 'tutorialStep'
	| 'filter'
	| 'back'
	| 'detail'
	| 'help'
	| 'history'
	| 'command'
	| 'complete'
	| 'namespace'
	| 'allNamespaces'
	| 'useNamespace'
	| 'context'
	| 'run'
	| 'delete'
	| 'apply'
	| 'applyAll'
	| 'previewUp'
	| 'previewDown'
	| `pane.${Pane}`
	| 'pane.next'
	| 'pane.previous'
	| 'confirm'
	| 'cancel'
	| 'submit'
	| 'nextField'
	| 'logs'
	| 'yaml'
	| 'edit'
	| 'jump'
	| 'previousInstance'
	| 'timestamps'
	| 'wrap'
	| 'search'
	| 'nextMatch'
	| 'previousMatch'
	| 'follow'
	| 'portForward'
	| 'forwards'
	| 'stopForward'
	| 'shell'
	| 'sandbox'
	| 'quit';

/** How a command is typed after `:`. */
export interface ColonCommand {
	/** The words that name it; the first is the one help and completion show. */
	names: readonly string[];
	/** The word it takes after the name (Tab completes it from the cluster's names). */
	argument?: 'namespace' | 'context';
	/** Help shows the name without its argument: taking one is the command's second use (`:namespaces NAME`). */
	argumentUnlisted?: boolean;
	/** Another spelling of a listed command: it works, but lists leave it out. */
	unlisted?: boolean;
}

/** One key binding: its keys, the scopes it applies in, the command it runs and how help and the footer show it. */
export interface Binding {
	command: CommandId;
	/** Normalised key names (see `source/keys/key-name.ts`): 'j', 'G', 'up', 'ctrl+d', 'enter'. None: a `:` command only. */
	keys: string[];
	/** How help shows the keys. */
	label: string;
	/** Help's line for it: a catalog key (`help.…`). */
	description: Extract<MessageKey, `help.${string}`>;
	scopes: Scope[];
	mutates?: boolean;
	/** A word or two for the footer, a catalog key (`hint.…`); bindings without one are only in help. */
	hint?: Extract<MessageKey, `hint.${string}`>;
	/** The command is also typed as `:name`. */
	colon?: ColonCommand;
}
