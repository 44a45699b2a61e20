import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import protobuf from 'protobufjs/light.js';
import {decodeShaped} from '../../source/cluster/protobuf/one-pass.js';
import {messageType} from '../../source/cluster/protobuf/schema-types.js';
import {WireReader} from '../../source/cluster/protobuf/wire.js';

// protobufjs' Writer is the oracle: what it writes, WireReader reads back.
const reader = (write: (writer: protobuf.Writer) => protobuf.Writer) =>
	new WireReader(Buffer.from(write(protobuf.Writer.create()).finish()));

describe('WireReader reads what protobufjs writes', () => {
	test('varints: unsigned, int32 (a negative one is ten bytes) and int64 (exact to ±2^53)', () => {
		for (const value of [0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 31 - 1, 2 ** 32 - 1]) {
			assert.equal(reader(writer => writer.uint32(value)).uint(), value, `uint ${value}`);
		}
		for (const value of [0, 1, -1, 127, -128, 2 ** 31 - 1, -(2 ** 31), -1_073_741_510]) {
			const read = reader(writer => writer.int32(value));
			assert.equal(read.int32(), value, `int32 ${value}`);
			assert.equal(read.pos, read.buffer.length, `int32 ${value} read whole`);
		}
		// A Time's seconds, a zero Go time's seconds, and the ends of a double's exact integers.
		for (const value of [0, 1, -1, 1_796_061_333, -62_135_596_800, 2 ** 32, -(2 ** 32), 2 ** 53 - 1, -(2 ** 53 - 1)]) {
			const read = reader(writer => writer.int64(value));
			assert.equal(read.int64(), value, `int64 ${value}`);
			assert.equal(read.pos, read.buffer.length, `int64 ${value} read whole`);
		}
		assert.equal(reader(writer => writer.bool(true)).bool(), true);
		assert.equal(reader(writer => writer.bool(false)).bool(), false);
	});

	test('strings (UTF-8 of any width) and bytes', () => {
		const text = 'pod-ä-日本-🚀';
		const read = reader(writer =>
			writer
				.string(text)
				.bytes(Buffer.from([1, 2, 3]))
				.string(''),
		);
		assert.equal(read.string(), text);
		assert.deepEqual([...read.bytes()], [1, 2, 3]);
		assert.equal(read.string(), '');
		assert.equal(read.pos, read.buffer.length);
	});

	test('skips a field of each wire type, landing on the next', () => {
		const read = reader(writer =>
			writer
				.uint32((1 << 3) | 0)
				.uint64(2 ** 40)
				.uint32((2 << 3) | 1)
				.fixed64(7)
				.uint32((3 << 3) | 2)
				.string('skipped')
				.uint32((4 << 3) | 5)
				.fixed32(9)
				.uint32((5 << 3) | 2)
				.string('kept'),
		);
		for (const wire of [0, 1, 2, 5]) {
			read.skip(read.uint() & 7);
			assert.ok(read.pos < read.buffer.length, `skipped wire type ${wire}`);
		}
		assert.equal(read.uint(), (5 << 3) | 2);
		assert.equal(read.string(), 'kept');
		assert.throws(() => reader(writer => writer.uint32((1 << 3) | 3)).skip(3), SyntaxError);
	});

	test('a length past the end of the bytes is refused, not read as garbage', () => {
		const truncated = Buffer.from(protobuf.Writer.create().string('a whole string').finish()).subarray(0, 5);
		assert.throws(() => new WireReader(truncated).string(), /runs past the end/);
	});
});

describe('decodeShaped on the wire reader', () => {
	test('a negative exit code and signal read as protobufjs reads them', () => {
		const type = messageType('ContainerStateTerminated');
		const object = {exitCode: -1_073_741_510, signal: -1, reason: 'Error', finishedAt: {seconds: 1_796_061_333}};
		const bytes = type.encode(type.fromObject(object)).finish();
		assert.deepEqual(decodeShaped('ContainerStateTerminated', bytes), {
			exitCode: -1_073_741_510,
			signal: -1,
			reason: 'Error',
			finishedAt: '2026-11-30T17:55:33Z',
		});
	});

	test('a nested message that runs past its end is refused', () => {
		// ObjectMeta (field 1 of a Pod) says 10 bytes, but holds a name 20 bytes long.
		const name = protobuf.Writer.create()
			.uint32((1 << 3) | 2)
			.string('a-name-of-twenty-chr')
			.finish();
		const pod = Buffer.concat([Buffer.from([(1 << 3) | 2, 10]), Buffer.from(name)]);
		assert.throws(() => decodeShaped('Pod', pod), SyntaxError);
	});
});
