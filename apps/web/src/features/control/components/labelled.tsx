import { useId, type ReactNode } from 'react';

/**
 * A label naming its control by `for`: a label wrapped around a drop-down would add the chosen option's text to the
 * control's accessible name ("Period last 24 hours").
 */
export function Labelled({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <span className="control">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </span>
  );
}
