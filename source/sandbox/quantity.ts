/**
 * resource.Quantity as far as validation needs it: the value (exact, in nano units) and the
 * canonical text the API server prints in messages (`1000m` → `1`, `1024Mi` → `1Gi`).
 */

const decimalSuffixes: Record<string, number> = {n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18};
const binarySuffixes: Record<string, number> = {Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6};
const nano = 10n ** 9n;

/** A parsed quantity: its value in nano units, rounded up as the API server rounds, and its format. */
export interface Quantity {
	nanos: bigint;
	format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

/** Parses a quantity (`500m`, `1.5Gi`, `2`, `1e3`); undefined when it is not one. */
export function parseQuantity(text: string): Quantity | undefined {
	const match = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(text.trim());
	if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
		return undefined;
	}

	const [, sign, whole = '', fraction = '', suffix = ''] = match;
	let format: Quantity['format'] = 'DecimalSI';
	let multiplier: bigint;
	let divisor = 1n;
	if (suffix in binarySuffixes) {
		format = 'BinarySI';
		multiplier = 1024n ** BigInt(binarySuffixes[suffix]!);
	} else if (suffix in decimalSuffixes) {
		const exponent = decimalSuffixes[suffix]!;
		multiplier = exponent >= 0 ? 10n ** BigInt(exponent) : 1n;
		divisor = exponent < 0 ? 10n ** BigInt(-exponent) : 1n;
	} else if (/^[eE][-+]?\d+$/.test(suffix)) {
		format = 'DecimalExponent';
		const exponent = Number(suffix.slice(1));
		multiplier = exponent >= 0 ? 10n ** BigInt(exponent) : 1n;
		divisor = exponent < 0 ? 10n ** BigInt(-exponent) : 1n;
	} else {
		return undefined;
	}

	const digits = BigInt(`${whole}${fraction}` || '0');
	const scale = 10n ** BigInt(fraction.length);
	// nanos = digits / scale * multiplier / divisor * 1e9, rounded up.
	const numerator = digits * multiplier * nano;
	const denominator = scale * divisor;
	let nanos = numerator / denominator;
	if (numerator % denominator !== 0n) {
		nanos += 1n;
	}

	return {nanos: sign === '-' ? -nanos : nanos, format};
}

/** The canonical text of a quantity, as Quantity.String() prints it. */
export function canonicalQuantity(quantity: Quantity): string {
	const {nanos} = quantity;
	const negative = nanos < 0n;
	const magnitude = negative ? -nanos : nanos;
	const sign = negative ? '-' : '';
	const integral = magnitude % nano === 0n;
	if (quantity.format === 'BinarySI' && integral && magnitude >= 1024n * nano) {
		const value = magnitude / nano;
		for (const [suffix, power] of Object.entries(binarySuffixes).reverse()) {
			const unit = 1024n ** BigInt(power);
			if (value % unit === 0n) {
				return `${sign}${value / unit}${suffix}`;
			}
		}

		return `${sign}${value}`;
	}

	if (magnitude === 0n) {
		return '0';
	}

	const exponential = quantity.format === 'DecimalExponent';
	for (const [suffix, exponent] of Object.entries(decimalSuffixes).sort((a, b) => b[1] - a[1])) {
		const unit = exponent + 9 >= 0 ? 10n ** BigInt(exponent + 9) : 1n;
		if (magnitude % unit === 0n) {
			const mantissa = magnitude / unit;
			const shown = exponential ? (exponent === 0 ? '' : `e${exponent}`) : suffix;
			return `${sign}${mantissa}${shown}`;
		}
	}

	return `${sign}${magnitude}n`;
}

/** `-1`, `0` or `1` as `a` is less than, equal to or greater than `b`. */
export function compareQuantities(a: Quantity, b: Quantity): number {
	return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}
