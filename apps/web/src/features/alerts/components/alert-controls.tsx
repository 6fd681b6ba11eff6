import { enableAudio } from '../../../lib/beep.js';
import { useI18n } from '../../i18n/hooks/use-i18n.js';
import { useAlertSettingsStore } from '../stores/alert-settings-store.js';

/** One click to allow sound (browsers demand a gesture) and, optionally, desktop notifications. */
export function AlertControls() {
  const { sound, notifications } = useAlertSettingsStore();
  const { t } = useI18n();
  const turnOnSound = async () => useAlertSettingsStore.setState({ sound: await enableAudio() });
  const turnOnNotifications = async () => {
    const permission = await globalThis.Notification?.requestPermission();
    useAlertSettingsStore.setState({ notifications: permission === 'granted' });
  };
  return (
    <>
      <button type="button" onClick={() => void turnOnSound()} aria-pressed={sound} data-testid="enable-sound">
        {sound ? `♪ ${t('soundOn')}` : t('enableSound')}
      </button>
      {'Notification' in globalThis && (
        <button type="button" onClick={() => void turnOnNotifications()} aria-pressed={notifications}>
          {notifications ? t('notificationsOn') : t('enableNotifications')}
        </button>
      )}
    </>
  );
}
