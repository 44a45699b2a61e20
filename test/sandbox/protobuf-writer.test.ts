// The sandbox's wire writer against protobufjs' Writer (what it replaced): the same operations
// give the same bytes — varints at every length boundary, negative int32 and int64 as ten
// bytes, UTF-8 (multi-byte, astral), bytes, and nested messages whose lengths cross one, two
// and three varint bytes.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import protobuf from 'protobufjs/minimal.js';
import {WireWriter} from '../../source/sandbox/protobuf-writer.js';

/** The operations both writers take, as protobufjs' Writer names them. */
interface Ops {
	uint32(value: number): Ops;
	int64(value: number): Ops;
	int32(value: number): Ops;
	bool(value: boolean): Ops;
	string(value: string): Ops;
	bytes(value: Uint8Array): Ops;
	fork(): Ops;
	ldelim(): Ops;
}

const numbers = [0, 1, 127, 128, 255, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, 2 ** 31 - 1, 2 ** 32 - 1];
const int64s = [...numbers, 2 ** 32, 2 ** 40 + 7, Number.MAX_SAFE_INTEGER, -1, -2, -128, -(2 ** 31), -(2 ** 40), -Number.MAX_SAFE_INTEGER];
const strings = ['', 'a', 'kube-system', 'é', 'ação', '日本語', '🙂 emoji', 'x'.repeat(127), 'y'.repeat(128), 'z'.repeat(40_000)];

const cases: Array<[string, (writer: Ops) => unknown]> = [
	[
		'uint32',
		writer => {
			for (const each of numbers) {
				writer.uint32(each);
			}
		},
	],
	[
		'int64',
		writer => {
			for (const each of int64s) {
				writer.int64(each);
			}
		},
	],
	[
		'int32',
		writer => {
			for (const each of [0, 1, 300, 2 ** 31 - 1, -1, -300, -(2 ** 31)]) {
				writer.int32(each);
			}
		},
	],
	['bool', writer => writer.bool(true).bool(false)],
	[
		'strings',
		writer => {
			for (const each of strings) {
				writer.uint32(10).string(each);
			}
		},
	],
	[
		'bytes',
		writer => {
			for (const size of [0, 1, 127, 128, 20_000]) {
				writer.bytes(Uint8Array.from({length: size}, (_, index) => index % 251));
			}
		},
	],
	['an empty message', writer => writer.uint32(10).fork().ldelim()],
	[
		'nested messages of every length size',
		writer => {
			for (const size of [1, 126, 127, 128, 200, 16_383, 16_384, 70_000, 2_097_152]) {
				writer.uint32(18).fork().uint32(10).fork().string('n'.repeat(size)).ldelim().uint32(16).int64(-size).ldelim();
			}
		},
	],
	[
		'deep nesting',
		writer => {
			for (let depth = 0; depth < 12; depth++) {
				writer
					.uint32(10)
					.fork()
					.string('d'.repeat(depth * 40));
			}
			for (let depth = 0; depth < 12; depth++) {
				writer.ldelim();
			}
		},
	],
];

for (const [name, write] of cases) {
	test(`the wire writer writes what protobufjs writes: ${name}`, () => {
		const ours = new WireWriter();
		const theirs = protobuf.Writer.create();
		write(ours as unknown as Ops);
		write(theirs as unknown as Ops);
		assert.ok(Buffer.from(theirs.finish()).equals(ours.finish()), name);
	});
}
