import { useState } from 'react';
import type { ConfigPatch } from '@plancia/contracts';
import { replacementPatch } from '../replacement-patch.js';
import { ApiError, settingsApi, type RefusedField, type ResourcePath } from '../settings-api.js';
import { useSettingsText, type SettingsKey } from '../settings-messages.js';
import { useSettingsStore } from '../stores/settings-store.js';

/**
 * Saving and deleting one entry, with the outcome in words for its status line. Every outcome reloads the
 * configuration, so versions stay current and a stale form takes what the server holds. What a form holds is sent as
 * the entry's patch unchecked: the server checks it against the contract and answers what is wrong.
 */
export function useEntryActions<P extends ResourcePath>(path: P) {
  const t = useSettingsText();
  const token = useSettingsStore((s) => s.token);
  const load = useSettingsStore((s) => s.load);
  const [status, setStatus] = useState('');
  // The fields the server refused at the last save, for the form to show beside them.
  const [refused, setRefused] = useState<readonly RefusedField[]>([]);

  async function run(action: () => Promise<string>, failure: SettingsKey, conflict: SettingsKey = 'conflict') {
    // The last outcome goes at once: a second save never shows the first one's "Saved" while it is still running.
    setStatus(t('saving'));
    setRefused([]);
    let outcome: string;
    try {
      outcome = await action();
    } catch (error) {
      const fields = error instanceof ApiError && error.status === 400 ? error.details : [];
      setRefused(fields);
      outcome = error instanceof ApiError && error.status === 412 ? t(conflict)
        : fields.length > 0 ? t('refusedFields') : t(failure, { message: (error as Error).message });
    }
    // The outcome is said once the reloaded settings are in the form, so "Saved" never sits beside "not saved yet".
    await load();
    setStatus(outcome);
  }

  return {
    status,
    refused,
    /** Makes the server hold `next` in place of `stored`; with a version the write is conditional (0: create only). */
    save: (id: string, stored: unknown, next: unknown, version?: number) => run(async () => {
      const { replayed } = await settingsApi.put(path, id, replacementPatch(stored, next) as ConfigPatch<P>, token, version);
      return path === 'queues' ? t('saved', { n: replayed }) : t('savedPlain');
    }, 'saveError'),
    create: (id: string, body: unknown) => run(async () => {
      await settingsApi.put(path, id, body as ConfigPatch<P>, token, 0);
      return t('created', { id });
    }, 'saveError', 'exists'),
    remove: (id: string) => run(async () => {
      await settingsApi.remove(path, id, token);
      return t('deleted', { id });
    }, 'deleteError'),
  };
}
