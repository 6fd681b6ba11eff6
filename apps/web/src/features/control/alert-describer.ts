import type { Alert } from '@plancia/contracts';

/**
 * How the board words an alert (its rule's name and its scope in the board's language, its figures): the app hands
 * the alerts feature's wording to the console, so both say the same thing.
 */
export interface AlertDescriber {
  name(alert: Alert): string;
  scope(alert: Alert): string;
  figures(alert: Alert): string;
}
