import {canonicalQuantity} from './quantity.js';
import type {LimitRange, Namespace, ResourceQuota} from './types.js';
import {byteOrder, DescribeWriter, rfc1123z, writeAnnotations, writeLabels} from './writer.js';

const scopeHelp: Record<string, string> = {
	Terminating:
		'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
	NotTerminating:
		'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
	BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
	NotBestEffort:
		'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

/**
 * What `kubectl describe namespace` prints. `quotas` and `limitRanges` are undefined where the
 * server does not serve them (kubectl then leaves their sections out).
 */
export function describeNamespace(
	namespace: Namespace,
	quotas: readonly ResourceQuota[] | undefined,
	limitRanges: readonly LimitRange[] | undefined,
): string {
	const w = new DescribeWriter();
	w.write(0, `Name:\t${namespace.metadata.name ?? ''}\n`);
	writeLabels(w, 'Labels', namespace.metadata.labels);
	writeAnnotations(w, 'Annotations', namespace.metadata.annotations);
	w.write(0, `Status:\t${namespace.status?.phase ?? ''}\n`);
	const conditions = namespace.status?.conditions ?? [];
	if (conditions.length > 0) {
		w.write(0, 'Conditions:\n');
		w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
		w.write(1, '----\t------\t------------------\t------\t-------\n');
		for (const condition of conditions) {
			w.write(
				1,
				`${condition.type}\t${condition.status}\t${rfc1123z(condition.lastTransitionTime)}\t${condition.reason ?? ''}\t${condition.message ?? ''}\n`,
			);
		}
	}

	if (quotas) {
		w.write(0, '\n');
		writeQuotas(w, quotas);
	}

	if (limitRanges) {
		w.write(0, '\n');
		writeLimitRanges(w, limitRanges);
	}

	return w.text();
}

function writeQuotas(w: DescribeWriter, quotas: readonly ResourceQuota[]): void {
	if (quotas.length === 0) {
		w.write(0, 'No resource quota.\n');
		return;
	}

	w.write(0, 'Resource Quotas\n');
	for (const quota of [...quotas].sort((a, b) => byteOrder(a.metadata.name ?? '', b.metadata.name ?? ''))) {
		w.write(1, `Name:\t${quota.metadata.name ?? ''}\n`);
		const scopes = [...(quota.spec?.scopes ?? [])].sort(byteOrder);
		if (scopes.length > 0) {
			w.write(1, `Scopes:\t${scopes.join(', ')}\n`);
			for (const scope of scopes) {
				if (scopeHelp[scope]) {
					w.write(1, `* ${scopeHelp[scope]}\n`);
				}
			}
		}

		w.write(1, 'Resource\tUsed\tHard\n');
		w.write(1, '--------\t---\t---\n');
		const hard = quota.status?.hard ?? {};
		for (const name of Object.keys(hard).sort(byteOrder)) {
			w.write(1, `${name}\t${canonicalQuantity(quota.status?.used?.[name] ?? 0)}\t${canonicalQuantity(hard[name])}\n`);
		}
	}
}

/**
 * The merged `Resource Limits` table. kubectl walks each item's resources in Go map order,
 * which is random; kpods lists them by resource name.
 */
function writeLimitRanges(w: DescribeWriter, limitRanges: readonly LimitRange[]): void {
	if (limitRanges.length === 0) {
		w.write(0, 'No LimitRange resource.\n');
		return;
	}

	w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
	w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
	for (const range of limitRanges) {
		for (const item of range.spec?.limits ?? []) {
			const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
			const names = [...new Set(lists.flatMap(list => Object.keys(list ?? {})))].sort(byteOrder);
			for (const name of names) {
				const cells = lists.map(list => (list?.[name] === undefined ? '-' : canonicalQuantity(list[name])));
				w.write(0, ` ${item.type ?? ''}\t${name}\t${cells.join('\t')}\n`);
			}
		}
	}
}
