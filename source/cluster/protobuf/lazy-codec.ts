import type {ListMeta} from '../../k8s/types.js';
import type {ProtobufCodec} from './decode.js';

type Decoders = typeof import('./decode.js');

/** A list body's reader whose end waits for the decoder when the body came in before it loaded. */
export interface LazyListReader {
	push(chunk: Buffer): void;
	end(): {metadata: ListMeta} | Promise<{metadata: ListMeta}>;
}

/**
 * A protobuf codec loaded on first use: protobufjs and the schema (~100 KB) are parsed while the
 * first list requests are on the wire, not before they leave. Chunks that arrive before the
 * decoder has loaded wait for it (in practice the response takes longer than the import).
 */
export interface LazyCodec<T> {
	/** Loads the decoder (once); a watch awaits it before it starts, as its frames are read one by one. */
	load(): Promise<ProtobufCodec<T>>;
	/** Reads a list body as it arrives, decoding as soon as the decoder is there. */
	stream(onItem: (item: T) => void): LazyListReader;
}

/** The codec `pick` chooses from source/cluster/protobuf/decode.ts, imported when first needed. */
export function lazyCodec<T>(pick: (decoders: Decoders) => ProtobufCodec<T>): LazyCodec<T> {
	let loaded: ProtobufCodec<T> | undefined;
	let loading: Promise<ProtobufCodec<T>> | undefined;
	const load = async () => {
		loading ??= import('./decode.js').then(decoders => {
			loaded = pick(decoders);
			return loaded;
		});
		return loading;
	};

	return {
		load,
		stream(onItem) {
			void load();
			let reader: ReturnType<ProtobufCodec<T>['stream']> | undefined;
			let waiting: Buffer[] = [];
			// The decoder, once loaded, with the chunks that came before it pushed first (in order).
			const ready = () => {
				if (!reader && loaded) {
					reader = loaded.stream(onItem);
					for (const chunk of waiting) {
						reader.push(chunk);
					}
					waiting = [];
				}
				return reader;
			};

			return {
				push(chunk) {
					const now = ready();
					if (now) {
						now.push(chunk);
					} else {
						waiting.push(chunk);
					}
				},
				end() {
					const now = ready();
					if (now) {
						return now.end();
					}
					return load().then(() => ready()!.end());
				},
			};
		},
	};
}
