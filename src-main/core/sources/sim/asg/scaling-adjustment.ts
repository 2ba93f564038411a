/**
 * Simple and step scaling arithmetic (ASG-2, ASG-4).
 * docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html
 */
import type { AdjustmentType, SimStepAdjustment } from './asg-state';

/**
 * The change a PercentChangeInCapacity adjustment makes (ASG-2): values above 1 round down
 * (12.7 → 12), between 0 and 1 become 1, between 0 and −1 become −1, below −1 round up (−6.67 → −6);
 * MinAdjustmentMagnitude raises a smaller change to that magnitude (25 % of 4 with min 2 → +2).
 */
export function percentChange(current: number, percent: number, minAdjustmentMagnitude?: number): number {
  const exact = (current * percent) / 100;
  let change: number;
  if (exact > 1) change = Math.floor(exact);
  else if (exact > 0) change = 1;
  else if (exact === 0) change = 0;
  else if (exact > -1) change = -1;
  else change = Math.ceil(exact);
  if (minAdjustmentMagnitude !== undefined && change !== 0 && Math.abs(change) < minAdjustmentMagnitude) {
    change = Math.sign(change) * minAdjustmentMagnitude;
  }
  return change;
}

/** The capacity an adjustment asks for, before clamping to [MinSize, MaxSize]. */
export function adjustedCapacity(current: number, type: AdjustmentType, adjustment: number, minAdjustmentMagnitude?: number): number {
  switch (type) {
    case 'ChangeInCapacity':
      return current + adjustment;
    case 'ExactCapacity':
      return adjustment;
    case 'PercentChangeInCapacity':
      return current + percentChange(current, adjustment, minAdjustmentMagnitude);
  }
}

/**
 * The step adjustment for a metric value (ASG-4). Bounds are relative to the alarm threshold. When the
 * metric is above the threshold the lower bound is inclusive and the upper bound exclusive; below the
 * threshold the upper bound is inclusive and the lower bound exclusive
 * (docs.aws.amazon.com/autoscaling/ec2/APIReference/API_StepAdjustment.html). Exactly at the threshold
 * both readings apply: a step `[0, x)` of a scale-out policy and a step `(x, 0]` of a scale-in policy
 * (an alarm `<= threshold` breaches there) both match, so the metric at the threshold is never stepless.
 */
export function selectStep(steps: readonly SimStepAdjustment[], metricValue: number, threshold: number): SimStepAdjustment | undefined {
  const difference = metricValue - threshold;
  const bounds = (step: SimStepAdjustment) => [step.lower ?? -Infinity, step.upper ?? Infinity] as const;
  const aboveReading = (step: SimStepAdjustment) => {
    const [lower, upper] = bounds(step);
    return difference >= lower && difference < upper;
  };
  const belowReading = (step: SimStepAdjustment) => {
    const [lower, upper] = bounds(step);
    return difference > lower && difference <= upper;
  };
  if (difference > 0) return steps.find(aboveReading);
  if (difference < 0) return steps.find(belowReading);
  return steps.find(aboveReading) ?? steps.find(belowReading);
}
