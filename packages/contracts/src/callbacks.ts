import { Type, type Static } from '@sinclair/typebox';

const Iso = Type.String({ format: 'date-time' });
const NullableIso = Type.Union([Iso, Type.Null()]);
const NullableText = Type.Union([Type.String(), Type.Null()]);

export const CALLBACK_LIMITS = Object.freeze({ maxResult: 200, maxNote: 1000, defaultList: 200, maxList: 1000 });

/**
 * Where an entry of the callback worklist stands: `open` (nobody has it), `claimed` (someone is calling back),
 * `done` (closed by hand with a result), `answered` (closed by itself: the same caller got through in a later contact).
 */
export const CallbackState = Type.Union([Type.Literal('open'), Type.Literal('claimed'), Type.Literal('done'), Type.Literal('answered')]);
export type CallbackState = Static<typeof CallbackState>;
export const CALLBACK_STATES: readonly CallbackState[] = ['open', 'claimed', 'done', 'answered'];

/**
 * One caller to call back. Repeated abandons by the same caller (same pseudonym) while the entry is not closed are
 * attempts on this one entry: `contactId`, `queueId`, `abandonedAt` and `waited` follow the latest of them.
 */
export const CallbackEntry = Type.Object({
  id: Type.String({ description: 'the entry (stable across attempts)' }),
  source: Type.String({ description: 'the `source` of the latest abandoned contact\'s events (for revealing its number)' }),
  contactId: Type.String({ description: 'the latest abandoned contact' }),
  contactIds: Type.Array(Type.String(), { description: 'every abandoned contact of this entry, oldest first' }),
  queueId: NullableText,
  pseudonym: Type.String({ description: 'the caller\'s keyed pseudonym (never the number)' }),
  firstAbandonedAt: Iso,
  abandonedAt: Iso,
  waited: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], { description: 'seconds the latest contact waited before giving up; null when its queued event was not seen' }),
  attempts: Type.Integer({ minimum: 1, description: 'abandoned contacts of this caller while the entry was not closed' }),
  state: CallbackState,
  claimedBy: NullableText,
  claimedAt: NullableIso,
  result: NullableText,
  note: NullableText,
  closedBy: NullableText,
  closedAt: NullableIso,
  answeredContactId: Type.Union([Type.String(), Type.Null()], { description: 'the later contact in which the caller got through (state `answered`)' }),
});
export type CallbackEntry = Static<typeof CallbackEntry>;

/** `GET /api/v1/callbacks`: `state=active` (default) is open and claimed together. */
export const CallbackListQuery = Type.Object({
  state: Type.Optional(Type.Union([CallbackState, Type.Literal('active'), Type.Literal('all')], { description: 'default `active` (open and claimed)' })),
  queueId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: CALLBACK_LIMITS.maxList, description: `default ${CALLBACK_LIMITS.defaultList}` })),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: '`csv` (or `Accept: text/csv`) answers a CSV file' })),
});
export type CallbackListQuery = Static<typeof CallbackListQuery>;

export const CallbackList = Type.Object({ callbacks: Type.Array(CallbackEntry) });
export type CallbackList = Static<typeof CallbackList>;

export const CallbackParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 128, description: 'the entry\'s id, or the id of one of its abandoned contacts' }),
});
export type CallbackParams = Static<typeof CallbackParams>;

/** `POST /api/v1/callbacks/:id/done`: how the callback went. */
export const CallbackDoneRequest = Type.Object({
  result: Type.String({ minLength: 1, maxLength: CALLBACK_LIMITS.maxResult, description: 'e.g. `reached`, `no-answer`, `voicemail`, `wrong-number`' }),
  note: Type.Optional(Type.String({ maxLength: CALLBACK_LIMITS.maxNote })),
}, { additionalProperties: false });
export type CallbackDoneRequest = Static<typeof CallbackDoneRequest>;

/** The results the console offers (any text up to 200 characters is accepted). */
export const CALLBACK_RESULTS = ['reached', 'no-answer', 'voicemail', 'wrong-number', 'not-needed'] as const;
