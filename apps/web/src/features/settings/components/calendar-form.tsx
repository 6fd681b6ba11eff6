import { useId, useState } from 'react';
import { BusinessCalendar } from '@plancia/contracts';
import type { Locale } from '../../../lib/i18n/messages.js';
import { useLocaleStore } from '../../../lib/i18n/locale-store.js';
import { WEEK_DAYS, formatSpans, isTimeZone, parseDays, parseSpans, type WeekDay } from '../calendar-text.js';
import { fieldErrors } from '../field-errors.js';
import { useEntryActions } from '../hooks/use-entry-actions.js';
import { useSettingsText } from '../settings-messages.js';
import { DeleteButton } from './delete-button.js';
import { TextField } from './text-field.js';

const TIME_ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

interface Draft {
  calendar: BusinessCalendar;
  hours: Record<WeekDay, string>;
  closures: string;
}

const draftOf = (calendar: BusinessCalendar): Draft => ({
  calendar,
  hours: Object.fromEntries(WEEK_DAYS.map((d) => [d, formatSpans(calendar.weekly[d])])) as Record<WeekDay, string>,
  closures: calendar.closures.join('\n'),
});

/** The calendar the draft describes, and every field's error: the contract's, plus what it cannot say. */
function check(draft: Draft, locale: Locale) {
  const errors: Record<string, string> = {};
  const weekly = { ...draft.calendar.weekly };
  for (const day of WEEK_DAYS) {
    const spans = parseSpans(draft.hours[day]);
    if (spans) weekly[day] = spans;
    else errors[`/weekly/${day}`] = 'badHours';
  }
  const calendar: BusinessCalendar = { ...draft.calendar, weekly, closures: parseDays(draft.closures) };
  if (!calendar.patronSaintDay) delete calendar.patronSaintDay;
  const schemaErrors = fieldErrors(BusinessCalendar, calendar, locale);
  if (!isTimeZone(calendar.timeZone)) schemaErrors['/timeZone'] ??= 'badTimeZone';
  return { calendar, errors: { ...schemaErrors, ...errors } };
}

/** A business calendar: weekly opening hours, IANA time zone, Italian holidays, patron saint's day, one-off closures. */
export function CalendarForm({ initial, onDelete }: { initial: BusinessCalendar; onDelete(): void }) {
  const t = useSettingsText();
  const zones = useId();
  const locale = useLocaleStore((s) => s.locale);
  const { status, save } = useEntryActions('calendars');
  const [draft, setDraft] = useState(() => draftOf(initial));
  // A save reloads the list: the form takes the stored calendar but keeps its status line.
  const [stored, setStored] = useState(initial);
  if (stored !== initial) {
    setStored(initial);
    setDraft(draftOf(initial));
  }
  const { calendar, errors } = check(draft, locale);
  const message = (path: string) => {
    const error = errors[path];
    return error === 'badHours' || error === 'badTimeZone' ? t(error) : error;
  };
  const setCalendar = (patch: Partial<BusinessCalendar>) => setDraft({ ...draft, calendar: { ...draft.calendar, ...patch } });

  return (
    <form className="settings-card" aria-label={initial.id} data-testid={`calendar-form-${initial.id}`}
      onSubmit={(e) => { e.preventDefault(); void save(initial.id, initial, calendar); }}>
      <h3>{initial.id}</h3>
      <TextField label={t('name')} value={draft.calendar.name} error={message('/name')} onChange={(name) => setCalendar({ name })} />
      <TextField label={t('timeZone')} value={draft.calendar.timeZone} error={message('/timeZone')} list={zones}
        onChange={(timeZone) => setCalendar({ timeZone })} testId="time-zone" />
      <datalist id={zones}>{TIME_ZONES.map((z) => <option key={z} value={z} />)}</datalist>
      <fieldset>
        <legend>{t('weekly')} <small>({t('hoursHint')})</small></legend>
        {WEEK_DAYS.map((day) => (
          <TextField key={day} label={t(day)} value={draft.hours[day]} error={message(`/weekly/${day}`)} testId={`hours-${day}`}
            onChange={(text) => setDraft({ ...draft, hours: { ...draft.hours, [day]: text } })} />
        ))}
      </fieldset>
      <label className="settings-field settings-field--check">
        <input type="checkbox" checked={draft.calendar.italianHolidays} onChange={(e) => setCalendar({ italianHolidays: e.target.checked })} />
        <span>{t('italianHolidays')}</span>
      </label>
      <TextField label={t('patronSaint')} value={draft.calendar.patronSaintDay ?? ''} error={message('/patronSaintDay')}
        onChange={(day) => setCalendar({ patronSaintDay: day.trim() })} testId="patron-saint" />
      <TextField label={t('closures')} value={draft.closures} multiline error={Object.entries(errors).find(([p]) => p.startsWith('/closures'))?.[1]}
        onChange={(closures) => setDraft({ ...draft, closures })} testId="closures" />
      <div className="settings-actions">
        <button type="submit" disabled={Object.keys(errors).length > 0} data-testid="save">{t('save')}</button>
        <DeleteButton id={initial.id} label={t('delete')} onConfirm={onDelete} />
      </div>
      <p role="status" aria-live="polite">{status}</p>
    </form>
  );
}
