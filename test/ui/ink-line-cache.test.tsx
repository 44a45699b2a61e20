import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import Output from '../../node_modules/ink/build/output.js';
import {tokenize} from '../../node_modules/@alcalzone/ansi-tokenize/build/index.js';
import {installLineCache, tokensForTest} from '../../source/ui/ink-line-cache.js';
import {narrow} from '../../source/ui/narrow-width.js';
import {FakeCluster, fixtureNames, fixturePod} from './fake-cluster.js';
import {keys, renderApp} from './harness.js';

afterEach(() => cleanup());

const red = (text: string) => `\u001B[31m${text}\u001B[39m`;
const inverse = (text: string) => `\u001B[7m${text}\u001B[27m`;
const bold = (text: string) => `\u001B[1m${text}\u001B[22m`;

type Write = [x: number, y: number, text: string, transformers?: Array<(line: string, index: number) => string>];

// Pieces Ink writes: plain and styled text side by side and nested, overlapping writes, wide
// characters, lines past the grid's edges, and transformers (how Text applies its colours).
const frames: Array<{name: string; width: number; height: number; writes: Write[]}> = [
	{
		name: 'a table row with a coloured cell',
		width: 40,
		height: 3,
		writes: [[0, 0, `web-1   1/1   ${red('CrashLoopBackOff')}   4 (62s ago)`]],
	},
	{
		name: 'an inverse row with a coloured cell inside',
		width: 30,
		height: 2,
		writes: [[0, 1, inverse(`web  ${red('Error')}  3m`)]],
	},
	{
		name: 'a later write over an earlier one',
		width: 20,
		height: 2,
		writes: [
			[0, 0, 'aaaaaaaaaa'],
			[3, 0, bold('BB')],
			[5, 1, 'cc'],
		],
	},
	{
		name: 'wide characters',
		width: 20,
		height: 2,
		writes: [
			[0, 0, '日本語 name'],
			[2, 1, '🙂 ok'],
		],
	},
	{
		name: 'several lines, some off the grid',
		width: 10,
		height: 3,
		writes: [
			[0, 1, 'one\ntwo\nthree\nfour'],
			[0, -1, 'gone\nalso'],
		],
	},
	{
		name: 'transformers per line',
		width: 20,
		height: 3,
		writes: [[1, 0, 'first\nsecond', [(line, index) => (index === 0 ? red(line) : bold(line))]]],
	},
	{name: 'text past the right edge', width: 8, height: 1, writes: [[4, 0, 'overflowing']]},
	{name: 'nothing written', width: 12, height: 4, writes: []},
];

function paint(width: number, height: number, writes: readonly Write[]) {
	const output = new Output({width, height});
	for (const [x, y, text, transformers = []] of writes) {
		output.write(x, y, text, {transformers});
	}
	return output.get();
}

/** What `make` paints with the line cache, then with Ink's own lines (the cache installed again after). */
function bothWays<T>(make: () => T): {cached: T; ink: T} {
	const undo = installLineCache();
	const cached = make();
	undo();
	const ink = make();
	installLineCache();
	return {cached, ink};
}

describe("the line cache makes exactly Ink's frame", () => {
	for (const {name, width, height, writes} of frames) {
		test(name, () => {
			const undo = installLineCache();
			const cold = paint(width, height, writes);
			const warm = paint(width, height, writes);
			undo();
			const ink = paint(width, height, writes);
			installLineCache();
			assert.deepEqual(cold, ink, 'a line made for the first time');
			assert.deepEqual(warm, ink, 'a line taken from the cache');
		});
	}

	test('2,000 generated lines: styles nested, crossed and reset, wide and zero-width characters, overlapping writes, cells past either edge', () => {
		const random = seeded(11);
		const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
		// Opening and closing codes as chalk writes them, some left open, some closed twice, some reset all.
		const codes = ['\u001B[31m', '\u001B[32m', '\u001B[39m', '\u001B[1m', '\u001B[2m', '\u001B[22m', '\u001B[7m', '\u001B[27m'];
		const more = ['\u001B[4m', '\u001B[24m', '\u001B[41m', '\u001B[49m', '\u001B[38;5;208m', '\u001B[0m', '\u001B[90m'];
		const words = ['web-1', 'Running', '1/1', 'CrashLoopBackOff', '   ', ' ', '日本', '🙂', 'é', 'e\u0301', '…', '<none>', '10.0.0.1'];
		const piece = () => {
			let text = '';
			for (let count = 1 + Math.floor(random() * 8); count > 0; count--) {
				text += random() < 0.4 ? pick(random() < 0.7 ? codes : more) : pick(words);
			}
			return text;
		};
		for (let line = 0; line < 2000; line++) {
			const width = pick([8, 20, 40, 80, 200]);
			const writes: Write[] = [];
			for (let count = Math.floor(random() * 4); count >= 0; count--) {
				writes.push([Math.floor(random() * (width + 6)) - 2, 0, piece()]);
			}
			const {cached, ink} = bothWays(() => paint(width, 1, writes));
			assert.deepEqual(cached, ink, JSON.stringify({width, writes}));
		}
	});

	test('2,000 generated table rows of ASCII and simple colour codes (made without the grapheme segmenter) and their tokens', () => {
		const random = seeded(12);
		const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
		const codes = [
			'\u001B[31m',
			'\u001B[32m',
			'\u001B[39m',
			'\u001B[1m',
			'\u001B[2m',
			'\u001B[22m',
			'\u001B[7m',
			'\u001B[27m',
			'\u001B[m',
			'\u001B[0m',
			'\u001B[90m',
			'\u001B[49m',
		];
		const words = ['web-1', 'Running', '1/1', 'CrashLoopBackOff', '   ', ' ', '<none>', '10.0.0.1', '~', '[m', '26s'];
		for (let line = 0; line < 2000; line++) {
			let text = '';
			for (let count = 1 + Math.floor(random() * 10); count > 0; count--) {
				text += random() < 0.4 ? pick(codes) : pick(words);
			}
			assert.deepEqual(tokensForTest(text), tokenize(text), JSON.stringify(text));
			const width = pick([8, 40, 200]);
			const writes: Write[] = [[Math.floor(random() * 6), 0, text]];
			const {cached, ink} = bothWays(() => paint(width, 1, writes));
			assert.deepEqual(cached, ink, JSON.stringify({width, writes}));
		}
		// Text outside the fast path is the tokenizer's own: compound and other codes, combining and wide characters.
		for (const text of [
			'a\u001B[38;5;208mb',
			'\u001B[2Kx',
			'e\u0301',
			'\u001B[31me\u0301',
			'日本',
			'a\u001Bb',
			'\u001B]8;;http://x\u0007l\u001B]8;;\u0007',
			'tab\there',
		]) {
			assert.deepEqual(tokensForTest(text), tokenize(text), JSON.stringify(text));
		}
	});

	test('lines of narrow characters (the header, the footer) are tokenized as the library does, without it', () => {
		const narrowOnes = Array.from({length: 0x10000}, (_, code) => String.fromCharCode(code)).filter(character =>
			narrow(character.charCodeAt(0)),
		);
		assert.ok(narrowOnes.length > 1000);
		const random = seeded(7);
		const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
		const lines = [
			'\u001B[1mkpods  ctx lab  ns kube-system  server https://127.0.0.1:8443\u001B[22m  \u001B[32m● live\u001B[39m',
			'\u001B[7m\u001B[1m1 Pods 7\u001B[22m\u001B[27m 2 Services 3  ✓ 7 ok · ↑↓ move',
			'Você não tem permissão — ação é só para leitura …',
			narrowOnes.join(''),
		];
		for (let line = 0; line < 500; line++) {
			let text = '';
			for (let count = 1 + Math.floor(random() * 12); count > 0; count--) {
				text += random() < 0.3 ? pick(['\u001B[31m', '\u001B[39m', '\u001B[1m', '\u001B[22m', '\u001B[7m', '\u001B[m']) : pick(narrowOnes);
			}
			lines.push(text);
		}
		for (const text of lines) {
			assert.deepEqual(tokensForTest(text), tokenize(text), JSON.stringify(text));
		}
		assert.equal(
			segmenterCalls(() => {
				for (const text of lines) {
					tokensForTest(text);
				}
			}),
			0,
		);
	});

	test('a changed table row in colour is made without the grapheme segmenter', () => {
		const calls = segmenterCalls(() => {
			installLineCache();
			const rows = paint(200, 2, [
				[0, 0, `seed-00040   1/1     \u001B[32mRunning   \u001B[39m100250     23s   172.17.0.43     minikube`],
				[0, 1, inverse(`seed-00041   1/1     ${red('Error')}   3     4m`)],
			]);
			assert.match(rows.output, /100250/);
		});
		assert.equal(calls, 0);
	});

	test('a clipped write is left to Ink', () => {
		const clipped = () => {
			const output = new Output({width: 10, height: 2});
			output.clip({x1: 2, x2: 6, y1: 0, y2: 1});
			output.write(0, 0, 'abcdefghij', {transformers: []});
			output.unclip();
			return output.get();
		};
		const {cached, ink} = bothWays(clipped);
		assert.deepEqual(cached, ink);
	});

	test('whole screens: every pod status in colour, a selected row, describe', async () => {
		const screens = async () => {
			const pods = fixtureNames().map(name => fixturePod(name));
			const app = await renderApp({cluster: new FakeCluster({}, pods), columns: 140, rows: 50});
			const shown = [app.lastFrame()!];
			await app.press(keys.down, keys.down);
			shown.push(app.lastFrame()!);
			await app.press(keys.enter);
			shown.push(app.lastFrame()!);
			app.unmount();
			return shown;
		};
		const undo = installLineCache();
		const cached = await screens();
		undo();
		const ink = await screens();
		installLineCache();
		assert.equal(cached.length, 3);
		assert.deepEqual(cached, ink);
		assert.match(ink[2]!, /Name:/, 'describe is on screen');
	});
});

/** How many times `run` makes Intl.Segmenter segment a string. */
function segmenterCalls(run: () => void): number {
	const segment = Intl.Segmenter.prototype.segment;
	let calls = 0;
	Intl.Segmenter.prototype.segment = function (this: Intl.Segmenter, text: string) {
		calls++;
		return segment.call(this, text);
	};
	try {
		run();
	} finally {
		Intl.Segmenter.prototype.segment = segment;
	}
	return calls;
}

/** A small seeded generator (mulberry32), so the generated lines are the same on every run. */
function seeded(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let value = Math.imul(state ^ (state >>> 15), 1 | state);
		value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}
