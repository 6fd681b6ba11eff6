import { describe, expect, it } from 'vitest';
import { callerData } from './caller.js';

describe('callerData', () => {
  it('keeps an E.164 number, a national number and an opaque id', () => {
    expect(callerData('+390612345678')).toEqual({ caller: '+390612345678' });
    expect(callerData(' 4385551212 ')).toEqual({ caller: '4385551212' });
    expect(callerData('client:anna')).toEqual({ caller: 'client:anna' });
  });

  it('writes a number without its separators', () => {
    expect(callerData('+39 06 1234-5678')).toEqual({ caller: '+390612345678' });
    expect(callerData('(415) 867.5309')).toEqual({ caller: '4158675309' });
  });

  it('gives nothing for a withheld number, a placeholder or what the contract would refuse', () => {
    for (const raw of [undefined, '', '  ', '<unknown>', 'Anonymous', 'restricted', '+', 'a b', 'x'.repeat(65), 'caffè']) {
      expect(callerData(raw)).toEqual({});
    }
  });
});
