/**
 * Kubernetes resource quantities (apimachinery `resource.Quantity`): parsed exactly (BigInt
 * mantissa × 10^exponent, rounded up to nano units as the parser does) and printed in the
 * canonical form `Quantity.String()` gives, which is what describe shows ("1536Mi", "500m").
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** An exact quantity: `mantissa × 10^exponent`, with the format its suffix implies. */
export interface Quantity {
	mantissa: bigint;
	exponent: number;
	format: QuantityFormat;
}

const binary: Record<string, number> = {Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60};
const decimal: Record<string, number> = {n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18};
const decimalSuffix = Object.fromEntries(Object.entries(decimal).map(([suffix, exponent]) => [exponent, suffix]));

/** The zero quantity (what kubectl prints for an absent resource: "0"). */
export const zeroQuantity: Quantity = {mantissa: 0n, exponent: 0, format: 'DecimalSI'};

/** Parses a quantity string or number; undefined when it is not one. */
export function parseQuantity(input: string | number | undefined): Quantity | undefined {
	if (input === undefined) {
		return undefined;
	}
	const text = String(input).trim();
	const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(text);
	if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
		return undefined;
	}
	const [, sign, whole, fraction = '', suffix, power] = match;
	let mantissa = BigInt(`${whole}${fraction}` || '0');
	let exponent = -fraction.length;
	let format: QuantityFormat = 'DecimalSI';
	if (power !== undefined) {
		exponent += Number(power);
		format = 'DecimalExponent';
	} else if (suffix !== undefined && suffix in binary) {
		mantissa *= 1n << BigInt(binary[suffix]!);
		format = 'BinarySI';
	} else if (suffix !== undefined) {
		exponent += decimal[suffix]!;
	}

	// Precision beyond nano units is rounded up, away from zero's floor (as apimachinery does).
	if (exponent < -9) {
		const divisor = 10n ** BigInt(-9 - exponent);
		const rounded = mantissa / divisor + (mantissa % divisor === 0n ? 0n : 1n);
		mantissa = rounded;
		exponent = -9;
	}

	return {mantissa: sign === '-' ? -mantissa : mantissa, exponent, format};
}

/** The value scaled to 10^scale, rounded up (Quantity.ScaledValue). */
export function scaledValue(quantity: Quantity, scale: number): bigint {
	const shift = quantity.exponent - scale;
	if (shift >= 0) {
		return quantity.mantissa * 10n ** BigInt(shift);
	}
	const divisor = 10n ** BigInt(-shift);
	const quotient = quantity.mantissa / divisor;
	return quantity.mantissa % divisor > 0n ? quotient + 1n : quotient;
}

/** Compares two quantities by value: -1, 0 or 1. */
export function compareQuantities(a: Quantity, b: Quantity): number {
	const scale = Math.min(a.exponent, b.exponent);
	const left = scaledValue(a, scale);
	const right = scaledValue(b, scale);
	return left < right ? -1 : left > right ? 1 : 0;
}

/** a + b, in a's format unless a is zero (Quantity.Add). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
	const scale = Math.min(a.exponent, b.exponent);
	return {mantissa: scaledValue(a, scale) + scaledValue(b, scale), exponent: scale, format: a.mantissa === 0n ? b.format : a.format};
}

/** The canonical text of a quantity (Quantity.String). */
export function formatQuantity(quantity: Quantity): string {
	let {mantissa, exponent} = quantity;
	if (mantissa === 0n) {
		return '0';
	}
	let format = quantity.format;
	if (format === 'BinarySI') {
		const whole = exponent >= 0 ? mantissa * 10n ** BigInt(exponent) : undefined;
		const exact = whole !== undefined || mantissa % 10n ** BigInt(-exponent) === 0n;
		const value = whole ?? mantissa / 10n ** BigInt(-exponent);
		if (!exact || (value > -1024n && value < 1024n)) {
			format = 'DecimalSI';
		} else {
			let amount = value;
			let power = 0;
			while (power < 6 && amount % 1024n === 0n) {
				amount /= 1024n;
				power++;
			}

			return `${amount}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][power]}`;
		}
	}

	while (mantissa % 10n === 0n) {
		mantissa /= 10n;
		exponent++;
	}

	const remainder = ((exponent % 3) + 3) % 3;
	mantissa *= 10n ** BigInt(remainder);
	exponent -= remainder;
	if (exponent === 0) {
		return String(mantissa);
	}
	if (format === 'DecimalSI' && exponent in decimalSuffix) {
		return `${mantissa}${decimalSuffix[exponent]}`;
	}
	return `${mantissa}e${exponent}`;
}

/** Canonical text of a quantity string; the input unchanged when it does not parse. */
export function canonicalQuantity(text: string | number | undefined): string {
	const parsed = parseQuantity(text);
	return parsed ? formatQuantity(parsed) : String(text ?? '');
}
