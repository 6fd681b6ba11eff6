import type { Locale } from '../messages.js';
import { useI18n } from '../hooks/use-i18n.js';
import { useLocaleStore } from '../stores/locale-store.js';

const LABELS: Record<Locale, string> = { it: 'Italiano', en: 'English' };

export function LanguageSwitch() {
  const { t, locale } = useI18n();
  const select = useLocaleStore((s) => s.select);
  return (
    <label className="control">
      <span>{t('language')}</span>
      <select value={locale} onChange={(e) => select(e.target.value as Locale)}>
        {(Object.keys(LABELS) as Locale[]).map((l) => <option key={l} value={l}>{LABELS[l]}</option>)}
      </select>
    </label>
  );
}
