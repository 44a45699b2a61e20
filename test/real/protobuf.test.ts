// Lists and watches of pods, services and endpoints read as protobuf from the real API server
// KUBECONFIG points at (the lab, v1.20): the server answers protobuf (kpods' decoders are
// called), and the rows are those of the same objects read as JSON.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, before, describe, test} from 'node:test';
import {ApiClient} from '../../source/cluster/api-client.js';
import {authenticateWith} from '../../source/cluster/credentials.js';
import {groupFromEndpoints} from '../../source/cluster/endpoints.js';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {endpointsCodec, podCodec, serviceCodec, type ProtobufCodec} from '../../source/cluster/protobuf/decode.js';
import {podRow} from '../../source/format/pod.js';
import {serviceRow} from '../../source/format/service.js';
import type {Endpoints, KubeList, ListMeta, Pod, Service, WatchEvent} from '../../source/k8s/types.js';
import {waitFor} from '../wait-for.js';
import {kubectlOutput, realNamespace, type RealNamespace} from './real-cluster.js';

const kubectl = kubectlOutput;

type Raw = {metadata: {name?: string; resourceVersion?: string; managedFields?: unknown}};
const withoutManagedFields = (service: Service): Service => {
	const {managedFields: _, ...metadata} = service.metadata as Service['metadata'] & {managedFields?: unknown};
	return {...service, metadata};
};
const kinds = [
	{resource: 'pods', codec: podCodec, view: (pod: Pod) => podRow(pod)},
	{resource: 'services', codec: serviceCodec, view: (service: Service) => serviceRow(withoutManagedFields(service))},
	{resource: 'endpoints', codec: endpointsCodec, view: (endpoints: Endpoints) => groupFromEndpoints(endpoints)},
] as unknown as Array<{resource: string; codec: ProtobufCodec<Raw>; view: (raw: Raw) => unknown}>;

describe('protobuf lists and watches from the real server', () => {
	let ns: RealNamespace;
	let connection: Connection;
	let api: ApiClient;
	before(async () => {
		ns = await realNamespace('proto');
		connection = (connectionFromText(readFileSync(process.env['KUBECONFIG']!, 'utf8')) as {connection: Connection}).connection;
		api = new ApiClient(async options => authenticateWith(connection.credentials!, options), connection.server);
		await kubectl('-n', ns.name, 'create', 'deployment', 'web', '--image=registry.example/web:1', '--port=8080');
		await kubectl('-n', ns.name, 'expose', 'deployment', 'web', '--port=80', '--target-port=8080');
		await kubectl('-n', ns.name, 'wait', '--for=condition=Ready', 'pod', '-l', 'app=web', '--timeout=80s');
	});
	after(async () => ns.remove());

	for (const {resource, codec, view} of kinds) {
		test(`${resource}: the list comes as protobuf and makes the JSON list's rows`, async () => {
			const path = `/api/v1/namespaces/${ns.name}/${resource}`;
			let decoded = 0;
			const items: Raw[] = [];
			await api.listItems<Raw, {metadata: ListMeta}>(path, item => items.push(item), {
				protobuf: onItem => {
					decoded++;
					return codec.stream(onItem);
				},
			});
			assert.equal(decoded, 1, 'the server answered protobuf');
			const json = await api.getJson<KubeList<Raw>>(path);
			assert.ok(items.length > 0);
			assert.deepEqual(items.map(view), json.items.map(view));
		});
	}

	test('a watch comes as protobuf frames: a relabelled pod, a changed service, their endpoints', async () => {
		const list = await api.getJson<KubeList<Raw>>(`/api/v1/namespaces/${ns.name}/pods`);
		const seen = new Map<string, Array<WatchEvent<Raw>>>(kinds.map(({resource}) => [resource, []]));
		const abort = new AbortController();
		let frames = 0;
		const watches = kinds.map(async ({resource, codec}) =>
			api
				.watch<Raw>(
					`/api/v1/namespaces/${ns.name}/${resource}?watch=1&resourceVersion=${list.metadata.resourceVersion}&allowWatchBookmarks=true&timeoutSeconds=60`,
					event => seen.get(resource)!.push(event),
					{
						signal: abort.signal,
						protobuf: frame => {
							frames++;
							return codec.event(frame);
						},
					},
				)
				.catch(() => undefined),
		);
		await kubectl('-n', ns.name, 'label', 'pods', '-l', 'app=web', 'tier=front');
		await kubectl('-n', ns.name, 'annotate', 'service', 'web', 'note=protobuf');
		await kubectl('-n', ns.name, 'scale', 'deployment', 'web', '--replicas=2');
		try {
			await waitFor(
				() =>
					seen.get('pods')!.some(event => event.type === 'MODIFIED' && podRow(event.object as Pod).labels['tier'] === 'front') &&
					seen.get('services')!.some(event => (event.object as Service).metadata.annotations?.['note'] === 'protobuf') &&
					seen.get('endpoints')!.some(event => (groupFromEndpoints(event.object as Endpoints).endpoints.length ?? 0) === 2),
				'the label, the annotation and the second endpoint, as protobuf events',
				60_000,
			);
		} finally {
			abort.abort();
			await Promise.all(watches);
		}
		assert.ok(frames >= 3, 'events came as protobuf frames');
	});

	test('a watch from a compacted resourceVersion: the 410 ERROR event, read from protobuf', async () => {
		const events: Array<WatchEvent<unknown>> = [];
		await api
			.watch<unknown>(`/api/v1/namespaces/${ns.name}/pods?watch=1&resourceVersion=1&timeoutSeconds=5`, event => events.push(event), {
				protobuf: frame => podCodec.event(frame) as WatchEvent<unknown>,
			})
			.catch(() => undefined);
		assert.equal(events.length, 1);
		assert.equal(events[0]!.type, 'ERROR');
		assert.equal((events[0]!.object as {code?: number}).code, 410);
	});

	test("kpods' stores on the real server: pods, services and endpoints live through protobuf", async () => {
		const cluster = new KubeCluster(connection, {namespace: ns.name, tuning: {coalesceMs: 5}});
		try {
			await waitFor(
				() => cluster.pods.getSnapshot().synced && cluster.services.getSnapshot().synced && cluster.endpoints.getSnapshot().synced,
				'all three stores listed',
				30_000,
			);
			await kubectl('-n', ns.name, 'label', 'pods', '-l', 'app=web', 'seen=yes');
			await waitFor(
				() => cluster.pods.getSnapshot().items.filter(row => row.labels['seen'] === 'yes').length === 2,
				'both pods relabelled in the store',
				30_000,
			);
			assert.deepEqual(
				cluster.services.getSnapshot().items.map(row => row.name),
				['web'],
			);
			assert.equal(cluster.endpoints.getSnapshot().items.find(group => group.name === 'web')?.endpoints.length, 2);
		} finally {
			cluster.close();
		}
	});
});
