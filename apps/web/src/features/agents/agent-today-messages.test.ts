import { describe, expect, it } from 'vitest';
import { TODAY_LOCALES } from './agent-today-messages.js';

describe('the texts of the agents\' day', () => {
  it('exist in Italian and English, with the same keys and placeholders', () => {
    expect(Object.keys(TODAY_LOCALES.it).sort()).toEqual(Object.keys(TODAY_LOCALES.en).sort());
    for (const [key, text] of Object.entries(TODAY_LOCALES.en)) {
      expect(TODAY_LOCALES.it[key as keyof typeof TODAY_LOCALES.it].match(/\{\w+\}/g), key).toEqual(text.match(/\{\w+\}/g));
    }
  });
});
