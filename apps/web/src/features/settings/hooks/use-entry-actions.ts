import { useState } from 'react';
import { replacementPatch } from '../replacement-patch.js';
import { ApiError, settingsApi, type ResourcePath } from '../settings-api.js';
import { useSettingsText, type SettingsKey } from '../settings-messages.js';
import { useSettingsStore } from '../stores/settings-store.js';

/**
 * Saving and deleting one entry, with the outcome in words for its status line. Every outcome reloads the
 * configuration, so versions stay current and a stale form takes what the server holds.
 */
export function useEntryActions(path: ResourcePath) {
  const t = useSettingsText();
  const token = useSettingsStore((s) => s.token);
  const load = useSettingsStore((s) => s.load);
  const [status, setStatus] = useState('');

  async function run(action: () => Promise<string>, failure: SettingsKey, conflict: SettingsKey = 'conflict') {
    try {
      setStatus(await action());
    } catch (error) {
      setStatus(error instanceof ApiError && error.status === 412 ? t(conflict) : t(failure, { message: (error as Error).message }));
    }
    await load();
  }

  return {
    status,
    /** Makes the server hold `next` in place of `stored`; with a version the write is conditional (0: create only). */
    save: (id: string, stored: unknown, next: unknown, version?: number) => run(async () => {
      const { replayed } = await settingsApi.put(path, id, replacementPatch(stored, next), token, version);
      return path === 'queues' ? t('saved', { n: replayed }) : t('savedPlain');
    }, 'saveError'),
    create: (id: string, body: unknown) => run(async () => {
      await settingsApi.put(path, id, body, token, 0);
      return t('created', { id });
    }, 'saveError', 'exists'),
    remove: (id: string) => run(async () => {
      await settingsApi.remove(path, id, token);
      return t('deleted', { id });
    }, 'deleteError'),
  };
}
