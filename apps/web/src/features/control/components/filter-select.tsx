interface Props {
  label: string;
  value: string | null;
  options: readonly { value: string; text: string }[];
  anyText: string;
  testId: string;
  onChange(value: string | null): void;
}

/** A labelled drop-down whose first choice is "any". */
export function FilterSelect({ label, value, options, anyText, testId, onChange }: Props) {
  return (
    <label className="control">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} data-testid={testId}>
        <option value="">{anyText}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.text}</option>)}
      </select>
    </label>
  );
}
