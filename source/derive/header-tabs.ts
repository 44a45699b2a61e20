/**
 * The header's second line: one tab per pane with its row count, then pod health and `? help`.
 * Six tabs do not fit 80 columns with their full titles, so the line gives way in steps until
 * it fits: titles but the current tab's shorten to the panes' `:` aliases (pod health says more than a long title),
 * then pod health goes, then the `? help` hint, then only the current tab keeps its count, then keys alone.
 * A tab without a count (its store not listed yet) shows none: "0" there would be a false count.
 */

/** What a tab is made from. */
export interface TabSource<Id extends string> {
	id: Id;
	key: string;
	title: string;
	short: string;
}

export interface TabLine<Id extends string> {
	tabs: Array<{id: Id; text: string}>;
	/** Pod health (when it fits) and the help hint, at the right end. */
	right: string;
}

/** A tab's count: rows, the tutorial's progress, or undefined while its store has not been listed. */
export type TabCount = number | string | undefined;

type Labeler = (tab: TabSource<string>, count: TabCount, current: boolean) => string;

const after = (count: TabCount) => (count === undefined ? ' ' : ` ${count} `);
const full: Labeler = (tab, count) => ` ${tab.key} ${tab.title}${after(count)}`;
// The current tab keeps its full title while the others can shorten: it names what is on screen.
const short: Labeler = (tab, count, current) => ` ${tab.key} ${current ? tab.title : tab.short}${after(count)}`;
const currentCount: Labeler = (tab, count, current) => (current ? ` ${tab.key} ${tab.title}${after(count)}` : ` ${tab.key} ${tab.short} `);
const keysOnly: Labeler = (tab, count, current) => (current ? ` ${tab.key} ${tab.short}${after(count)}` : ` ${tab.key} `);

/** The widest form of the tab line that fits `width` (the last, narrowest one when none does). */
export function fitTabLine<Id extends string>(
	sources: ReadonlyArray<TabSource<Id>>,
	counts: Readonly<Record<Id, TabCount>>,
	current: Id,
	health: string,
	help: string,
	width: number,
): TabLine<Id> {
	const withHealth = health ? `${health}  ${help}` : help;
	// With nothing at the right end no space is kept for it.
	const steps: Array<[Labeler, string]> = [
		[full, withHealth],
		[short, withHealth],
		[full, help],
		[short, help],
		// The help hint is left out whole (the footer has it too), never cut.
		[short, ''],
		[currentCount, ''],
		[keysOnly, ''],
	];
	let line: TabLine<Id> | undefined;
	for (const [label, right] of steps) {
		const tabs = sources.map(tab => ({id: tab.id, text: label(tab, counts[tab.id], tab.id === current)}));
		line = {tabs, right};
		// Tabs are joined by one space, and at least one space parts them from the right end.
		const used = tabs.reduce((sum, tab) => sum + tab.text.length, 0) + tabs.length - 1 + (right ? 1 + right.length : 0);
		if (used <= width) {
			return line;
		}
	}

	return line!;
}
