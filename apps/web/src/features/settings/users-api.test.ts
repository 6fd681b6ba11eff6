import { describe, expect, it } from 'vitest';
import { UserRefusal } from './users-api.js';

describe('UserRefusal', () => {
  it('names the request field the server\'s message starts with, so the form shows it beside that field', () => {
    expect(new UserRefusal('agentId: required for the role agent').field).toBe('agentId');
    expect(new UserRefusal('username: marta is taken').field).toBe('username');
  });

  it('names no field when the message starts with none', () => {
    expect(new UserRefusal('Forbidden').field).toBeUndefined();
    expect(new UserRefusal('body/password must NOT have fewer than 12 characters').field).toBeUndefined();
  });
});
