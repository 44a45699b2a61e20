/**
 * Splits a protobuf watch stream (`application/vnd.kubernetes.protobuf;stream=watch`) into
 * its frames: each event is a 4-byte big-endian length, then that many bytes (a
 * metav1.WatchEvent). Chunks may end anywhere, in a length or in a frame.
 */
export class FrameSplitter {
	private parts: Buffer[] = [];
	private buffered = 0;

	constructor(private readonly onFrame: (frame: Buffer) => unknown) {}

	push(chunk: Buffer): void {
		this.parts.push(chunk);
		this.buffered += chunk.length;
		if (this.buffered < 4) {
			return;
		}
		let data = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
		let offset = 0;
		while (data.length - offset >= 4) {
			const length = data.readUInt32BE(offset);
			if (data.length - offset - 4 < length) {
				break;
			}
			const frame = data.subarray(offset + 4, offset + 4 + length);
			offset += 4 + length;
			this.onFrame(frame);
		}
		data = data.subarray(offset);
		this.parts = data.length > 0 ? [data] : [];
		this.buffered = data.length;
	}

	/** Whether the stream stopped inside a frame. */
	get partial(): boolean {
		return this.buffered > 0;
	}
}
