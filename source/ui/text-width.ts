// Ink measures every text node on screen again on every frame (render-node-to-output calls
// widest-line, which strips the colour codes and scans each line): under a watch storm that was
// ~7% of kpods' CPU and a sixth of its garbage for ~45 rows that rarely change (bench/churn.ts).
// The bundle gives Ink this instead (scripts/ink-text-width-plugin.js): the same function,
// remembering the widths of the texts it was asked about lately.
import widestLine from '../../node_modules/widest-line/index.js';

const widths = new Map<string, number>();
/** Enough for a few screens of lines; past it the memory starts again. */
const keep = 4000;

/** widest-line's answer (the widest line's width in terminal cells), remembered. */
export default function rememberedWidestLine(text: string): number {
	let width = widths.get(text);
	if (width === undefined) {
		width = widestLine(text);
		if (widths.size >= keep) {
			widths.clear();
		}
		widths.set(text, width);
	}
	return width;
}
