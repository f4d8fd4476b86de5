import type { MergePatch } from './merge-patch.js';
import type { Application } from './types.js';

/** One step of a scripted sequence of states (`ArgoCdSimulator.timeline`). */
export interface TimelineStep {
  /** Delay after the previous step (or the start). */
  afterMs: number;
  /** JSON merge patch applied to the stored Application. */
  patch?: MergePatch;
  /** Or any change in code. */
  mutate?: (app: Application) => void;
}
