import { Type, type Static } from '@sinclair/typebox';

/** `GET /api/v1/contacts/:contactId/caller?source=…`: which contact's kept callback number to reveal. */
export const CallerRevealParams = Type.Object({
  contactId: Type.String({ minLength: 1, maxLength: 128, description: 'the contact, as its events name it' }),
});
export type CallerRevealParams = Static<typeof CallerRevealParams>;

export const CallerRevealQuery = Type.Object({
  source: Type.String({ minLength: 1, maxLength: 512, description: 'the `source` of the contact\'s events' }),
});
export type CallerRevealQuery = Static<typeof CallerRevealQuery>;

/** The caller's number kept for a callback, revealed to a supervisor (and written to the audit log). */
export const RevealedCaller = Type.Object({
  source: Type.String(),
  contactId: Type.String(),
  caller: Type.String({ description: 'the number (or id) as the event carried it' }),
  pseudonym: Type.String({ description: 'the pseudonym the journal and the board know the caller by' }),
  queueId: Type.Union([Type.String(), Type.Null()], { description: 'the queue the contact entered, when known' }),
  expiresAt: Type.String({ format: 'date-time', description: 'when the number is deleted' }),
});
export type RevealedCaller = Static<typeof RevealedCaller>;
