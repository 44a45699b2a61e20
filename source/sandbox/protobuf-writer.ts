/**
 * The protobuf wire writer the sandbox encodes its answers with: varints, length-delimited
 * fields and nested messages, byte for byte what protobufjs' Writer writes (a test holds them
 * equal). Written here, not taken from protobufjs, because that was the sandbox's only use of
 * it and loading protobufjs (its minimal build with long.js: ~100 KB of source) was ~4 ms of
 * `kpods --sandbox`'s start, before the first list.
 */
export class WireWriter {
	private buffer = Buffer.allocUnsafe(256);
	private position = 0;
	// Where each open nested message's one reserved length byte is.
	private readonly forks: number[] = [];

	/** An unsigned varint (a tag, a length, a uint32 or a non-negative int32). */
	uint32(value: number): this {
		this.reserve(5);
		let rest = value >>> 0;
		while (rest > 0x7f) {
			this.buffer[this.position++] = (rest & 0x7f) | 0x80;
			rest >>>= 7;
		}
		this.buffer[this.position++] = rest;
		return this;
	}

	/** An int64 varint: a negative number as ten bytes of two's complement, as Go writes it. */
	int64(value: number): this {
		if (value >= 0 && value <= 0xff_ff_ff_ff) {
			return this.uint32(value);
		}
		this.reserve(10);
		let rest = BigInt.asUintN(64, BigInt(Math.trunc(value)));
		while (rest > 0x7fn) {
			this.buffer[this.position++] = Number(rest & 0x7fn) | 0x80;
			rest >>= 7n;
		}
		this.buffer[this.position++] = Number(rest);
		return this;
	}

	/** An int32 varint (a negative one sign-extended to ten bytes, as int64). */
	int32(value: number): this {
		return value < 0 ? this.int64(value) : this.uint32(value);
	}

	bool(value: boolean): this {
		this.reserve(1);
		this.buffer[this.position++] = value ? 1 : 0;
		return this;
	}

	/** A string as its UTF-8 bytes, after their length. */
	string(value: string): this {
		const length = Buffer.byteLength(value, 'utf8');
		this.uint32(length);
		this.reserve(length);
		this.position += this.buffer.write(value, this.position, length, 'utf8');
		return this;
	}

	/** Bytes, after their length. */
	bytes(value: Uint8Array): this {
		this.uint32(value.length);
		this.reserve(value.length);
		this.buffer.set(value, this.position);
		this.position += value.length;
		return this;
	}

	/** Opens a nested message: what follows, up to `ldelim`, is written after its length. */
	fork(): this {
		this.reserve(1);
		this.forks.push(this.position++);
		return this;
	}

	/** Closes the message `fork` opened, writing its length where `fork` kept one byte. */
	ldelim(): this {
		const start = this.forks.pop()!;
		const length = this.position - start - 1;
		let size = 1;
		for (let rest = length >>> 7; rest > 0; rest >>>= 7) {
			size++;
		}
		if (size > 1) {
			this.reserve(size - 1);
			this.buffer.copyWithin(start + size, start + 1, this.position);
			this.position += size - 1;
		}
		let at = start;
		let rest = length;
		while (rest > 0x7f) {
			this.buffer[at++] = (rest & 0x7f) | 0x80;
			rest >>>= 7;
		}
		this.buffer[at] = rest;
		return this;
	}

	/** The bytes written, in a buffer of their own. */
	finish(): Buffer {
		return Buffer.from(this.buffer.subarray(0, this.position));
	}

	private reserve(bytes: number): void {
		if (this.position + bytes > this.buffer.length) {
			const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.position + bytes));
			this.buffer.copy(grown, 0, 0, this.position);
			this.buffer = grown;
		}
	}
}
