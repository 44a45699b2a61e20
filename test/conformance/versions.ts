// Known, legitimate differences between Kubernetes versions, in ONE place. The suite compares
// answers of servers of different versions (the lab's v1.20 recordings with the sandbox's
// v1.32): an entry applies when one server is older than the version that introduced it and
// the other is not; it then turns the older answer into the newer form (`upgrade`) or leaves
// the named paths out of the comparison on both sides (`ignore`).
import type {Answer} from './types.js';
import {minorOf} from './target.js';
import {validationDifferences} from './validation-differences.js';

/** One behaviour that changed between versions. */
export interface VersionDifference {
	id: string;
	/** The minor version that introduced the newer behaviour, e.g. '1.21'. */
	introduced: string;
	/** What changed, in one line (with the KEP or feature gate where known). */
	what: string;
	/** Which scenarios' answers it touches (ids or a pattern); all when absent. */
	scenarios?: RegExp;
	/** Dotted paths of an object (`*` for any item) not compared across the two versions; applied to the answer, its list items and its watch events' objects. */
	ignore?: string[];
	/** The older server's answer as the newer server gives it. */
	upgrade?: (answer: Answer) => Answer;
}

/** Every known version difference the suite meets, oldest first. */
export const versionDifferences: VersionDifference[] = [
	{
		id: 'bound-service-account-token',
		introduced: '1.21',
		what: 'pods get a projected kube-api-access-xxxxx volume instead of the default-token-xxxxx secret (BoundServiceAccountTokenVolume)',
		ignore: ['spec.volumes', 'spec.containers.*.volumeMounts'],
	},
	{
		id: 'dual-stack-fields',
		introduced: '1.21',
		what: 'services carry spec.ipFamilies and spec.ipFamilyPolicy (IPv6DualStack beta, on by default)',
		ignore: ['spec.ipFamilies', 'spec.ipFamilyPolicy'],
	},
	{
		id: 'typed-patch-object-names-object',
		introduced: '1.21',
		what: 'server-side apply\'s "failed to create typed patch object" names the object (ns/name; /v1, Kind=K) (exact release not verified: after 1.20, by 1.32)',
		upgrade: answer => withTypedPatchObjectName(answer),
	},
	{
		id: 'namespace-name-label',
		introduced: '1.21',
		what: 'namespaces carry the label kubernetes.io/metadata.name (NamespaceDefaultLabelName)',
		upgrade: answer => withNamespaceLabel(answer),
	},
	{
		id: 'internal-traffic-policy',
		introduced: '1.22',
		what: 'services default spec.internalTrafficPolicy: Cluster (ServiceInternalTrafficPolicy beta)',
		ignore: ['spec.internalTrafficPolicy', 'metadata.managedFields.*.fieldsV1.f:spec.f:internalTrafficPolicy'],
	},
	{
		id: 'service-delete-returns-object',
		introduced: '1.22',
		what: 'DELETE of a service answers with the Service (as other resources do), not a Status (service REST moved to the generic store)',
		scenarios: /^delete-service$/,
		ignore: ['kind', 'status', 'details'],
	},
	{
		id: 'no-service-account-token-secrets',
		introduced: '1.24',
		what: 'service accounts get no token Secret (LegacyServiceAccountTokenNoAutoGeneration): no `secrets` list',
		ignore: ['secrets'],
	},
	{
		id: 'pod-host-ips',
		introduced: '1.28',
		what: 'pod status has hostIPs beside hostIP',
		ignore: ['status.hostIPs'],
	},
	// Decode, validation and patch messages, one per scenario of scenarios/validation-messages.ts.
	...validationDifferences,
];

function withNamespaceLabel(answer: Answer): Answer {
	const body = answer.body as {kind?: string; metadata?: {name?: string; labels?: Record<string, string>}} | undefined;
	if (body?.kind !== 'Namespace' || !body.metadata?.name) {
		return answer;
	}

	const labels = {'kubernetes.io/metadata.name': body.metadata.name, ...body.metadata.labels};
	return {...answer, body: {...body, metadata: {...body.metadata, labels}}};
}

const kinds: Record<string, string> = {pods: 'Pod', services: 'Service', namespaces: 'Namespace', configmaps: 'ConfigMap'};

function withTypedPatchObjectName(answer: Answer): Answer {
	const body = answer.body as {kind?: string; message?: string} | undefined;
	const target = /\/namespaces\/(\{ns\})\/(\w+)\/([^/?]+)/.exec(answer.step);
	if (body?.kind !== 'Status' || !body.message?.startsWith('failed to create typed patch object: ') || !target) {
		return answer;
	}

	const [, namespace, resource, name] = target;
	const message = body.message.replace('object: ', `object (${namespace}/${name}; /v1, Kind=${kinds[resource!] ?? resource}): `);
	return {...answer, body: {...body, message}};
}

/** The differences that separate two server versions, for one scenario. */
export function differencesBetween(olderOrNewer: string, other: string, scenario: string): VersionDifference[] {
	const [low, high] = [minorOf(olderOrNewer), minorOf(other)].sort((a, b) => a - b) as [number, number];
	return versionDifferences.filter(difference => {
		const introduced = minorOf(difference.introduced);
		return low < introduced && introduced <= high && (!difference.scenarios || difference.scenarios.test(scenario));
	});
}
