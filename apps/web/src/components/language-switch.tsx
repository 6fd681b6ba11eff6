import type { Locale } from '../lib/i18n/messages.js';
import { useI18n } from '../lib/i18n/use-i18n.js';
import { useLocaleStore } from '../lib/i18n/locale-store.js';

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
