/**
 * Splits a Kubernetes list document (`{"kind":…,"metadata":{…},"items":[{…},{…}]}`),
 * arriving in chunks, into the JSON text of each item, without ever holding the whole
 * document or parsing it in one piece. A 10,000-pod list is ~30 MB of JSON and ~200 MB
 * as one parsed object graph; item by item, kpods keeps only the rows it makes of them,
 * and parses while the rest is still on the wire.
 */
export class ItemSplitter {
	private depth = 0;
	private inString = false;
	/** The string being read ended the last chunk with an odd run of backslashes. */
	private escaped = false;
	/** Inside the root object's "items" array. */
	private inItems = false;
	private itemsDone = false;
	/** Bytes of the item being read, from earlier chunks. */
	private itemParts: Buffer[] = [];
	private inItem = false;
	/** Everything outside the items (kind, apiVersion, metadata): small, parsed at the end. */
	private skeleton: Buffer[] = [];
	/** The last string closed at depth 1, when short: the key the next value belongs to. */
	private lastKey = '';
	private keyStart = -1;
	private keyParts: Buffer[] = [];

	constructor(private readonly onItem: (json: string) => void) {}

	push(chunk: Buffer): void {
		let itemStart = this.inItem ? 0 : -1;
		let skeletonStart = this.inItems && !this.itemsDone ? -1 : 0;
		for (let index = 0; index < chunk.length; index++) {
			if (this.inString) {
				// Most of a list's bytes are inside strings: jump to the closing quote natively.
				const end = this.stringEnd(chunk, index);
				if (end === -1) break;
				index = end;
				this.inString = false;
				if (this.depth === 1) this.closeKey(chunk, index);
				continue;
			}

			const byte = chunk[index]!;
			switch (byte) {
				case 0x22: { // opening quote
					this.inString = true;
					if (this.depth === 1) {
						this.keyStart = index + 1;
						this.keyParts = [];
					}

					break;
				}

				case 0x7B: // {
				case 0x5B: { // [
					if (this.inItems && this.depth === 2 && byte === 0x7B) {
						this.inItem = true;
						itemStart = index;
					}

					this.depth++;
					if (byte === 0x5B && this.depth === 2 && this.lastKey === 'items' && !this.itemsDone) {
						this.inItems = true;
						// The skeleton keeps "items":[ and later the closing ], with nothing between.
						this.skeleton.push(chunk.subarray(skeletonStart, index + 1));
						skeletonStart = -1;
					}

					break;
				}

				case 0x7D: // }
				case 0x5D: { // ]
					this.depth--;
					if (this.inItem && this.depth === 2) {
						this.inItem = false;
						this.itemParts.push(chunk.subarray(itemStart, index + 1));
						this.onItem(Buffer.concat(this.itemParts).toString('utf8'));
						this.itemParts = [];
						itemStart = -1;
					} else if (this.inItems && this.depth === 1) {
						this.inItems = false;
						this.itemsDone = true;
						skeletonStart = index;
					}

					break;
				}

				default:
			}
		}

		if (this.inItem && itemStart !== -1) this.itemParts.push(chunk.subarray(itemStart));
		if (skeletonStart !== -1) this.skeleton.push(chunk.subarray(skeletonStart));
		if (this.inString && this.depth === 1 && this.keyStart !== -1) {
			this.keyParts.push(chunk.subarray(this.keyStart));
			this.keyStart = 0;
		}
	}

	/** The document without its items, parsed: `{kind, apiVersion, metadata, items: []}`. */
	end<T>(): T {
		if (this.depth !== 0 || this.inString) throw new SyntaxError('the list ended in the middle of the JSON document');
		return JSON.parse(Buffer.concat(this.skeleton).toString('utf8')) as T;
	}

	/** The index of the quote that closes the string read from `from`, or -1 when the chunk ends first. */
	private stringEnd(chunk: Buffer, from: number): number {
		for (let quote = chunk.indexOf(0x22, from); quote !== -1; quote = chunk.indexOf(0x22, quote + 1)) {
			if (!this.escapedAt(chunk, from, quote)) {
				this.escaped = false;
				return quote;
			}
		}

		// Remember whether the chunk's last character escapes the next chunk's first.
		this.escaped = this.escapedAt(chunk, from, chunk.length);
		return -1;
	}

	/** Whether the character at `at` is escaped: an odd run of backslashes before it (counting the previous chunk's). */
	private escapedAt(chunk: Buffer, from: number, at: number): boolean {
		let run = 0;
		let cursor = at - 1;
		while (cursor >= from && chunk[cursor] === 0x5C) {
			run++;
			cursor--;
		}

		// The run reaches back into the previous chunk only when this scan started the chunk.
		if (cursor < from && from === 0 && this.escaped) run++;
		return run % 2 === 1;
	}

	private closeKey(chunk: Buffer, index: number): void {
		if (this.keyStart === -1) return;
		this.keyParts.push(chunk.subarray(this.keyStart, index));
		const length = this.keyParts.reduce((sum, part) => sum + part.length, 0);
		this.lastKey = length <= 16 ? Buffer.concat(this.keyParts).toString('utf8') : '';
		this.keyStart = -1;
		this.keyParts = [];
	}
}
