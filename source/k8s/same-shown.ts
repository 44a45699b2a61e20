/**
 * Fields a server rewrites with nothing a row, a tab count or a pane shows changing: every write
 * moves resourceVersion (and managedFields' time), and a kubelet's status heartbeat moves only its
 * node conditions' lastHeartbeatTime (every 10 s on the lab). Describe shows lastHeartbeatTime,
 * which is why a store still hands such a change to its `subscribe` listeners (the open detail).
 */
const unshown = new Set(['resourceVersion', 'managedFields', 'lastHeartbeatTime']);

/**
 * Whether two items (a store's rows, or objects) are equal apart from the fields nothing on the
 * screen shows but the detail: a watch event that changes only those need not draw a frame.
 * @example sameShown(nodeRow(node), nodeRow(heartbeatOf(node))) // true
 */
export function sameShown(before: unknown, after: unknown): boolean {
	if (before === after) {
		return true;
	}
	if (typeof before !== 'object' || typeof after !== 'object' || before === null || after === null) {
		return false;
	}
	if (Array.isArray(before)) {
		return Array.isArray(after) && before.length === after.length && before.every((value, index) => sameShown(value, after[index]));
	}
	// Anything but a plain object (a Date, a typed array) is compared by identity: when unsure, it shows.
	if (Array.isArray(after) || !isPlain(before) || !isPlain(after)) {
		return false;
	}
	const a = before as Record<string, unknown>;
	const b = after as Record<string, unknown>;
	const keys = compared(a, b);
	if (keys.length !== compared(b, a).length) {
		return false;
	}
	return keys.every(key => Object.hasOwn(b, key) && sameShown(a[key], b[key]));
}

/** A list's items carry no apiVersion and kind, a watch event's object does: absent on one side, they are not compared. */
const listOmits = new Set(['apiVersion', 'kind']);

function compared(from: Record<string, unknown>, other: Record<string, unknown>): string[] {
	return Object.keys(from).filter(key => from[key] !== undefined && !unshown.has(key) && !(listOmits.has(key) && other[key] === undefined));
}

function isPlain(value: object): boolean {
	const prototype = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}
