/**
 * The heatmap's colour scale: five steps of 20 points from a diverging
 * red–yellow–blue palette (ColorBrewer RdYlBu, safe for the common forms of
 * colour blindness), with the value printed in every cell so that colour is
 * never the only cue. Text colour is picked per step for contrast.
 */
export interface ScoreStep {
  /** Lowest score of the step, inclusive. */
  from: number;
  /** Highest score of the step, exclusive (100 inclusive for the last). */
  to: number;
  background: string;
  text: string;
}

export const SCORE_STEPS: ReadonlyArray<ScoreStep> = [
  { from: 0, to: 20, background: '#d7191c', text: '#ffffff' },
  { from: 20, to: 40, background: '#fdae61', text: '#1a1a1a' },
  { from: 40, to: 60, background: '#ffffbf', text: '#1a1a1a' },
  { from: 60, to: 80, background: '#abd9e9', text: '#1a1a1a' },
  { from: 80, to: 101, background: '#2c7bb6', text: '#ffffff' },
];

/** Cells without a score (no check of the area decided). */
export const NO_SCORE_STEP = {
  background: 'transparent',
  text: 'inherit',
} as const;

/** The step of a score; scores are percentages 0–100. */
export function stepOf(
  score: number | null | undefined,
): ScoreStep | typeof NO_SCORE_STEP {
  if (score === null || score === undefined || Number.isNaN(score))
    return NO_SCORE_STEP;
  return (
    SCORE_STEPS.find(s => score < s.to) ?? SCORE_STEPS[SCORE_STEPS.length - 1]
  );
}

/** A score as a cell prints it: a whole number, or an en dash for none. */
export function cellText(score: number | null | undefined): string {
  if (score === null || score === undefined) return '–';
  return String(Math.round(score));
}
