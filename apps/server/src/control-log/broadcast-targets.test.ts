import { describe, expect, it } from 'vitest';
import { expiryRefusal, mayWithdraw, reaches, targetsOf } from './broadcast-targets.js';

const HOUR = 3_600_000;
const scope = (queues: string[], teams: string[] = []) => ({ scope: { queues, teams } });
/** A reach over named queues and teams; `sales` and `care` are in team `front`. */
const reachOver = (queues: string[], teams: string[] = []) => ({
  hasQueue: (id: string) => queues.includes(id) || (['sales', 'care'].includes(id) && teams.includes('front')),
  hasTeam: (id: string) => teams.includes(id),
});
const queuesOfTeam = (id: string) => (id === 'front' ? ['sales', 'care'] : []);

describe('broadcast targets', () => {
  it('sends a scoped sender\'s broadcast to its scope, an unscoped one\'s to every board of the tenant', () => {
    expect(targetsOf(scope(['sales'], ['front']), reachOver(['sales'], ['front']), undefined)).toEqual({ ok: true, queueIds: ['sales'], teamIds: ['front'] });
    expect(targetsOf(scope([]), reachOver(['sales', 'care', 'back']), undefined)).toEqual({ ok: true, queueIds: [], teamIds: [] });
  });

  it('refuses queues outside the sender\'s scope, naming them', () => {
    expect(targetsOf(scope(['sales']), reachOver(['sales']), ['sales', 'back', 'x'])).toEqual({ ok: false, message: 'queueIds: outside your scope: back, x' });
    expect(targetsOf(scope(['sales']), reachOver(['sales']), ['sales'])).toEqual({ ok: true, queueIds: ['sales'], teamIds: [] });
  });

  it('reaches boards of the same tenant that see a named queue or team, or a queue of the team', () => {
    const toSales = { tenant: 'acme', queueIds: ['sales'], teamIds: [] };
    const toFront = { tenant: 'acme', queueIds: [], teamIds: ['front'] };
    const toAll = { tenant: 'acme', queueIds: [], teamIds: [] };
    const viewer = (tenant: string, queues: string[], teams: string[] = []) => ({ principal: { tenant }, reach: reachOver(queues, teams) });
    expect(reaches(toSales, viewer('acme', ['sales']), queuesOfTeam)).toBe(true);
    expect(reaches(toSales, viewer('acme', ['care']), queuesOfTeam)).toBe(false);
    expect(reaches(toSales, viewer('beta', ['sales']), queuesOfTeam)).toBe(false);
    expect(reaches(toFront, viewer('acme', ['care']), queuesOfTeam)).toBe(true);
    expect(reaches(toFront, viewer('acme', ['back']), queuesOfTeam)).toBe(false);
    expect(reaches(toAll, viewer('acme', ['back']), queuesOfTeam)).toBe(true);
    expect(reaches(toAll, viewer('beta', ['back']), queuesOfTeam)).toBe(false);
  });

  it('lets withdraw only whoever could have sent it', () => {
    expect(mayWithdraw({ queueIds: [], teamIds: [] }, scope([]), reachOver([]))).toBe(true);
    expect(mayWithdraw({ queueIds: [], teamIds: [] }, scope(['sales']), reachOver(['sales']))).toBe(false);
    expect(mayWithdraw({ queueIds: ['sales', 'care'], teamIds: [] }, scope(['sales']), reachOver(['sales']))).toBe(false);
    expect(mayWithdraw({ queueIds: ['sales'], teamIds: [] }, scope(['sales']), reachOver(['sales']))).toBe(true);
  });

  it('takes an expiry in the future and at most 24 hours ahead', () => {
    const now = Date.parse('2026-12-05T06:00:00Z');
    expect(expiryRefusal(now + HOUR, now)).toBeNull();
    expect(expiryRefusal(now + 24 * HOUR, now)).toBeNull();
    expect(expiryRefusal(now, now)).toBe('expiresAt: must be in the future');
    expect(expiryRefusal(now + 24 * HOUR + 1, now)).toBe('expiresAt: at most 24 hours ahead');
    expect(expiryRefusal(Number.NaN, now)).toBe('expiresAt: expected a date-time');
  });
});
