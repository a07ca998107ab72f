/**
 * Chart colours for light and dark mode. SVG attributes cannot read CSS variables, so charts pick
 * from these in script (see usePrefersDark); both sets keep at least 3:1 contrast with the card.
 */
const LIGHT = {
  series: ['#0b6e4f', '#2563eb', '#c2410c', '#7c3aed', '#be185d', '#0e7490', '#4d7c0f', '#64748b'],
  grid: '#e3e6ea',
  axis: '#5f6b76',
  area: '#0b6e4f',
  positive: '#11743f',
  negative: '#c2410c',
};
const DARK = {
  series: ['#3fb68b', '#60a5fa', '#fb923c', '#a78bfa', '#f472b6', '#22d3ee', '#a3e635', '#94a3b8'],
  grid: '#2a3036',
  axis: '#a0aab4',
  area: '#3fb68b',
  positive: '#4cc38a',
  negative: '#fb923c',
};

export type ChartPalette = typeof LIGHT;

export function chartPalette(dark: boolean): ChartPalette {
  return dark ? DARK : LIGHT;
}

/** An id usable inside `url(#…)` (React's ids hold characters SVG references do not accept). */
export function svgId(reactId: string): string {
  return `g${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
}
