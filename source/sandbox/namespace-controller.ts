import type {Change, Store} from './store.js';
import {Controller} from './controller.js';
import {resources} from './resources.js';
import type {Registry} from './registry.js';

const rootCaDescription =
	'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/**
 * The namespace controller (with the service account controller and root CA publisher's
 * part): a new namespace gets its default ServiceAccount and kube-root-ca.crt ConfigMap; a
 * Terminating namespace has its content deleted (pods gracefully, through the kubelet) and
 * is removed once nothing is left in it.
 */
export class NamespaceController extends Controller {
	private readonly terminating = new Set<string>();
	private readonly fresh = new Set<string>();

	constructor(
		store: Store,
		private readonly registry: Registry,
		private readonly caCert: string,
	) {
		// Every resource: a deletion inside a Terminating namespace may be the last one it waits for.
		super(store, undefined);
		for (const entry of store.list('namespaces')) {
			this.furnish(entry.object.metadata.name!);
		}
	}

	protected changed(change: Change): void {
		if (change.resource === 'namespaces' && change.type === 'ADDED') {
			this.fresh.add(change.entry.object.metadata.name!);
			this.schedule();
		}

		if (change.resource === 'namespaces' && change.type !== 'DELETED' && change.entry.object.metadata.deletionTimestamp) {
			this.terminating.add(change.entry.object.metadata.name!);
			this.schedule();
		} else if (change.type === 'DELETED' && this.terminating.has(change.entry.object.metadata.namespace ?? '')) {
			this.schedule();
		}
	}

	private schedule(): void {
		this.soon(() => {
			for (const namespace of [...this.fresh]) {
				this.fresh.delete(namespace);
				this.furnish(namespace);
			}

			for (const namespace of [...this.terminating]) {
				this.sweep(namespace);
			}
		});
	}

	// What the service account controller and the root CA publisher put in every namespace:
	// the `default` ServiceAccount and the `kube-root-ca.crt` ConfigMap.
	private furnish(namespace: string): void {
		const live = this.store.get('namespaces', undefined, namespace)?.object;
		if (!live || live.metadata.deletionTimestamp) {
			return;
		}

		const accounts = resources.get('serviceaccounts')!;
		if (!this.store.get(accounts.name, namespace, 'default')) {
			this.registry.create(accounts, {apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name: 'default'}}, namespace, {
				manager: 'kube-controller-manager',
				dryRun: false,
				managed: [],
			});
		}

		const configMaps = resources.get('configmaps')!;
		if (!this.store.get(configMaps.name, namespace, 'kube-root-ca.crt')) {
			this.registry.create(
				configMaps,
				{
					apiVersion: 'v1',
					kind: 'ConfigMap',
					metadata: {name: 'kube-root-ca.crt', annotations: {'kubernetes.io/description': rootCaDescription}},
					data: {'ca.crt': this.caCert},
				},
				namespace,
				{manager: 'kube-controller-manager', dryRun: false},
			);
		}
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
					this.registry.delete(info, namespace, entry.object.metadata.name!, {dryRun: false});
				}
			}
		}

		if (remaining === 0) {
			this.terminating.delete(namespace);
			// The namespace's finalizer done: the object goes (written as the registry removes it).
			this.store.remove('namespaces', undefined, namespace);
		}
	}
}
