import { useId } from 'react';

interface Props {
  label: string;
  value: string | null;
  options: readonly { value: string; text: string }[];
  anyText: string;
  testId: string;
  onChange(value: string | null): void;
}

/**
 * A labelled drop-down whose first choice is "any". The label names the control by `for`, not by wrapping it, so its
 * accessible name is the label alone (a wrapping label would add the chosen option's text to it).
 */
export function FilterSelect({ label, value, options, anyText, testId, onChange }: Props) {
  const id = useId();
  return (
    <span className="control">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} data-testid={testId}>
        <option value="">{anyText}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.text}</option>)}
      </select>
    </span>
  );
}
