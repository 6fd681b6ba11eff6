import { describe, expect, it } from 'vitest';
import { alertLink, linkedAlertId } from './deep-link.js';

describe('console deep links', () => {
  it('reads the alert a link points at', () => {
    expect(linkedAlertId('?alert=sales%3Alongest-wait%3Aq%3A2026-12-05T09%3A00%3A00.000Z')).toBe('sales:longest-wait:q:2026-12-05T09:00:00.000Z');
    expect(linkedAlertId('?alert=')).toBeNull();
    expect(linkedAlertId('?lang=it')).toBeNull();
  });

  it('keeps the other parameters when the focused alert changes', () => {
    expect(alertLink('?lang=it&token=t', 'a:1')).toBe('/control?lang=it&token=t&alert=a%3A1');
    expect(alertLink('?alert=a%3A1&lang=it', null)).toBe('/control?lang=it');
    expect(alertLink('', null)).toBe('/control');
  });
});
