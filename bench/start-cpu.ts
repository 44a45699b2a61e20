// Launch → the first rows on screen, wall time and the kpods process's CPU time (user + system,
// all threads, from /proc) at that moment, for one or more builds alternated in one run:
//   KUBECONFIG=… NS=kube-system WANT=coredns RUNS=9 node --import tsx bench/start-cpu.ts A/dist/cli.js B/dist/cli.js
// WANT is text the first rows show ("No resources found" for an empty namespace). CPU time is
// the steadier measure on a shared machine; wall time is what the user waits. ARGS replaces
// `-n NS`: ARGS=--sandbox WANT='No resources found' measures `kpods --sandbox` (its own sandbox, in process).
import {spawn as spawnPty} from '@lydell/node-pty';
import {cli, cpuSeconds, median} from './measure.js';

const builds = process.argv.length > 2 ? process.argv.slice(2) : [cli];
const runs = Number(process.env.RUNS ?? 9);
const namespace = process.env.NS ?? 'default';
const wanted = process.env.WANT ?? 'No resources found';
const args = process.env.ARGS ? process.env.ARGS.split(' ') : ['-n', namespace];

/** One launch: seconds until `wanted` shows, and the process's CPU seconds then. */
async function launch(build: string): Promise<{wall: number; cpu: number}> {
	const started = process.hrtime.bigint();
	const pty = spawnPty(process.execPath, [build, ...args], {name: 'xterm-256color', cols: 200, rows: 50, env: process.env});
	let tail = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${build}: "${wanted}" not on screen in 60 s`)), 60_000);
		pty.onData(data => {
			tail = (tail + data).slice(-20_000);
			if (tail.includes(wanted)) {
				clearTimeout(timer);
				resolve();
			}
		});
	});
	const wall = Number(process.hrtime.bigint() - started) / 1e9;
	const cpu = cpuSeconds(pty.pid);
	pty.kill();
	return {wall, cpu};
}

const results = new Map(builds.map(build => [build, [] as Array<{wall: number; cpu: number}>]));
for (let run = 0; run < runs; run++) {
	// Alternate the order, so no build always runs first.
	for (const build of run % 2 === 0 ? builds : [...builds].reverse()) {
		results.get(build)!.push(await launch(build));
	}
}
console.log(`launch → "${wanted}" on screen, kpods ${args.join(' ')}, median of ${runs}\n`);
console.log('| build | wall | CPU |');
console.log('| --- | --- | --- |');
for (const [build, launches] of results) {
	console.log(
		`| ${build} | ${median(launches.map(each => each.wall)).toFixed(2)} s | ${(median(launches.map(each => each.cpu)) * 1000).toFixed(0)} ms |`,
	);
}
