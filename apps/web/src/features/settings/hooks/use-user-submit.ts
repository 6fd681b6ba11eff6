import { useState, type FormEvent } from 'react';
import { useSettingsText } from '../settings-messages.js';
import { UserRefusal } from '../users-api.js';

/**
 * What the new-user and edit-user forms share: one request at a time, and the server's refusal kept so that each
 * field can show the part that names it. `submit(send)` makes a form's submit handler of a request.
 */
export function useUserSubmit() {
  const t = useSettingsText();
  const [refusal, setRefusal] = useState<UserRefusal | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (field: string) => (refusal?.field === field ? t('refused', { message: refusal.message }) : undefined);

  const submit = (send: () => Promise<void>) => async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    try {
      await send();
    } catch (error) {
      setRefusal(error instanceof UserRefusal ? error : new UserRefusal((error as Error).message));
    } finally {
      setBusy(false);
    }
  };
  return { refusal, busy, fieldError, submit };
}
