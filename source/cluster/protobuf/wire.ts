/**
 * Reads the protobuf wire format from a Buffer: varints, length-delimited strings and bytes,
 * and skipping a field of any wire type: what one-pass.ts reads a list's objects with, in place
 * of protobufjs' Reader (protobufjs still holds the schema). The same reads without protobufjs'
 * bounds check on each read, its Long for every int64 and its call through a closure per
 * value: 3,000 lab pods at start (cold code, a fresh process) decoded with 75 → 63 ms of CPU,
 * with their rows 86 → 75 (bench/cold-decode.ts). A message that runs past its end is refused
 * where it ends (endAt), a length past the bytes where it is read (lengthEnd).
 */
/** Node's Buffer decodes UTF-8 by utf8Slice; toString('utf8', …) checks its arguments and calls it (protobufjs calls it too). */
type Utf8Slicing = Buffer & {utf8Slice(start: number, end: number): string};

export class WireReader {
	pos = 0;
	constructor(readonly buffer: Buffer) {}

	/** An unsigned varint as a number (exact up to 2^53; wider ones are rounded, as no field read here holds one). */
	uint(): number {
		const {buffer} = this;
		let byte = buffer[this.pos++]!;
		if (byte < 0x80) {
			return byte;
		}
		let value = byte & 0x7f;
		let scale = 0x80;
		do {
			byte = buffer[this.pos++]!;
			value += (byte & 0x7f) * scale;
			scale *= 0x80;
		} while (byte >= 0x80);
		return value;
	}

	/** An int32: its low 32 bits, signed (a negative one is written as ten bytes). */
	int32(): number {
		const {buffer} = this;
		let value = 0;
		let shift = 0;
		let byte: number;
		do {
			byte = buffer[this.pos++]!;
			if (shift < 32) {
				value |= (byte & 0x7f) << shift;
			}
			shift += 7;
		} while (byte >= 0x80);
		return value | 0;
	}

	/** An int64 as a number: exact up to ±2^53, negative ones included (two's complement over ten bytes). */
	int64(): number {
		const {buffer} = this;
		let low = 0;
		let high = 0;
		let shift = 0;
		let byte: number;
		do {
			byte = buffer[this.pos++]!;
			if (shift < 28) {
				low |= (byte & 0x7f) << shift;
			} else if (shift === 28) {
				low |= (byte & 0x0f) << 28;
				high |= (byte & 0x7f) >>> 4;
			} else {
				high |= (byte & 0x7f) << (shift - 32);
			}
			shift += 7;
		} while (byte >= 0x80);
		if (high < 0) {
			// Negative: the value is -(two's complement of high:low).
			const negatedLow = (~low + 1) >>> 0;
			const negatedHigh = (~high + (negatedLow === 0 ? 1 : 0)) >>> 0;
			return -(negatedHigh * 0x1_0000_0000 + negatedLow);
		}
		return high * 0x1_0000_0000 + (low >>> 0);
	}

	bool(): boolean {
		return this.uint() !== 0;
	}

	/** A length-delimited UTF-8 string. */
	string(): string {
		const end = this.lengthEnd();
		const start = this.pos;
		this.pos = end;
		return (this.buffer as Utf8Slicing).utf8Slice(start, end);
	}

	/** A length-delimited field's bytes (a view, not a copy). */
	bytes(): Buffer {
		const end = this.lengthEnd();
		const start = this.pos;
		this.pos = end;
		return this.buffer.subarray(start, end);
	}

	/** Reads a length and answers where the field it prefixes ends. */
	lengthEnd(): number {
		const length = this.uint();
		const end = this.pos + length;
		if (end > this.buffer.length) {
			throw new SyntaxError('a protobuf field runs past the end of its message');
		}
		return end;
	}

	/** Skips one field's value of the given wire type (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32). */
	skip(wire: number): void {
		if (wire === 0) {
			while (this.buffer[this.pos++]! >= 0x80) {
				// each byte with its high bit set is followed by another
			}
		} else if (wire === 2) {
			this.pos = this.lengthEnd();
		} else if (wire === 1) {
			this.pos += 8;
		} else if (wire === 5) {
			this.pos += 4;
		} else {
			throw new SyntaxError(`protobuf wire type ${wire} is not read here`);
		}
	}

	/** Checks that the message that ends at `end` ended there, not past it (a truncated or corrupt one). */
	endAt(end: number): void {
		if (this.pos !== end) {
			throw new SyntaxError('a protobuf message runs past its end');
		}
	}
}
