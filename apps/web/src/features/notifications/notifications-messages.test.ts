import { describe, expect, it } from 'vitest';
import { NOTIFICATIONS_LOCALES, notificationsText } from './notifications-messages.js';

describe('notification settings texts', () => {
  it('has every text in Italian and English', () => {
    expect(Object.keys(NOTIFICATIONS_LOCALES.it).sort()).toEqual(Object.keys(NOTIFICATIONS_LOCALES.en).sort());
    for (const [key, text] of Object.entries(NOTIFICATIONS_LOCALES.it)) expect(text, key).not.toBe('');
  });

  it('fills in the parameters', () => {
    expect(notificationsText('it')('disabled', { reason: '410 Gone' })).toBe('disattivato: 410 Gone');
  });
});
