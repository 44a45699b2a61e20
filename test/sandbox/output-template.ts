// Compares whole kubectl output with what a real cluster prints, masking only what differs
// from cluster to cluster: generated names, IPs, ages, dates, durations and sizes.
import assert from 'node:assert/strict';

// Placeholders a template may use, and what each one accepts.
const masks: Record<string, string> = {
	AGE: String.raw`\d+[smhdy](?:\d+[smh])?`,
	IP: String.raw`\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}`,
	SUFFIX: '[a-z0-9]{5}',
	HASH: '[a-z0-9]{8,10}',
	HEX: '[0-9a-f]+',
	DATE: String.raw`[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}`,
	DURATION: String.raw`[\d.]+(?:ms|s|m[\d.]+s)`,
	NUMBER: String.raw`\d+`,
};

function lineRegex(template: string): RegExp {
	let pattern = '';
	const parts = template.split(/(\{\{[A-Z]+\}\}| {2,})/);
	for (const part of parts) {
		const mask = /^\{\{([A-Z]+)\}\}$/.exec(part);
		if (mask) {
			assert.ok(masks[mask[1]!], `unknown placeholder ${part}`);
			pattern += masks[mask[1]!];
		} else if (/^ {2,}$/.test(part)) {
			// Column gaps depend on the widths of masked cells; kubectl keeps at least two spaces.
			pattern += ' {2,}';
		} else {
			pattern += part.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
		}
	}

	return new RegExp(`^${pattern}$`);
}

/** Asserts that `actual` is `template` line for line, placeholders and column gaps aside. */
export function assertOutput(actual: string, template: string, label: string): void {
	const actualLines = actual.replace(/\n$/, '').split('\n');
	const templateLines = template.replace(/^\n/, '').replace(/\n$/, '').split('\n');
	const report = `${label}\n--- actual ---\n${actual}\n--- expected (template) ---\n${template}`;
	assert.equal(actualLines.length, templateLines.length, `line count differs: ${report}`);
	for (const [index, line] of templateLines.entries()) {
		assert.match(actualLines[index]!, lineRegex(line), `line ${index + 1} differs: ${report}`);
	}
}
