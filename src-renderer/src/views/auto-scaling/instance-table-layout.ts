/**
 * The Auto Scaling instance table's column widths and the panel width at which it may sit beside the
 * policies (AutoScalingGroupPanel.vue's container query). Kept together so the table is never given
 * less room than its columns need: at 1440 px it got 490 px for about 700 px of columns, and CPU %
 * and launch time were cut off (operator review). The sum (with the scrollbar) stays under the 694 px
the panel has in a 1280 px window, where the table is stacked under the activities at full width.
 */
export const INSTANCE_COLUMN_WIDTHS = {
  id: 'minmax(150px, 1.2fr)',
  lifecycle: '100px',
  zone: '100px',
  health: '96px',
  cpu: '64px',
  launch: '160px',
} as const;

/** Room for the table's vertical scrollbar, which takes its width from the rows. */
const SCROLLBAR_ALLOWANCE = 16;

/** The smallest pixel width of a grid track (`120px`, `minmax(150px, 1fr)`). */
export function trackMinWidth(track: string): number {
  const match = /(\d+(?:\.\d+)?)px/.exec(track);
  return match ? Number(match[1]) : 0;
}

export const INSTANCE_TABLE_MIN_WIDTH = Object.values(INSTANCE_COLUMN_WIDTHS).reduce((sum, track) => sum + trackMinWidth(track), SCROLLBAR_ALLOWANCE);

/** AutoScalingGroupPanel.vue: instances 3fr beside policies 2fr, 16 px apart, from this panel width (its `@container` rule says the same number). */
export const ASG_TWO_COLUMNS_MIN_WIDTH = 1160;
export const ASG_COLUMN_GAP = 16;

/** The instance table's width in the two-column layout at a given panel width. */
export function instanceColumnWidth(panelWidth: number): number {
  return ((panelWidth - ASG_COLUMN_GAP) * 3) / 5;
}
