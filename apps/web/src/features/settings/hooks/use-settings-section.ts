import { useEffect, useState } from 'react';
import type { ResourcePath } from '../settings-api.js';

/** A section of the page: a kind of configuration, or the users (not configuration: their own API). */
export type SettingsSection = ResourcePath | 'users';

/** The page's sections, in the order of its navigation; the first is shown when the address names none. */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = ['queues', 'calendars', 'alert-rules', 'agents', 'users'];

const fromHash = (): SettingsSection => {
  const named = globalThis.location?.hash.slice(1);
  return SETTINGS_SECTIONS.find((s) => s === named) ?? SETTINGS_SECTIONS[0]!;
};

/**
 * The section shown, kept in the address (`/settings#alert-rules`) so that links, reloads and the back button land on
 * the same section: one section at a time keeps the page short.
 */
export function useSettingsSection(): SettingsSection {
  const [section, setSection] = useState(fromHash);
  useEffect(() => {
    const follow = () => setSection(fromHash());
    globalThis.addEventListener('hashchange', follow);
    return () => globalThis.removeEventListener('hashchange', follow);
  }, []);
  return section;
}
