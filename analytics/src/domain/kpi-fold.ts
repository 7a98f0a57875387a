import type { CloudEvent } from '@courtyard/kernel';
import type { FigureChange } from './figures.js';

/** What one event changes: which property's figures, and how (the day comes from the event's time). */
export interface KpiEffect {
  propertyId: string;
  change: FigureChange;
}

/** Reads one event type; null when this event moves no figure. */
export type KpiFold = (event: CloudEvent) => KpiEffect | null;
