/**
 * Splits a protobuf list body (`k8s\0`, then a runtime.Unknown whose raw bytes are the
 * List{1: ListMeta, 2: item, 2: item, …}) into its parts as chunks arrive, so that items are
 * decoded while the rest of the list is still on the wire. Only the part being read is kept.
 */
export class ListSplitter {
	private buffer: Buffer = Buffer.alloc(0);
	private pos = 0;
	private stage: 'magic' | 'envelope' | 'list' | 'done' = 'magic';
	/** Bytes of the List message not read yet (stage 'list'). */
	private listLeft = 0;
	constructor(private readonly on: {typeMeta: (bytes: Buffer) => void; metadata: (bytes: Buffer) => void; item: (bytes: Buffer) => void}) {}

	push(chunk: Buffer): void {
		this.buffer = this.pos < this.buffer.length ? Buffer.concat([this.buffer.subarray(this.pos), chunk]) : chunk;
		this.pos = 0;
		while (this.step()) {
			// each step reads one whole part, or stops until more bytes arrive
		}
	}

	/** Throws when the body ended in the middle of a part. */
	end(): void {
		if (this.stage === 'magic' || this.pos < this.buffer.length || this.stage === 'list') {
			throw new SyntaxError('the protobuf list ended in the middle of a message');
		}
	}

	private step(): boolean {
		if (this.stage === 'magic') {
			if (this.buffer.length - this.pos < 4) {
				return false;
			}
			if (this.buffer.toString('latin1', this.pos, this.pos + 4) !== 'k8s\u0000') {
				throw new SyntaxError('not a Kubernetes protobuf message (no k8s\\0 prefix)');
			}
			this.pos += 4;
			this.stage = 'envelope';
			return true;
		}
		if (this.stage === 'envelope' || this.stage === 'done') {
			return this.envelopeField();
		}
		return this.listField();
	}

	/** One field of the runtime.Unknown: typeMeta (the kind), raw (the list: entered, not buffered), or another skipped. */
	private envelopeField(): boolean {
		const start = this.pos;
		const tag = this.varint();
		if (tag === undefined) {
			return false;
		}
		if ((tag & 7) !== 2) {
			throw new SyntaxError(`unexpected wire type ${tag & 7} in the envelope`);
		}
		const length = this.varint();
		if (length === undefined) {
			this.pos = start;
			return false;
		}
		if (tag >>> 3 === 2) {
			this.stage = 'list';
			this.listLeft = length;
			return true;
		}
		if (this.buffer.length - this.pos < length) {
			this.pos = start;
			return false;
		}
		const bytes = this.buffer.subarray(this.pos, this.pos + length);
		this.pos += length;
		if (tag >>> 3 === 1) {
			this.on.typeMeta(bytes);
		}
		return true;
	}

	/** One field of the List: its metadata or one item, handed on whole. */
	private listField(): boolean {
		if (this.listLeft === 0) {
			this.stage = 'done';
			return true;
		}
		const start = this.pos;
		const tag = this.varint();
		const length = tag === undefined ? undefined : this.varint();
		if (tag === undefined || length === undefined || this.buffer.length - this.pos < length) {
			this.pos = start;
			return false;
		}
		if ((tag & 7) !== 2) {
			throw new SyntaxError(`unexpected wire type ${tag & 7} in the list`);
		}
		const bytes = this.buffer.subarray(this.pos, this.pos + length);
		this.pos += length;
		this.listLeft -= this.pos - start;
		if (tag >>> 3 === 1) {
			this.on.metadata(bytes);
		} else if (tag >>> 3 === 2) {
			this.on.item(bytes);
		}
		return true;
	}

	/** A varint at pos (pos moves past it), or undefined when the buffer ends inside it. */
	private varint(): number | undefined {
		let result = 0;
		let scale = 1;
		for (let at = this.pos; at < this.buffer.length; at++) {
			const byte = this.buffer[at]!;
			result += (byte & 0x7f) * scale;
			scale *= 128;
			if (byte < 0x80) {
				this.pos = at + 1;
				return result;
			}
		}
		return undefined;
	}
}
