import { useEffect, useRef, useState } from 'react';
import { useSettingsText } from '../settings-messages.js';

interface Props {
  id: string;
  label: string;
  onConfirm(): void;
}

/** Deleting asks once more in place (no browser dialog), with the focus on the confirmation so Enter completes it. */
export function DeleteButton({ id, label, onConfirm }: Props) {
  const t = useSettingsText();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) return <button type="button" onClick={() => setAsking(true)}>{label}</button>;
  const question = t('confirmDelete', { id });
  return (
    <span role="group" aria-label={question} className="settings-confirm">
      <span>{question}</span>
      <button type="button" ref={confirmRef} onClick={onConfirm}>{t('confirm')}</button>
      <button type="button" onClick={() => setAsking(false)}>{t('cancel')}</button>
    </span>
  );
}
