/**
 * Chart colours per theme, matched to the CSS tokens in styles/main.css, so a chart in the dark
 * theme is as legible as the page around it (ECharts' own dark theme only darkens the background).
 */
import type { ChartTheme } from '@/composables/use-chart';
import type { Tone } from '@/utils/tone';

export interface ChartPalette {
  series: string[];
  text: string;
  grid: string;
  axis: string;
  tones: Record<Tone, string>;
}

export const PALETTES: Record<ChartTheme, ChartPalette> = {
  light: {
    series: ['#1f6feb', '#1a7f37', '#d1660f', '#8250df', '#cf222e', '#0a7b83', '#9a6700', '#57606a'],
    text: '#57606a',
    grid: '#e4e7eb',
    axis: '#d0d7de',
    tones: { ok: '#1a7f37', bad: '#cf222e', warn: '#9a6700', info: '#0969da', neutral: '#6e7781' },
  },
  dark: {
    series: ['#58a6ff', '#3fb950', '#f0883e', '#d2a8ff', '#f85149', '#39c5cf', '#d29922', '#8b949e'],
    text: '#9aa4af',
    grid: '#2d333b',
    axis: '#30363d',
    tones: { ok: '#3fb950', bad: '#f85149', warn: '#d29922', info: '#58a6ff', neutral: '#8b949e' },
  },
};
