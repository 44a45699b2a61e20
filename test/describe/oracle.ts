// Comparing kpods' describe text with kubectl's, for the sandbox and the real-cluster tiers.
import assert from 'node:assert/strict';
import type {ResourceStore} from '../../source/cluster/types.js';

/**
 * kubectl prints a projected volume's optional flags as Go pointers (`0xc000a1b2c3`), an address
 * that changes every run; kpods prints the value. Only those two fields are normalised.
 */
export function normalisePointers(text: string): string {
	return text.replace(/^(\s+(?:SecretOptionalName|ConfigMapOptional):\s+)(?:0x[0-9a-f]+|true|false)$/gm, '$1<pointer>');
}

/**
 * Passes when kubectl's output equals kpods' text made just before or just after kubectl ran
 * (ages are whole seconds: kubectl's clock lies between the two). Retries while a second ticks
 * over in between, or while kpods' live stores catch up; fails with the last whole diff.
 */
export async function kubectlSameAs(
	kubectl: () => Promise<string>,
	kpods: () => string | Promise<string>,
	timeoutMs = 30_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const before = normalisePointers(await kpods());
		const theirs = normalisePointers(await kubectl());
		const after = normalisePointers(await kpods());
		if (theirs === before || theirs === after) {
			return;
		}
		if (Date.now() > deadline) {
			assert.equal(after, theirs, 'kpods (actual) against kubectl describe (expected)');
		}
		await new Promise(resolve => setTimeout(resolve, 200));
	}
}

/** The live stores an oracle test opens (details' extra stores), stopped together when it ends. */
export function openedStores(): {opened<T>(store: ResourceStore<T>): ResourceStore<T>; stopAll(): void} {
	const stores: Array<ResourceStore<unknown>> = [];
	return {
		opened(store) {
			stores.push(store as ResourceStore<unknown>);
			return store;
		},
		stopAll() {
			for (const store of stores.splice(0)) {
				store.stop();
			}
		},
	};
}
