/**
 * What counts as a security deprecation. Maintainers deprecate a version for many reasons (renamed, unsupported, a
 * bug); the ones that matter here say why in security terms: a vulnerability, an advisory id, a compromised or
 * malicious release, or that the version gets no security fixes.
 */
const SECURITY_WORDING = [
  /\bsecurity\b/i,
  /\bvulnerab/i,
  /\bCVE-\d{4}-\d{4,}\b/i,
  /\bGHSA(?:-[23456789cfghjmpqrvwx]{4}){3}\b/i,
  /\b(?:compromised|malicious|malware)\b/i,
];

export function isSecurityDeprecation(message: string): boolean {
  return SECURITY_WORDING.some((pattern) => pattern.test(message));
}

/** The script's exit codes: CI fails only on `security`; the others say the check could not see everything. */
export const EXIT = {
  clean: 0,
  security: 1,
  /** The registry did not answer, or not for every package. */
  unreachable: 2,
  /** The registry answered but serves no deprecation notices, so none could be seen. */
  blind: 3,
  /** The check itself failed (no lockfile, an answer it cannot read). */
  failed: 4,
} as const;

export interface Outcome {
  /** Security deprecations and advisories found. */
  security: number;
  /** Packages whose registry entry could not be read. */
  unchecked: number;
  /** The registry answered at all. */
  reached: boolean;
  /** The registry showed a version known to be deprecated as deprecated. */
  deprecationsServed: boolean;
}

/** A finding outranks an incomplete check, which outranks a blind one: what is known is said first. */
export function exitCodeOf(outcome: Outcome): number {
  if (outcome.security > 0) return EXIT.security;
  if (!outcome.reached || outcome.unchecked > 0) return EXIT.unreachable;
  if (!outcome.deprecationsServed) return EXIT.blind;
  return EXIT.clean;
}
