import type {Store} from './store.js';
import {resources} from './resources.js';
import type {Registry} from './registry.js';

/**
 * The namespace controller: a Terminating namespace has its content deleted (pods
 * gracefully, through the kubelet) and is removed once nothing is left in it.
 */
export class NamespaceController {
	private readonly unsubscribe: () => void;
	private scheduled: NodeJS.Immediate | undefined;
	private readonly terminating = new Set<string>();

	constructor(private readonly store: Store, private readonly registry: Registry) {
		this.unsubscribe = store.subscribe(change => {
			if (change.resource === 'namespaces' && change.type !== 'DELETED' && change.entry.object.metadata.deletionTimestamp) {
				this.terminating.add(change.entry.object.metadata.name!);
				this.schedule();
			} else if (change.type === 'DELETED' && this.terminating.has(change.entry.object.metadata.namespace ?? '')) {
				this.schedule();
			}
		});
	}

	stop(): void {
		this.unsubscribe();
		if (this.scheduled) {
			clearImmediate(this.scheduled);
		}
	}

	private schedule(): void {
		this.scheduled ??= setImmediate(() => {
			this.scheduled = undefined;
			for (const namespace of [...this.terminating]) {
				this.sweep(namespace);
			}
		});
	}

	private sweep(namespace: string): void {
		let remaining = 0;
		for (const info of resources.values()) {
			if (!info.namespaced) {
				continue;
			}

			for (const entry of this.store.list(info.name, namespace)) {
				remaining++;
				if (info.name === 'pods') {
					if (!entry.object.metadata.deletionTimestamp) {
						this.registry.delete(info, namespace, entry.object.metadata.name!, {dryRun: false});
					}
				} else {
					this.store.remove(info.name, namespace, entry.object.metadata.name!);
				}
			}
		}

		if (remaining === 0) {
			this.terminating.delete(namespace);
			this.store.remove('namespaces', undefined, namespace);
		}
	}
}
