import { describe, expect, it } from 'vitest';
import { CONTROL_LOCALES, controlText } from './control-messages.js';

describe('console texts', () => {
  it('has every text in Italian and English', () => {
    expect(Object.keys(CONTROL_LOCALES.it).sort()).toEqual(Object.keys(CONTROL_LOCALES.en).sort());
    for (const [key, text] of Object.entries(CONTROL_LOCALES.it)) expect(text, key).not.toBe('');
  });

  it('fills in the parameters', () => {
    expect(controlText('it')('shown', { shown: 2, total: 5 })).toBe('2 di 5 allarmi aperti');
    expect(controlText('en')('assignedTo', { name: 'marta' })).toBe('assigned to marta');
  });
});
