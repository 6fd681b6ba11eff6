interface Props<T extends string> {
  label: string;
  value: T;
  options: readonly T[];
  /** The words for an option; the option itself by default. */
  text?: (option: T) => string;
  onChange(value: T): void;
}

/** A labelled drop-down of fixed options. */
export function SelectField<T extends string>({ label, value, options, text = (o) => o, onChange }: Props<T>) {
  return (
    <label className="settings-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => <option key={o} value={o}>{text(o)}</option>)}
      </select>
    </label>
  );
}
