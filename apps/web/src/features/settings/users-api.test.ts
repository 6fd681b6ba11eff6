import { describe, expect, it } from 'vitest';
import { UserRefusal } from './users-api.js';

describe('UserRefusal', () => {
  it('names the request field the server\'s message starts with, so the form shows it beside that field', () => {
    expect(new UserRefusal('agentId: required for the role agent').field).toBe('agentId');
    expect(new UserRefusal('username: marta is taken').field).toBe('username');
    expect(new UserRefusal('scope/queues: outside your scope: care').field).toBe('scope');
  });

  it("names the field of the contract's first refused path when the message names none", () => {
    expect(new UserRefusal('body/role must be equal to one of the allowed values', [{ path: '/role' }]).field).toBe('role');
    expect(new UserRefusal('body/scope/queues must be array', [{ path: '/scope/queues' }]).field).toBe('scope');
  });

  it('names no field when the message starts with none', () => {
    expect(new UserRefusal('Forbidden').field).toBeUndefined();
    expect(new UserRefusal('body/password must NOT have fewer than 12 characters').field).toBeUndefined();
  });
});
