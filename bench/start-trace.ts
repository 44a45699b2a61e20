// Where the time to the first rows goes: launches kpods in a pseudo-terminal RUNS times with
// KPODS_TRACE, and prints the median time of each milestone it traced (ms since the process
// started, and its CPU ms then; the first time each label appears), then the median launch → rows on screen:
//   KUBECONFIG=… NS=kube-system WANT=coredns RUNS=9 node --import tsx bench/start-trace.ts [dist/cli.js]
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {spawn as spawnPty} from '@lydell/node-pty';
import {cli, cpuSeconds, median} from './measure.js';

const build = process.argv[2] ?? cli;
const runs = Number(process.env.RUNS ?? 9);
const namespace = process.env.NS ?? 'default';
const wanted = process.env.WANT ?? 'No resources found';
const rowsWritten = '» the first frame with the rows written';
const directory = mkdtempSync(join(tmpdir(), 'kpods-trace-'));

/** One launch: the milestones (label → ms), and wall ms and CPU ms until `wanted` shows. */
async function launch(run: number): Promise<{marks: Map<string, {at: number; cpu: number}>; wall: number; cpu: number}> {
	const file = join(directory, `trace-${run}`);
	const started = process.hrtime.bigint();
	const pty = spawnPty(process.execPath, [build, '-n', namespace], {
		name: 'xterm-256color',
		cols: 200,
		rows: 50,
		env: {...process.env, KPODS_TRACE: file},
	});
	let tail = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`"${wanted}" not on screen in 60 s`)), 60_000);
		pty.onData(data => {
			tail = (tail + data).slice(-20_000);
			if (tail.includes(wanted)) {
				clearTimeout(timer);
				resolve();
			}
		});
	});
	const wall = Number(process.hrtime.bigint() - started) / 1e6;
	const cpu = cpuSeconds(pty.pid) * 1000;
	pty.kill();
	const marks = new Map<string, {at: number; cpu: number}>();
	for (const line of readFileSync(file, 'utf8').trim().split('\n')) {
		// Builds from before the CPU was traced have no cpu= (it shows as NaN).
		const [, at, name, cpu] = /^(\S+) (.*?)(?: cpu=(\d+))? rss=\d+MB$/.exec(line)!;
		if (!marks.has(name!)) {
			marks.set(name!, {at: Number(at), cpu: Number(cpu)});
		}
		// The first frame written after the first render with the pods listed: the rows reach the terminal.
		if (name!.startsWith('frame written') && [...marks.keys()].some(label => label.startsWith('render ')) && !marks.has(rowsWritten)) {
			marks.set(rowsWritten, {at: Number(at), cpu: Number(cpu)});
		}
	}
	return {marks, wall, cpu};
}

try {
	const launches: Array<Awaited<ReturnType<typeof launch>>> = [];
	for (let run = 0; run < runs; run++) {
		launches.push(await launch(run));
	}
	const labels = [...new Set(launches.flatMap(each => [...each.marks.keys()]))];
	const rows = labels
		.map(label => {
			const seen = launches.flatMap(each => (each.marks.has(label) ? [each.marks.get(label)!] : []));
			return {label, at: median(seen.map(each => each.at)), cpu: median(seen.map(each => each.cpu))};
		})
		.sort((a, b) => a.at - b.at);
	console.log(`${build}, ${namespace}, median of ${runs}\n`);
	console.log('  wall     CPU  milestone');
	for (const {label, at, cpu} of rows) {
		console.log(`${at.toFixed(0).padStart(6)} ${cpu.toFixed(0).padStart(7)}  ${label}`);
	}
	const wall = median(launches.map(each => each.wall));
	const cpu = median(launches.map(each => each.cpu));
	console.log(`${wall.toFixed(0).padStart(6)} ${cpu.toFixed(0).padStart(7)}  "${wanted}" on screen (from launch, as the bench saw it)`);
} finally {
	rmSync(directory, {recursive: true, force: true});
}
