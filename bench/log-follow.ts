// Memory of a followed log under a fast writer: a container writing 1,000 lines/s for a
// minute (a local fake log endpoint in its own process, lines timestamped as a kubelet sends
// them), read by kpods' LogSession (a ring of 5,000 lines) while a reader makes the shown
// texts from every snapshot, as the log view does. RSS and heap are sampled every 5 s:
// they must stay flat once the ring is full. `LOG_BENCH_SECONDS` shortens the run.
// As the product runs: its V8 flags first (source/cli.tsx does the same).
import '../source/v8-flags.js';
import {spawn} from 'node:child_process';
import {ApiClient} from '../source/cluster/api-client.js';
import {LogSession} from '../source/cluster/log-session.js';
import {logLineText} from '../source/derive/log-lines.js';

const seconds = Number(process.env['LOG_BENCH_SECONDS'] ?? 60);
const perSecond = 1000;

// The writer: 1,000 lines a second by the clock (written every 10 ms), each like an nginx access-log line (~130 bytes).
const writer = `
const http = require('http');
const server = http.createServer((request, response) => {
	response.writeHead(200, {'content-type': 'text/plain'});
	let n = 0;
	const start = Date.now();
	const timer = setInterval(() => {
		let chunk = '';
		// Catch up with the clock: timers run late on a busy machine, the rate must not.
		const due = Math.floor((Date.now() - start) * ${perSecond} / 1000);
		while (n < due) chunk += new Date().toISOString() + ' 172.17.0.1 - - [30/Nov/2026:10:00:00 +0000] "GET /index.html?n=' + (n++) + ' HTTP/1.1" 200 615 "-" "curl/7.74.0" "-"\\n';
		response.write(chunk);
	}, 10);
	response.on('close', () => clearInterval(timer));
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;
const child = spawn(process.execPath, ['-e', writer], {stdio: ['ignore', 'pipe', 'inherit']});
const port = await new Promise<number>(resolve => child.stdout.once('data', data => resolve(Number(String(data).trim()))));

const api = new ApiClient(async () => undefined, `http://127.0.0.1:${port}`);
const session = new LogSession(api, {
	sources: [{namespace: 'bench', pod: 'writer', container: 'c', prefix: ''}],
	previous: false,
	follow: true,
	tailLines: 100,
	capacity: 5000,
});
let rendered = 0;
session.subscribe(() => {
	// What the log view does per snapshot: the shown text of every kept line.
	rendered += session.getSnapshot().lines.map(entry => logLineText(entry, true)).length;
});

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
console.log(`| s | lines received | kept (ring) | RSS | heap used |\n| --- | --- | --- | --- | --- |`);
const samples: number[] = [];
const started = Date.now();
for (let second = 5; second <= seconds; second += 5) {
	await new Promise(resolve => setTimeout(resolve, started + second * 1000 - Date.now()));
	const {rss, heapUsed} = process.memoryUsage();
	const snapshot = session.getSnapshot();
	samples.push(rss);
	console.log(
		`| ${second} | ${snapshot.received.toLocaleString('en')} | ${snapshot.lines.length.toLocaleString('en')} | ${mb(rss)} | ${mb(heapUsed)} |`,
	);
}

session.stop();
child.kill();
const settled = samples.slice(Math.min(2, samples.length - 1));
console.log(
	`\nRSS from 15 s on: ${mb(Math.min(...settled))}–${mb(Math.max(...settled))}; ${rendered.toLocaleString('en')} line texts made for ${Math.round((Date.now() - started) / 1000)} s of snapshots.`,
);
