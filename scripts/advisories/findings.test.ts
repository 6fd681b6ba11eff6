import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeOf, isSecurityDeprecation, type Outcome } from './findings.js';

describe('isSecurityDeprecation', () => {
  it('counts messages that name a vulnerability, an advisory, a compromised release or missing security fixes', () => {
    for (const message of [
      'critical security vulnerability, upgrade to 1.2.4',
      'This version is vulnerable to prototype pollution, please upgrade',
      'Deprecated due to CVE-2021-23337; use 4.17.21',
      'see GHSA-35jh-r3h4-6jhm',
      'This version of tar is no longer supported, and will not receive security updates. Please upgrade asap.',
      'This release was compromised: do not install it',
      'contains malicious code',
    ]) expect(isSecurityDeprecation(message), message).toBe(true);
  });

  it('does not count deprecations for other reasons', () => {
    for (const message of [
      'request has been deprecated, see https://github.com/request/request/issues/3142',
      'Glob versions prior to v9 are no longer supported',
      'This module is not supported, and leaks memory. Do not use it.',
      'this package has been renamed to @scope/name',
      'Use the CVE viewer in version 3 instead',
      'GHSA ids are listed in the changelog',
      'insecurely named; renamed to safe-name',
    ]) expect(isSecurityDeprecation(message), message).toBe(false);
  });
});

describe('exitCodeOf', () => {
  const complete: Outcome = { security: 0, unchecked: 0, reached: true, deprecationsServed: true };

  it('is clean only when every version was read from a registry that serves deprecation notices', () => {
    expect(exitCodeOf(complete)).toBe(EXIT.clean);
  });

  it('says a security finding first, even from an incomplete or blind check', () => {
    expect(exitCodeOf({ ...complete, security: 1 })).toBe(EXIT.security);
    expect(exitCodeOf({ security: 2, unchecked: 40, reached: true, deprecationsServed: false })).toBe(EXIT.security);
  });

  it('tells an unreachable or partly answering registry from one that serves no notices', () => {
    expect(exitCodeOf({ ...complete, reached: false, unchecked: 521 })).toBe(EXIT.unreachable);
    expect(exitCodeOf({ ...complete, unchecked: 3 })).toBe(EXIT.unreachable);
    expect(exitCodeOf({ ...complete, deprecationsServed: false })).toBe(EXIT.blind);
    expect(new Set(Object.values(EXIT)).size).toBe(Object.keys(EXIT).length);
  });
});
