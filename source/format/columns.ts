/**
 * Column definitions as a server-side Table declares them (`metav1.TableColumnDefinition`),
 * shared by every kind's formatter, the sandbox's Tables and the TUI's headers.
 */

/** A column as a server-side Table's columnDefinitions declare it; header text is name.toUpperCase(). */
export interface Column {
	name: string;
	type: 'string' | 'integer' | 'date';
	format: string;
	priority: 0 | 1;
	description: string;
}

/** How a row stands, for colour: the pods pane colours STATUS by it, the header counts it. */
export type Health = 'ok' | 'progressing' | 'warning' | 'failed' | 'completed' | 'terminating';

/**
 * A column of a kind kpods lists in a pane: the server's definition, its cell, and how a pane
 * lays it out. The attributes live here, with the column, so no pane sets them by position.
 */
export interface RowColumn<Row> extends Column {
	/** The cell at `now` (epoch ms); only ticking cells read the clock. */
	cell(row: Row, now: number): string;
	/** Narrow terminals drop the columns with the lowest rank first; undefined: never dropped. */
	dropRank?: number;
	/** Cut with '…' (once nothing more can be dropped) instead of overflowing. */
	shrink?: boolean;
	/**
	 * The cell changes with the clock (AGE, RESTARTS): the moment (epoch ms) its text next changes
	 * after `now`, Infinity for never. Panes measure it on the rows on screen only, and redraw then.
	 */
	ticks?(row: Row, now: number): number;
	/** The cell's colour, by how the row stands; undefined (no function, or none for this row): not coloured. */
	colour?(row: Row): Health | undefined;
}

/** Just the server's definition of a column, in the key order of a Table's columnDefinitions. */
export function columnDefinition({name, type, format, description, priority}: Column): Column {
	return {name, type, format, description, priority};
}

/** The cells of a row, in column order, at `now`. */
export function cellsOf<Row>(columns: ReadonlyArray<RowColumn<Row>>, row: Row, now: number): string[] {
	return columns.map(column => column.cell(row, now));
}

/**
 * The header kubectl prints for a column (cli-runtime `printTable`: `strings.ToUpper(column.Name)`).
 * @example headerOf(podColumns[7]) // 'NOMINATED NODE'
 */
export function headerOf(column: Column): string {
	return column.name.toUpperCase();
}

// The descriptions below are the API's Swagger docs the server copies into columnDefinitions.
// NAME and AGE are taken verbatim from a real server's Table (reference/api-responses/table-pods.txt).

/** `metav1.ObjectMeta{}.SwaggerDoc()["name"]` as a server sends it. */
export const nameDescription =
	'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: http://kubernetes.io/docs/user-guide/identifiers#names';

/** `metav1.ObjectMeta{}.SwaggerDoc()["creationTimestamp"]` as a server sends it. */
export const ageDescription =
	'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** The NAME column every kind starts with. */
export const nameColumn: Column = {name: 'Name', type: 'string', format: 'name', priority: 0, description: nameDescription};

/** The AGE column (`translateTimestampSince(creationTimestamp)`). */
export const ageColumn: Column = {name: 'Age', type: 'string', format: '', priority: 0, description: ageDescription};

/** A plain string column. */
export function stringColumn(name: string, description: string, priority: 0 | 1 = 0): Column {
	return {name, type: 'string', format: '', priority, description};
}

/** A column with its cell and its pane attributes. */
export function rowColumn<Row>(
	column: Column,
	cell: RowColumn<Row>['cell'],
	attributes: Omit<Partial<RowColumn<Row>>, keyof Column | 'cell'> = {},
): RowColumn<Row> {
	return {...column, cell, ...attributes};
}

/** What kubectl writes to stderr when a list is empty (kubectl `get.go`). */
export function noResourcesMessage(namespace?: string): string {
	return namespace ? `No resources found in ${namespace} namespace.` : 'No resources found';
}
