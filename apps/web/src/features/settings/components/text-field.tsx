import { useId } from 'react';

interface Props {
  label: string;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
  testId?: string;
  /** A datalist of suggestions. */
  list?: string;
  multiline?: boolean;
}

/** A labelled text input (or text area) whose error is announced with it (aria-describedby). */
export function TextField({ label, value, error, onChange, testId, list, multiline = false }: Props) {
  const id = useId();
  const common = {
    value, 'data-testid': testId, 'aria-invalid': error !== undefined, 'aria-describedby': error ? `${id}-error` : undefined,
  };
  return (
    <label className="settings-field">
      <span>{label}</span>
      {multiline
        ? <textarea rows={3} {...common} onChange={(e) => onChange(e.target.value)} />
        : <input list={list} {...common} onChange={(e) => onChange(e.target.value)} />}
      {error && <span id={`${id}-error`} role="alert" className="settings-error">{error}</span>}
    </label>
  );
}
