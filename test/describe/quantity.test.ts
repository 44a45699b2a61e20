// Quantities print in the canonical form apimachinery's Quantity.String() gives (each row is a
// case the oracle tests also met through kubectl, or follows from the same rules).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	addQuantities,
	canonicalQuantity,
	compareQuantities,
	formatQuantity,
	parseQuantity,
	scaledValue,
} from '../../source/describe/quantity.js';
import {alignTabs} from '../../source/describe/tab-writer.js';

const canonical: Array<[input: string, printed: string]> = [
	['0.5', '500m'],
	['1000m', '1'],
	['250m', '250m'],
	['1.2', '1200m'],
	['100m', '100m'],
	['1.5Gi', '1536Mi'],
	['0.5Gi', '512Mi'],
	['256Mi', '256Mi'],
	['1024Mi', '1Gi'],
	['1Ki', '1Ki'],
	['512Ki', '512Ki'],
	['268435456', '268435456'],
	['128974848', '128974848'],
	['1000', '1k'],
	['2000000', '2M'],
	['1500k', '1500k'],
	['1.5M', '1500k'],
	['1e3', '1e3'],
	['129e6', '129e6'],
	['0', '0'],
	['0Gi', '0'],
	['1n', '1n'],
	['0.0000000001', '1n'],
	['1.1Gi', '1181116006400m'],
	['100', '100'],
	['1024', '1024'],
	['4Gi', '4Gi'],
	['8', '8'],
	['20', '20'],
];

test('canonical quantities', () => {
	for (const [input, printed] of canonical) {
		assert.equal(canonicalQuantity(input), printed, input);
	}
	assert.equal(canonicalQuantity('not-a-quantity'), 'not-a-quantity');
	assert.equal(parseQuantity('1.2.3'), undefined);
});

test("arithmetic: sums keep the first operand's format, comparison is by value, scaled values round up", () => {
	assert.equal(formatQuantity(addQuantities(parseQuantity('100m')!, parseQuantity('0.4')!)), '500m');
	assert.equal(formatQuantity(addQuantities(parseQuantity('1Gi')!, parseQuantity('512Mi')!)), '1536Mi');
	assert.equal(formatQuantity(addQuantities(parseQuantity('0')!, parseQuantity('1Gi')!)), '1Gi', "a zero takes the other's format");
	assert.equal(compareQuantities(parseQuantity('1')!, parseQuantity('1000m')!), 0);
	assert.equal(compareQuantities(parseQuantity('1Ki')!, parseQuantity('1k')!), 1);
	assert.equal(scaledValue(parseQuantity('1.5')!, 0), 2n);
	assert.equal(scaledValue(parseQuantity('250m')!, -3), 250n);
});

test("the tab writer aligns each run of lines with a cell in a column, as Go's tabwriter", () => {
	assert.equal(
		alignTabs('Name:\tweb\nNamespace:\tdefault\nContainers:\n  a:\n    Image:\tnginx\n    Port:\t80/TCP\n'),
		'Name:       web\nNamespace:  default\nContainers:\n  a:\n    Image:  nginx\n    Port:   80/TCP\n',
	);
	assert.equal(alignTabs('  Type\tStatus\n  Ready \tTrue \n'), '  Type    Status\n  Ready   True \n', 'the last cell is never padded');
	assert.equal(alignTabs('a\t\tb\tc\nlonger\t\tx\ty\n'), 'a         b  c\nlonger    x  y\n', 'an empty column is two spaces wide');
});
