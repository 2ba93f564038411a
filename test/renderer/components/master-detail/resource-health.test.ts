/** A master list's health: core's verdict over the resource's own guess, and one column for every list. */
import { describe, expect, it } from 'vitest';
import { healthColumn, listHealth, type ListHealth } from '@/components/master-detail/resource-health';
import { sortRows } from '@/components/table/virtual-table';

describe('list health', () => {
  it("takes core's verdict in its own tone, and the guess only while core has none", () => {
    expect(listHealth({ status: 'failing' }, 'ok')).toEqual({ status: 'failing', tone: 'bad' });
    expect(listHealth(undefined, 'warn')).toEqual({ status: 'degraded', tone: 'warn' });
    expect(listHealth(undefined, 'neutral')).toEqual({ status: 'unknown', tone: 'neutral' });
  });

  it('is one column that shows the words and sorts worst first', () => {
    const column = healthColumn<{ health: ListHealth }>((key) => `«${key}»`);
    const rows = (['ok', 'unknown', 'failing', 'degraded'] as const).map((status) => ({ health: { status, tone: 'ok' as const } }));
    expect(column.label).toBe('«resourceLists.health»');
    expect(column.value(rows[0]!)).toBe('«health.status.ok»');
    expect(sortRows(rows, [column], { key: 'health', direction: 'asc' }).map((r) => r.health.status)).toEqual(['failing', 'degraded', 'unknown', 'ok']);
  });
});
