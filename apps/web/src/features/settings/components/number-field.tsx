import { useId } from 'react';

interface Props {
  label: string;
  value: number;
  error: string | undefined;
  onChange(value: number): void;
  testId: string;
  step?: number;
  /** Shown while the field is empty: what an empty field stands for (a default). */
  placeholder?: string;
}

/** A labelled number input whose error is announced with it (aria-describedby). */
export function NumberField({ label, value, error, onChange, testId, step = 1, placeholder }: Props) {
  const id = useId();
  return (
    <label className="settings-field">
      <span>{label}</span>
      <input
        type="number" step={step} value={Number.isFinite(value) ? value : ''} data-testid={testId} placeholder={placeholder}
        aria-invalid={error !== undefined} aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
      />
      {error && <span id={`${id}-error`} role="alert" className="settings-error">{error}</span>}
    </label>
  );
}
