import type { ReactNode } from 'react';

/** A labelled number inside a <dl>: the label above, the value large. */
export function Figure({ label, children, testId, className }: { label: string; children: ReactNode; testId?: string; className: string }) {
  return (
    <div className={className}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
