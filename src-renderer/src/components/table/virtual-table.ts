/** The pure parts of BaseVirtualTable: filtering, sorting and which rows a scroll position shows. */
export interface VirtualColumn<Row> {
  key: string;
  /** Translated header. */
  label: string;
  /** CSS grid track, e.g. '160px' or 'minmax(120px, 2fr)'. */
  width?: string;
  /** The cell's plain value: shown when no slot is given, and used to sort and filter. */
  value: (row: Row) => string | number | undefined;
  /** What the column sorts by when that is not the shown value (health: worst first, not alphabetical). */
  sortValue?: (row: Row) => string | number | undefined;
  sortable?: boolean;
  mono?: boolean;
  align?: 'left' | 'right';
}

export type SortDirection = 'asc' | 'desc';
export interface SortState {
  key: string;
  direction: SortDirection;
}

export function filterRows<Row>(rows: readonly Row[], columns: readonly VirtualColumn<Row>[], query: string): readonly Row[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return rows;
  const terms = needle.split(/\s+/);
  return rows.filter((row) => {
    const haystack = columns.map((column) => String(column.value(row) ?? '')).join(' ').toLowerCase();
    return terms.every((term) => haystack.includes(term));
  });
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function sortRows<Row>(rows: readonly Row[], columns: readonly VirtualColumn<Row>[], sort: SortState | null): readonly Row[] {
  if (!sort) return rows;
  const column = columns.find((c) => c.key === sort.key);
  if (!column) return rows;
  const sign = sort.direction === 'asc' ? 1 : -1;
  // Decorate once: value() may format, and sort calls the comparator n log n times.
  return rows
    .map((row, index) => ({ row, index, value: (column.sortValue ?? column.value)(row) }))
    .sort((a, b) => {
      const x = a.value;
      const y = b.value;
      let order: number;
      if (x === undefined || y === undefined) order = x === y ? 0 : x === undefined ? 1 : -1;
      else if (typeof x === 'number' && typeof y === 'number') order = x - y;
      else order = collator.compare(String(x), String(y));
      return order * sign || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/** Next sort on a header click: ascending → descending → as given. */
export function nextSort(current: SortState | null, key: string): SortState | null {
  if (!current || current.key !== key) return { key, direction: 'asc' };
  if (current.direction === 'asc') return { key, direction: 'desc' };
  return null;
}

/** The slice of rows to render for a scroll position, with a few rows of overscan either side. */
export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 6): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(viewportHeight / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(total, first + count + overscan) };
}
