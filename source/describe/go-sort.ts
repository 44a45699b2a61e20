/**
 * Go's `sort.Sort` (pattern-defeating quicksort, Go 1.19 and later), step for step. It is not
 * stable: with more than 12 elements, equal ones come out in an order only this algorithm
 * gives. kubectl sorts describe's events with it by lastTimestamp alone, and events often
 * share a second, so kpods sorts them the same way to list them in kubectl's order.
 */

type Less = (i: number, j: number) => boolean;

/** A sorted copy of `items`, ordered exactly as Go's sort.Sort orders them with `less`. */
export function goSort<T>(items: readonly T[], less: (a: T, b: T) => boolean): T[] {
	const data = [...items];
	if (data.length <= 1) {
		return data;
	}
	const sorter = new GoSorter(
		(i, j) => less(data[i]!, data[j]!),
		(i, j) => {
			[data[i], data[j]] = [data[j]!, data[i]!];
		},
	);
	sorter.pdqsort(0, data.length, Math.clz32(0) - Math.clz32(data.length));
	return data;
}

const increasing = 0;
const decreasing = 1;
const unknown = 2;

class GoSorter {
	constructor(
		private readonly less: Less,
		private readonly swap: (i: number, j: number) => void,
	) {}

	pdqsort(from: number, to: number, limit: number): void {
		let a = from;
		let b = to;
		let balanced = true;
		let partitioned = true;
		for (;;) {
			const length = b - a;
			if (length <= 12) {
				this.insertionSort(a, b);
				return;
			}
			if (limit === 0) {
				this.heapSort(a, b);
				return;
			}
			if (!balanced) {
				this.breakPatterns(a, b);
				limit--;
			}

			let [pivot, hint] = this.choosePivot(a, b);
			if (hint === decreasing) {
				this.reverse(a, b);
				pivot = b - 1 - (pivot - a);
				hint = increasing;
			}

			if (balanced && partitioned && hint === increasing && this.partialInsertionSort(a, b)) {
				return;
			}
			// Many elements equal to the one before this range: put those first and go on after them.
			if (a > 0 && !this.less(a - 1, pivot)) {
				a = this.partitionEqual(a, b, pivot);
				continue;
			}

			const [mid, already] = this.partition(a, b, pivot);
			partitioned = already;
			const left = mid - a;
			const right = b - mid;
			const threshold = Math.trunc(length / 8);
			if (left < right) {
				balanced = left >= threshold;
				this.pdqsort(a, mid, limit);
				a = mid + 1;
			} else {
				balanced = right >= threshold;
				this.pdqsort(mid + 1, b, limit);
				b = mid;
			}
		}
	}

	private insertionSort(a: number, b: number): void {
		for (let i = a + 1; i < b; i++) {
			for (let j = i; j > a && this.less(j, j - 1); j--) {
				this.swap(j, j - 1);
			}
		}
	}

	private siftDown(low: number, high: number, first: number): void {
		let root = low;
		for (;;) {
			let child = 2 * root + 1;
			if (child >= high) {
				return;
			}
			if (child + 1 < high && this.less(first + child, first + child + 1)) {
				child++;
			}
			if (!this.less(first + root, first + child)) {
				return;
			}
			this.swap(first + root, first + child);
			root = child;
		}
	}

	private heapSort(a: number, b: number): void {
		const high = b - a;
		for (let i = Math.trunc((high - 1) / 2); i >= 0; i--) {
			this.siftDown(i, high, a);
		}
		for (let i = high - 1; i >= 0; i--) {
			this.swap(a, a + i);
			this.siftDown(0, i, a);
		}
	}

	private partition(a: number, b: number, pivot: number): [number, boolean] {
		this.swap(a, pivot);
		let i = a + 1;
		let j = b - 1;
		while (i <= j && this.less(i, a)) {
			i++;
		}
		while (i <= j && !this.less(j, a)) {
			j--;
		}
		if (i > j) {
			this.swap(j, a);
			return [j, true];
		}

		this.swap(i++, j--);
		for (;;) {
			while (i <= j && this.less(i, a)) {
				i++;
			}
			while (i <= j && !this.less(j, a)) {
				j--;
			}
			if (i > j) {
				break;
			}
			this.swap(i++, j--);
		}

		this.swap(j, a);
		return [j, false];
	}

	private partitionEqual(a: number, b: number, pivot: number): number {
		this.swap(a, pivot);
		let i = a + 1;
		let j = b - 1;
		for (;;) {
			while (i <= j && !this.less(a, i)) {
				i++;
			}
			while (i <= j && this.less(a, j)) {
				j--;
			}
			if (i > j) {
				return i;
			}
			this.swap(i++, j--);
		}
	}

	private partialInsertionSort(a: number, b: number): boolean {
		let i = a + 1;
		for (let step = 0; step < 5; step++) {
			while (i < b && !this.less(i, i - 1)) {
				i++;
			}
			if (i === b) {
				return true;
			}
			if (b - a < 50) {
				return false;
			}
			this.swap(i, i - 1);
			if (i - a >= 2) {
				for (let j = i - 1; j >= 1 && this.less(j, j - 1); j--) {
					this.swap(j, j - 1);
				}
			}

			if (b - i >= 2) {
				for (let j = i + 1; j < b && this.less(j, j - 1); j++) {
					this.swap(j, j - 1);
				}
			}
		}

		return false;
	}

	private breakPatterns(a: number, b: number): void {
		const length = b - a;
		if (length < 8) {
			return;
		}
		// Go's xorshift on a uint64 seeded with the length (shifts 13, 17, 5 in the Go 1.23 kubectl 1.32
		// is built with; 13, 7, 17 gave another order once patterns were broken); modulus is the next power of two.
		let random = BigInt(length);
		const mask = (1n << 64n) - 1n;
		const modulus = 2 ** (32 - Math.clz32(length));
		const quarter = Math.trunc(length / 4) * 2;
		for (let index = a + quarter - 1; index <= a + quarter + 1; index++) {
			random ^= (random << 13n) & mask;
			random ^= random >> 17n;
			random ^= (random << 5n) & mask;
			let other = Number(random & BigInt(modulus - 1));
			if (other >= length) {
				other -= length;
			}
			this.swap(index, a + other);
		}
	}

	private choosePivot(a: number, b: number): [number, number] {
		const length = b - a;
		const swaps = {count: 0};
		let i = a + Math.trunc(length / 4);
		let j = a + Math.trunc(length / 4) * 2;
		let k = a + Math.trunc(length / 4) * 3;
		if (length >= 8) {
			if (length >= 50) {
				i = this.median(i - 1, i, i + 1, swaps);
				j = this.median(j - 1, j, j + 1, swaps);
				k = this.median(k - 1, k, k + 1, swaps);
			}

			j = this.median(i, j, k, swaps);
		}

		return [j, swaps.count === 0 ? increasing : swaps.count === 12 ? decreasing : unknown];
	}

	private median(a: number, b: number, c: number, swaps: {count: number}): number {
		const order = (x: number, y: number): [number, number] => {
			if (this.less(y, x)) {
				swaps.count++;
				return [y, x];
			}

			return [x, y];
		};

		[a, b] = order(a, b);
		[b, c] = order(b, c);
		[a, b] = order(a, b);
		return b;
	}

	private reverse(a: number, b: number): void {
		for (let i = a, j = b - 1; i < j; i++, j--) {
			this.swap(i, j);
		}
	}
}
