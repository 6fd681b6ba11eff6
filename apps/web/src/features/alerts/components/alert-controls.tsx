import { enableAudio } from '../../../lib/beep.js';
import { useI18n } from '../../../lib/i18n/use-i18n.js';
import { useAlertSettingsStore } from '../stores/alert-settings-store.js';

/** One click to allow sound (browsers demand a gesture) and, optionally, desktop notifications; a second turns it off. */
export function AlertControls() {
  const { sound, notifications, setSound, setNotifications } = useAlertSettingsStore();
  const { t } = useI18n();
  const toggleSound = async () => setSound(sound ? false : await enableAudio());
  const toggleNotifications = async () => {
    if (notifications) return setNotifications(false);
    const permission = await globalThis.Notification?.requestPermission();
    setNotifications(permission === 'granted');
  };
  return (
    <>
      <button type="button" onClick={() => void toggleSound()} aria-pressed={sound} data-testid="enable-sound">
        {sound ? `♪ ${t('soundOn')}` : t('enableSound')}
      </button>
      {'Notification' in globalThis && (
        <button type="button" onClick={() => void toggleNotifications()} aria-pressed={notifications} data-testid="enable-notifications">
          {notifications ? t('notificationsOn') : t('enableNotifications')}
        </button>
      )}
    </>
  );
}
