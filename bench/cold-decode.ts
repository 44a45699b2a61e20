// A pod list decoded as kpods meets it at start: in a fresh process each time (cold code), read in
// 64 KB pieces as from the network, with kpods' V8 flags; CPU (user + system) of the decode alone
// and of decode + rows, median of RUNS processes, for this tree and any BEFORE=dir,… trees
// alternated. The body is a protobuf PodList (BODY=file, e.g. the lab's, fetched with
// `Accept: application/vnd.kubernetes.protobuf` and unzipped), or COUNT sandbox pods by default.
//   node --import tsx bench/cold-decode.ts            BODY=/tmp/pods.pb BEFORE=/tmp/old node --import tsx bench/cold-decode.ts
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {median, root} from './measure.js';

if (process.argv[2] === 'child') {
	// In a fresh process: the tree's own decoder and rows.
	const [, , , tree, body, mode] = process.argv;
	const {podCodec} = await import(join(tree!, 'source/cluster/protobuf/decode.ts'));
	const {podRow} = await import(join(tree!, 'source/format/pod.ts'));
	const bytes = readFileSync(body!);
	const rows: unknown[] = [];
	const started = process.cpuUsage();
	const reader = podCodec.stream((pod: unknown) => rows.push(mode === 'rows' ? podRow(pod) : pod));
	for (let at = 0; at < bytes.length; at += 65_536) {
		reader.push(bytes.subarray(at, at + 65_536));
	}
	reader.end();
	const {user, system} = process.cpuUsage(started);
	console.log(JSON.stringify({ms: (user + system) / 1000, pods: rows.length}));
} else {
	const runs = Number(process.env.RUNS ?? 9);
	const directory = mkdtempSync(join(tmpdir(), 'kpods-cold-'));
	try {
		let body = process.env.BODY;
		if (!body) {
			const {startSandbox} = await import('../source/sandbox/index.js');
			const sandbox = await startSandbox();
			sandbox.seedPods('bench', Number(process.env.COUNT ?? 3000));
			const response = await fetch(`${sandbox.url}/api/v1/namespaces/bench/pods`, {
				headers: {authorization: `Bearer ${sandbox.token}`, accept: 'application/vnd.kubernetes.protobuf'},
			});
			body = join(directory, 'pods.pb');
			writeFileSync(body, Buffer.from(await response.arrayBuffer()));
			await sandbox.close();
		}
		const trees = [root, ...(process.env.BEFORE ?? '').split(',').filter(Boolean)];
		const times = new Map<string, number[]>();
		let pods = 0;
		for (let run = 0; run < runs; run++) {
			for (const tree of trees) {
				for (const mode of ['decode', 'rows']) {
					const child = spawnSync(
						process.execPath,
						[
							'--interrupt-budget=675840',
							'--semi-space-growth-factor=1',
							'--import',
							'tsx',
							import.meta.filename,
							'child',
							tree,
							body,
							mode,
						],
						{cwd: tree, encoding: 'utf8'},
					);
					if (child.status !== 0) {
						throw new Error(`${tree}: ${child.stderr}`);
					}
					const {ms, pods: count} = JSON.parse(child.stdout) as {ms: number; pods: number};
					pods = count;
					times.set(`${tree} ${mode}`, [...(times.get(`${tree} ${mode}`) ?? []), ms]);
				}
			}
		}
		console.log(`${pods} pods, CPU ms in a fresh process, median of ${runs} (load ${loadavg()[0]!.toFixed(1)})\n`);
		console.log('| tree | decode | decode + rows |\n| --- | --- | --- |');
		for (const tree of trees) {
			const decode = median(times.get(`${tree} decode`)!);
			const rows = median(times.get(`${tree} rows`)!);
			console.log(`| ${tree} | ${decode.toFixed(1)} ms | ${rows.toFixed(1)} ms |`);
		}
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}
