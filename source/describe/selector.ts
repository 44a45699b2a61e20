import type {LabelSelector} from './types.js';
import {byteOrder} from './writer.js';

/** metav1.FormatLabelSelector: requirements sorted by key, `<none>` when empty. */
export function formatLabelSelector(selector: LabelSelector): string {
	const requirements: Array<[key: string, text: string]> = [];
	for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
		requirements.push([key, `${key}=${value}`]);
	}
	for (const expression of selector.matchExpressions ?? []) {
		const values = [...(expression.values ?? [])].sort(byteOrder).join(',');
		const text =
			expression.operator === 'In'
				? `${expression.key} in (${values})`
				: expression.operator === 'NotIn'
					? `${expression.key} notin (${values})`
					: expression.operator === 'Exists'
						? expression.key
						: expression.operator === 'DoesNotExist'
							? `!${expression.key}`
							: undefined;
		if (text === undefined) {
			return '<error>';
		}
		requirements.push([expression.key, text]);
	}

	const text = requirements
		.sort((a, b) => byteOrder(a[0], b[0]))
		.map(([, each]) => each)
		.join(',');
	return text || '<none>';
}
