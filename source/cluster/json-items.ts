/**
 * Splits a Kubernetes list document (`{"kind":…,"metadata":{…},"items":[{…},{…}]}`),
 * arriving in chunks, into the JSON text of each item, without ever holding the whole
 * document or parsing it in one piece. A 10,000-pod list is 30–40 MB of JSON and ~200 MB
 * as one parsed object graph; item by item, kpods keeps only the rows it makes of them,
 * and parses while the rest is still on the wire.
 *
 * It also cuts each item's `metadata.managedFields` out before the item is parsed: a third
 * of a pod's bytes and the densest part to parse, which nothing in kpods reads.
 */
export class ItemSplitter {
	private depth = 0;
	private inString = false;
	/** The string being read ended the last chunk with an odd run of backslashes. */
	private escaped = false;
	/** Inside the root object's "items" array. */
	private inItems = false;
	private itemsDone = false;
	private inItem = false;
	/** Bytes of the item being read, from earlier chunks, and how many. */
	private itemParts: Buffer[] = [];
	private itemLength = 0;
	/** Everything outside the items (kind, apiVersion, metadata): small, parsed at the end. */
	private skeleton: Buffer[] = [];
	/** Inside an item's metadata object. */
	private inMetadata = false;
	/** The last string closed at a depth that has keys we look for (1: the list; 3: an item; 4: its metadata). */
	private lastKey = '';
	/** Where that string opened: in the chunk while it is read, then as an offset in the item. */
	private keyStart = -1;
	private keyOffset = 0;
	private keyParts: Buffer[] = [];
	/** The managedFields span of the current item, as offsets in the item's bytes. */
	private cutStart = -1;
	private cutEnd = -1;

	constructor(private readonly onItem: (json: string) => void) {}

	push(chunk: Buffer): void {
		let itemStart = this.inItem ? 0 : -1;
		let skeletonStart = this.inItems && !this.itemsDone ? -1 : 0;
		const offset = (index: number) => this.itemLength + index - itemStart;
		for (let index = 0; index < chunk.length; index++) {
			if (this.inString) {
				// Most of a list's bytes are inside strings: jump to the closing quote natively.
				const end = this.stringEnd(chunk, index);
				if (end === -1) {
					break;
				}
				index = end;
				this.inString = false;
				if (this.keyStart !== -1) {
					this.closeKey(chunk, index);
				}
				continue;
			}

			switch (chunk[index]) {
				case 0x22: {
					// opening quote
					this.inString = true;
					if (this.depth === 1 || (this.inItem && this.depth === 3) || (this.inMetadata && this.depth === 4)) {
						this.keyStart = index + 1;
						this.keyOffset = this.inItem ? offset(index) : 0;
						this.keyParts = [];
					}

					break;
				}

				case 0x7b: {
					// {
					if (this.inItems && this.depth === 2) {
						this.inItem = true;
						itemStart = index;
						this.itemLength = 0;
						this.cutStart = -1;
						this.lastKey = '';
					} else if (this.inItem && this.depth === 3) {
						this.inMetadata = this.lastKey === 'metadata';
					}

					this.depth++;
					break;
				}

				case 0x5b: {
					// [
					this.depth++;
					if (this.depth === 2 && this.lastKey === 'items' && !this.itemsDone) {
						this.inItems = true;
						// The skeleton keeps "items":[ and later the closing ], with nothing between.
						this.skeleton.push(chunk.subarray(skeletonStart, index + 1));
						skeletonStart = -1;
					} else if (this.inMetadata && this.depth === 5 && this.lastKey === 'managedFields') {
						this.cutStart = this.keyOffset; // from the key's opening quote
					}

					break;
				}

				case 0x7d: // }
				case 0x5d: {
					// ]
					this.depth--;
					if (this.inItem && this.depth === 2) {
						this.inItem = false;
						this.itemParts.push(chunk.subarray(itemStart, index + 1));
						this.emitItem();
						itemStart = -1;
					} else if (this.inItem && this.depth === 4 && this.cutStart !== -1 && this.cutEnd < this.cutStart) {
						this.cutEnd = offset(index) + 1;
					} else if (this.inItem && this.depth === 3) {
						this.inMetadata = false;
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

		if (this.inItem && itemStart !== -1) {
			const rest = chunk.subarray(itemStart);
			this.itemParts.push(rest);
			this.itemLength += rest.length;
		}

		if (skeletonStart !== -1) {
			this.skeleton.push(chunk.subarray(skeletonStart));
		}
		if (this.inString && this.keyStart !== -1) {
			this.keyParts.push(chunk.subarray(this.keyStart));
			this.keyStart = 0;
		}
	}

	/** The document without its items, parsed: `{kind, apiVersion, metadata, items: []}`. */
	end<T>(): T {
		if (this.depth !== 0 || this.inString) {
			throw new SyntaxError('the list ended in the middle of the JSON document');
		}
		return JSON.parse(Buffer.concat(this.skeleton).toString('utf8')) as T;
	}

	private emitItem(): void {
		let bytes = this.itemParts.length === 1 ? this.itemParts[0]! : Buffer.concat(this.itemParts);
		this.itemParts = [];
		this.itemLength = 0;
		if (this.cutStart !== -1 && this.cutEnd > this.cutStart) {
			bytes = withoutSpan(bytes, this.cutStart, this.cutEnd);
		}
		this.cutStart = -1;
		this.cutEnd = -1;
		this.onItem(bytes.toString('utf8'));
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
		while (cursor >= from && chunk[cursor] === 0x5c) {
			run++;
			cursor--;
		}

		// The run reaches back into the previous chunk only when this scan started the chunk.
		if (cursor < from && from === 0 && this.escaped) {
			run++;
		}
		return run % 2 === 1;
	}

	/** Remembers the string that just closed if it is one of the keys the splitter acts on; no allocation otherwise. */
	private closeKey(chunk: Buffer, index: number): void {
		if (this.keyParts.length === 0) {
			this.lastKey = knownKey(chunk, this.keyStart, index);
		} else {
			this.keyParts.push(chunk.subarray(this.keyStart, index));
			const whole = Buffer.concat(this.keyParts);
			this.lastKey = knownKey(whole, 0, whole.length);
		}

		this.keyStart = -1;
		this.keyParts = [];
	}
}

const keys = ['items', 'metadata', 'managedFields'].map(key => ({key, bytes: Buffer.from(key)}));

function knownKey(buffer: Buffer, start: number, end: number): string {
	const length = end - start;
	for (const {key, bytes} of keys) {
		if (bytes.length === length && buffer.compare(bytes, 0, length, start, end) === 0) {
			return key;
		}
	}

	return '';
}

const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** The bytes without [start, end) and the comma that separated that member from its neighbour. */
function withoutSpan(bytes: Buffer, start: number, end: number): Buffer {
	let before = start;
	while (isSpace(bytes[before - 1])) {
		before--;
	}
	let after = end;
	while (isSpace(bytes[after])) {
		after++;
	}
	if (bytes[before - 1] === 0x2c) {
		before--; // `,"managedFields":[…]` — the usual place, last in metadata
	} else if (bytes[after] === 0x2c) {
		after++; // `"managedFields":[…],` — first in metadata
	}
	return Buffer.concat([bytes.subarray(0, before), bytes.subarray(after)]);
}
