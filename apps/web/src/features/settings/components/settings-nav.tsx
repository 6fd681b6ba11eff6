import { SETTINGS_SECTIONS, type SettingsSection } from '../hooks/use-settings-section.js';
import { useSettingsText, type SettingsKey } from '../settings-messages.js';

export const SECTION_TITLES: Record<SettingsSection, SettingsKey> = {
  queues: 'queues', calendars: 'calendars', 'alert-rules': 'rules', agents: 'agents', users: 'users',
};

/** Links to the page's sections; the one shown is marked as the current page for assistive technology. */
export function SettingsNav({ current }: { current: SettingsSection }) {
  const t = useSettingsText();
  return (
    <nav className="settings-nav" aria-label={t('sections')}>
      <ul>
        {SETTINGS_SECTIONS.map((section) => (
          <li key={section}>
            <a href={`#${section}`} aria-current={section === current ? 'page' : undefined}>{t(SECTION_TITLES[section])}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
