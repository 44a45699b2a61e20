// Decoding a whole pod list, in-process, no network: protobuf with kpods' codec (one pass on protobufjs' Reader)
// (the fields a row needs) beside JSON item by item (ItemSplitter + parseSafeJson, the path a
// server without protobuf takes), each then made into rows. The list is the sandbox's
// encoding of COUNT seeded pods (shaped like a real 1.32 server's). Median of RUNS.
// `node --import tsx bench/protobuf-decode.ts`
import {performance} from 'node:perf_hooks';
import {ItemSplitter} from '../source/cluster/json-items.js';
import {podCodec} from '../source/cluster/protobuf/decode.js';
import {parseSafeJson} from '../source/format/safe-text.js';
import {podRow} from '../source/format/pod.js';
import type {Pod} from '../source/k8s/types.js';
import {startSandbox} from '../source/sandbox/index.js';
import {median} from './measure.js';
import {handList} from './hand-decoder.js';

const count = Number(process.env.COUNT ?? 10_000);
const runs = Number(process.env.RUNS ?? 7);
const sandbox = await startSandbox();
sandbox.seedPods('bench', count);
const fetchBody = async (accept: string) =>
	Buffer.from(
		await (
			await fetch(`${sandbox.url}/api/v1/namespaces/bench/pods`, {headers: {authorization: `Bearer ${sandbox.token}`, accept}})
		).arrayBuffer(),
	);
const protobufBody = await fetchBody('application/vnd.kubernetes.protobuf');
// Both decoders make the same rows.
const rowsOf = (read: (onItem: (pod: Pod) => void) => unknown) => {
	const rows: unknown[] = [];
	read(pod => rows.push(podRow(pod)));
	return JSON.stringify(rows);
};
if (
	rowsOf(onItem => podCodec.list(protobufBody, onItem)) !== rowsOf(onItem => handList(protobufBody, 'Pod', item => onItem(item as Pod)))
) {
	throw new Error("the hand-written decoder makes other rows than kpods' codec");
}
const jsonBody = await fetchBody('application/json');
await sandbox.close();

const decoders: Record<string, () => number> = {
	'protobuf (one pass on protobufjs Reader, row fields)': () => {
		let rows = 0;
		podCodec.list(protobufBody, pod => {
			podRow(pod);
			rows++;
		});
		return rows;
	},
	'protobuf (hand-written, row fields)': () => {
		let rows = 0;
		handList(protobufBody, 'Pod', pod => {
			podRow(pod as Pod);
			rows++;
		});
		return rows;
	},
	'JSON (item by item, managedFields cut)': () => {
		let rows = 0;
		const splitter = new ItemSplitter(json => {
			podRow(parseSafeJson<Pod>(json));
			rows++;
		});
		// 64 KB chunks, as they come off a socket.
		for (let offset = 0; offset < jsonBody.length; offset += 65_536) {
			splitter.push(jsonBody.subarray(offset, offset + 65_536));
		}
		splitter.end();
		return rows;
	},
};

console.log(
	`${count.toLocaleString('en')} pods: protobuf ${(protobufBody.length / 1e6).toFixed(1)} MB, JSON ${(jsonBody.length / 1e6).toFixed(1)} MB`,
);
console.log('| decoder | ms (median) |');
console.log('| --- | --- |');
for (const [name, decode] of Object.entries(decoders)) {
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		const rows = decode();
		times.push(performance.now() - started);
		if (rows !== count) {
			throw new Error(`${name}: ${rows} rows, not ${count}`);
		}
	}
	console.log(`| ${name} | ${median(times).toFixed(0)} |`);
}
