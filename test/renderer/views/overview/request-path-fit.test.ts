/** The request-path map narrows its nodes and gaps to fit the Overview panel before it scrolls sideways. */
import { describe, expect, it } from 'vitest';
import { COLUMN_GAP, fitColumns, layoutRequestPath, MIN_NODE_WIDTH, NODE_WIDTH, type RequestPath } from '@/views/overview/request-path';

const widthOf = (columns: number, fit: { nodeWidth: number; gap: number }) => columns * fit.nodeWidth + (columns - 1) * fit.gap;

describe('request path fit', () => {
  it('keeps full-size nodes when they fit, and when the width is not known yet', () => {
    expect(fitColumns(4, 1600)).toEqual({ nodeWidth: NODE_WIDTH, gap: COLUMN_GAP });
    expect(fitColumns(7, 0)).toEqual({ nodeWidth: NODE_WIDTH, gap: COLUMN_GAP });
  });

  it('fits the seven columns of photos (record → WAF → rule → target group → compute → DB → replica) at 1280 and 1440 px', () => {
    // The panel's inner width measured in Chromium at 1280 and 1440 px windows.
    for (const available of [1046, 1206]) {
      const fit = fitColumns(7, available);
      expect(fit.nodeWidth).toBeGreaterThanOrEqual(MIN_NODE_WIDTH);
      expect(fit.gap).toBeGreaterThanOrEqual(28);
      expect(widthOf(7, fit)).toBeLessThanOrEqual(available);
    }
  });

  it('stops narrowing at the readable minimum: a wider path then scrolls', () => {
    const fit = fitColumns(12, 1046);
    expect(fit.nodeWidth).toBe(MIN_NODE_WIDTH);
    expect(widthOf(12, fit)).toBeGreaterThan(1046);
  });

  it('places columns with the fitted gap', () => {
    const path: RequestPath = {
      columns: 3,
      edges: [],
      nodes: [0, 1, 2].map((column) => ({ id: `n${column}`, kind: 'rule', column, label: `n${column}`, detail: '', tone: 'ok', reasons: [], route: 'load-balancers', focus: '' })),
    } as RequestPath;
    const layout = layoutRequestPath(path, { nodeWidth: 120, gap: 30 });
    expect(layout.nodes.map((n) => n.x)).toEqual([0, 150, 300]);
    expect(layout.width).toBe(420);
  });
});
