import { CALLER_MAX_LENGTH } from '@plancia/contracts';

/** What PBXs write where the caller withheld or has no number: not an identifier. */
const PLACEHOLDERS = new Set(['<unknown>', 'unknown', 'anonymous', 'restricted', 'private', 'unavailable', 'withheld']);
/** A telephone number written with separators: `+39 06 1234-5678`, `(415) 867.5309`. */
const WRITTEN_NUMBER = /^\+?[\d\s().-]+$/;
const PRINTABLE = /^[!-~]+$/;

/**
 * `{ caller }` for a contact event's data, from the number or id a vendor reports; nothing when it reports none
 * or a placeholder, or a value the contract would refuse (the event must still be accepted without it). The server
 * replaces it by a pseudonym on ingest: an adapter puts a caller's number here and nowhere else.
 */
export function callerData(raw: string | undefined): { caller?: string } {
  const trimmed = raw?.trim();
  if (!trimmed || PLACEHOLDERS.has(trimmed.toLowerCase())) return {};
  const caller = WRITTEN_NUMBER.test(trimmed) ? trimmed.replace(/[\s().-]/g, '') : trimmed;
  return caller !== '' && caller !== '+' && caller.length <= CALLER_MAX_LENGTH && PRINTABLE.test(caller) ? { caller } : {};
}
