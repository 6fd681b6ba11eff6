import { DEFAULT_SETTINGS, type BusinessCalendar, type ConfigDocument } from '@plancia/contracts';
import { calendarProblems, settingsProblems, type ConfigProblem, type EngineConfig } from '@plancia/engine';
import type { ConfigRepository } from '@plancia/store';

/** A stored setting the engine cannot run on, left out so that the rest of the configuration still runs. */
export interface RefusedSetting {
  /** `calendars/<id>` or `settings` */
  entity: string;
  problems: ConfigProblem[];
  /** What the board does without it. */
  instead: string;
}

export interface UsableConfig {
  config: EngineConfig;
  refused: RefusedSetting[];
}

/**
 * The one place a configuration document becomes the engine's configuration. What the engine would refuse (a document
 * stored before validation got stricter, or edited in the database) is left out and reported rather than taking the
 * board down: a calendar is dropped (its queues use the default calendar), a bad settings field takes its default.
 */
export function engineConfigOf(document: ConfigDocument): UsableConfig {
  const refused: RefusedSetting[] = [];
  const calendars = document.calendars.filter((calendar: BusinessCalendar) => {
    const problems = calendarProblems(calendar);
    if (problems.length > 0) refused.push({ entity: `calendars/${calendar.id}`, problems, instead: 'its queues use the default calendar' });
    return problems.length === 0;
  });
  let settings = { ...DEFAULT_SETTINGS, ...document.settings };
  const problems = settingsProblems(settings);
  if (problems.length > 0) {
    refused.push({ entity: 'settings', problems, instead: `timeZone ${DEFAULT_SETTINGS.timeZone} is used` });
    settings = { ...settings, timeZone: DEFAULT_SETTINGS.timeZone };
  }
  return { config: { ...document, settings, calendars }, refused };
}

/** One log line's words for a refused setting: what is wrong and how to repair it. */
export function describeRefusal({ entity, problems, instead }: RefusedSetting): string {
  const fields = problems.map((p) => `${p.path} ${p.message}`).join('; ');
  const api = entity === 'settings' ? 'PUT /api/v1/config' : `PUT or DELETE /api/v1/${entity}`;
  return `stored configuration ${entity} refused (${fields}); ${instead}. Repair it with ${api}, ` +
    'or start with PLANCIA_CONFIG naming a corrected document (imported at start, it replaces the stored one)';
}

/**
 * The stored configuration as the engine runs it: the one function every engine of the server (the live one, a
 * rebuild after a change, a rule preview) is configured from. `onRefused` hears what was left out.
 */
export async function loadEngineConfig(
  store: Pick<ConfigRepository, 'exportAll'>, onRefused: (refusal: RefusedSetting) => void = () => {},
): Promise<EngineConfig> {
  const { config, refused } = engineConfigOf(await store.exportAll());
  for (const refusal of refused) onRefused(refusal);
  return config;
}
