// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import BaseVirtualTable from '@/components/table/BaseVirtualTable.vue';
import type { VirtualColumn } from '@/components/table/virtual-table';
import { filterRows, nextSort, sortRows, visibleRange } from '@/components/table/virtual-table';
import { createAppI18n } from '@/i18n';

interface Row {
  id: number;
  name: string;
  latency: number;
}

const rows: Row[] = Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `target-${String(i).padStart(4, '0')}${i % 7 === 0 ? ' slow' : ''}`, latency: (i * 37) % 1000 }));
const columns: VirtualColumn<Row>[] = [
  { key: 'name', label: 'Name', value: (r) => r.name },
  { key: 'latency', label: 'Latency', value: (r) => r.latency, align: 'right' },
];

function mountTable() {
  return mount(BaseVirtualTable, {
    props: { rows, columns: columns as VirtualColumn<unknown>[], rowKey: (r: unknown) => String((r as Row).id), rowHeight: 28, height: 280, rowAttrs: (r: unknown) => ({ 'data-id': (r as Row).id }) },
    global: { plugins: [createAppI18n('en')] },
  });
}

describe('BaseVirtualTable', () => {
  it('renders only the rows in view (plus overscan) out of 2,000', () => {
    const wrapper = mountTable();
    const rendered = wrapper.findAll('[data-testid="virtual-row"]');
    expect(rendered.length).toBeLessThanOrEqual(280 / 28 + 6);
    expect(rendered.length).toBeGreaterThan(5);
    expect(wrapper.get('[data-testid="virtual-table"]').attributes('data-row-count')).toBe('2000');
    expect(wrapper.get('.vtable__spacer').attributes('style')).toContain('height: 56000px');
  });

  it('renders the rows at the scroll position', async () => {
    const wrapper = mountTable();
    const viewport = wrapper.get('.vtable__viewport').element as HTMLElement;
    viewport.scrollTop = 28 * 1000;
    await wrapper.get('.vtable__viewport').trigger('scroll');
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    await flushPromises();
    const ids = wrapper.findAll('[data-testid="virtual-row"]').map((row) => Number(row.attributes('data-id')));
    expect(ids).toContain(1000);
    expect(Math.min(...ids)).toBeGreaterThanOrEqual(994);
    expect(ids.length).toBeLessThanOrEqual(10 + 2 * 6);
  });

  it('sorts on a header click and filters on every word', async () => {
    const wrapper = mountTable();
    await wrapper.get('[data-testid="sort-latency"]').trigger('click');
    await wrapper.get('[data-testid="sort-latency"]').trigger('click'); // descending
    expect(wrapper.get('[data-testid="virtual-row"]').text()).toContain('999');
    await wrapper.get('[data-testid="table-filter"]').setValue('slow 01');
    expect(Number(wrapper.get('[data-testid="virtual-table"]').attributes('data-row-count'))).toBe(rows.filter((r) => `${r.name} ${r.latency}`.includes('slow') && `${r.name} ${r.latency}`.includes('01')).length);
  });

  it('uses a cell slot when given one', () => {
    const wrapper = mount(BaseVirtualTable, {
      props: { rows: rows.slice(0, 3), columns: columns as VirtualColumn<unknown>[], rowKey: (r: unknown) => String((r as Row).id) },
      slots: { 'cell-name': ({ row }: { row: unknown }) => h('b', { class: 'custom' }, (row as Row).name.toUpperCase()) },
      global: { plugins: [createAppI18n('en')] },
    });
    expect(wrapper.findAll('.custom').map((b) => b.text())).toEqual(['TARGET-0000 SLOW', 'TARGET-0001', 'TARGET-0002']);
  });
});

describe('virtual table logic', () => {
  it('computes the visible range with overscan, clamped to the rows', () => {
    expect(visibleRange(0, 280, 28, 2000)).toEqual({ start: 0, end: 16 });
    expect(visibleRange(28 * 1995, 280, 28, 2000)).toEqual({ start: 1989, end: 2000 });
  });

  it('sorts numbers numerically and text naturally, stable, and cycles asc → desc → none', () => {
    const list = [{ n: 'b10' }, { n: 'b9' }, { n: 'a' }];
    const cols: VirtualColumn<{ n: string }>[] = [{ key: 'n', label: 'n', value: (r) => r.n }];
    expect(sortRows(list, cols, { key: 'n', direction: 'asc' }).map((r) => r.n)).toEqual(['a', 'b9', 'b10']);
    expect(filterRows(list, cols, 'B1')).toEqual([{ n: 'b10' }]);
    expect(nextSort(null, 'n')).toEqual({ key: 'n', direction: 'asc' });
    expect(nextSort({ key: 'n', direction: 'asc' }, 'n')).toEqual({ key: 'n', direction: 'desc' });
    expect(nextSort({ key: 'n', direction: 'desc' }, 'n')).toBeNull();
  });
});
