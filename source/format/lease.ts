/** `kubectl get leases` cells: a port of printers.go `printLease`. */

import type {KubeObject} from '../k8s/types.js';
import {ageColumn, nameColumn, stringColumn, type Column} from './columns.js';
import {translateTimestampSince} from './duration.js';

/** A coordination.k8s.io/v1 Lease as far as its row reads it (a node's heartbeat, a leader election). */
export interface Lease extends KubeObject {
	spec?: {
		holderIdentity?: string;
		leaseDurationSeconds?: number;
		renewTime?: string;
	};
}

/** `coordinationv1.LeaseSpec{}.SwaggerDoc()["holderIdentity"]` as a v1.32 server sends it. */
const holderDescription =
	'holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.';

/** NAME HOLDER AGE. */
export const leaseColumns: Column[] = [nameColumn, stringColumn('Holder', holderDescription), ageColumn];

/**
 * All three cells of a leases row at `now`; HOLDER is spec.holderIdentity, empty when nobody holds it.
 * @example leaseCells(lease, now) // ['minikube', 'minikube', '10m']
 */
export function leaseCells(lease: Lease, now: number): string[] {
	return [lease.metadata.name ?? '', lease.spec?.holderIdentity ?? '', translateTimestampSince(lease.metadata.creationTimestamp, now)];
}
