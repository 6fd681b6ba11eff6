import { describe, expect, it } from 'vitest';
import { INGEST_LIMITS } from '@plancia/contracts';
import { decodeBody, parseFrame, parsePayload } from './payload.js';

describe('parsePayload', () => {
  it('reads one event, an array and NDJSON', () => {
    expect(parsePayload('{"id":"a"}', 'application/cloudevents+json')).toEqual({ ok: true, values: [{ id: 'a' }] });
    expect(parsePayload('[{"id":"a"},{"id":"b"}]', 'application/json')).toMatchObject({ ok: true, values: [{ id: 'a' }, { id: 'b' }] });
    expect(parsePayload('{"id":"a"}\n\n{"id":"b"}\n', 'application/x-ndjson')).toMatchObject({ ok: true, values: [{ id: 'a' }, { id: 'b' }] });
  });

  it('names the line of malformed NDJSON', () => {
    expect(parsePayload('{"id":"a"}\n{oops', 'application/x-ndjson')).toMatchObject({ ok: false, status: 400, message: /^line 2/ });
  });

  it('holds each media type to its shape', () => {
    expect(parsePayload('[]', 'application/cloudevents+json')).toMatchObject({ ok: false, error: 'wrong_shape' });
    expect(parsePayload('{}', 'application/cloudevents-batch+json')).toMatchObject({ ok: false, error: 'wrong_shape' });
  });

  it('refuses more events than the limit', () => {
    const many = JSON.stringify(Array.from({ length: INGEST_LIMITS.maxEvents + 1 }, () => ({})));
    expect(parsePayload(many, 'application/json')).toMatchObject({ ok: false, status: 413 });
    const lines = Array.from({ length: INGEST_LIMITS.maxEvents + 1 }, () => '{}').join('\n');
    expect(parsePayload(lines, 'application/x-ndjson')).toMatchObject({ ok: false, status: 413 });
  });
});

describe('parseFrame', () => {
  it('tells arrays from NDJSON and single events', () => {
    expect(parseFrame(' [{"id":"a"}]')).toMatchObject({ ok: true, values: [{ id: 'a' }] });
    expect(parseFrame('{"id":"a"}')).toMatchObject({ ok: true, values: [{ id: 'a' }] });
    expect(parseFrame('{"id":"a"}\n{"id":"b"}')).toMatchObject({ ok: true, values: [{ id: 'a' }, { id: 'b' }] });
  });
});

describe('decodeBody', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);

  it('decodes UTF-8, with or without a UTF-8 charset parameter', () => {
    const text = Buffer.from('{"name":"Zoë"}');
    expect(decodeBody(text, 'application/json')).toEqual({ ok: true, text: '{"name":"Zoë"}' });
    expect(decodeBody(text, 'application/json; charset=UTF-8')).toMatchObject({ ok: true });
    expect(decodeBody(text, 'application/json;charset="utf8"')).toMatchObject({ ok: true });
  });

  it('refuses bytes that are not UTF-8 instead of replacing them', () => {
    for (const body of [bytes(0x7b, 0xff, 0x7d), bytes(0xc3), bytes(0xed, 0xa0, 0x80), bytes(0xc0, 0xaf)]) {
      expect(decodeBody(body, 'application/json')).toMatchObject({ ok: false, status: 400, error: 'invalid_utf8' });
    }
  });

  it('refuses another declared charset', () => {
    expect(decodeBody(Buffer.from('{}'), 'application/json; charset=iso-8859-1')).toMatchObject({ ok: false, status: 415, error: 'unsupported_charset' });
    expect(decodeBody(Buffer.from('{}'), 'application/json; charset=utf-16')).toMatchObject({ ok: false, status: 415 });
  });
});
