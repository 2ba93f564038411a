/**
 * happy-dom has no canvas: tests replace `echarts/core` with this recorder of what the app asks
 * ECharts to draw. Use as `vi.mock('echarts/core', () => import('../support/echarts-mock'))`.
 */
import { vi } from 'vitest';

export const chart = {
  init: vi.fn(),
  setOption: vi.fn(),
  setTheme: vi.fn(),
  dispose: vi.fn(),
  resize: vi.fn(),
  getDataURL: vi.fn(() => 'data:image/png;base64,AAAA'),
  connect: vi.fn(),
  disconnect: vi.fn(),
  on: vi.fn(),
  getOption: vi.fn(() => ({ dataZoom: [{ start: 0, end: 100 }] })),
  dispatchAction: vi.fn(),
  /** zrender's, through getZr(). */
  setSleepAfterStill: vi.fn(),
};

export const use = vi.fn();
export const connect = chart.connect;
export const disconnect = chart.disconnect;
export const init = chart.init.mockImplementation(() => ({
  setOption: chart.setOption,
  setTheme: chart.setTheme,
  dispose: chart.dispose,
  resize: chart.resize,
  getDataURL: chart.getDataURL,
  on: chart.on,
  getOption: chart.getOption,
  dispatchAction: chart.dispatchAction,
  getZr: () => ({ setSleepAfterStill: chart.setSleepAfterStill }),
  group: '',
}));

/** The series of every full option handed to setOption, for assertions. */
export function fullOptions(): { series: { id: string; data: unknown[] }[]; [key: string]: unknown }[] {
  return chart.setOption.mock.calls.map((call) => call[0]).filter((option) => option && option.useUTC === true);
}
