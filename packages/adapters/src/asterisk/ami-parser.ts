import type { AmiMessage } from './ami-message.js';

// AMI header names are tokens; a line whose "name" is anything else is noise from a broken capture or link.
const HEADER_NAME = /^[A-Za-z][A-Za-z0-9_()-]*$/;
// A second one of these inside a message means the sender forgot the blank line between two messages.
const MESSAGE_KINDS = new Set(['event', 'response', 'action']);
const BANNER = /^Asterisk Call Manager\/\S+$/;

/**
 * Streaming AMI frame parser: feed it chunks as they come off the socket (split anywhere, even inside a
 * CRLF or a UTF-8 sequence) and it returns the messages each chunk completes.
 * Lines end in CRLF or LF; a blank line ends a message; values may contain colons; a line that is not
 * `Name: value` is counted in `garbageLines` and skipped; the login banner is kept in `banner`.
 */
export class AmiParser {
  /** The `Asterisk Call Manager/x.y` line the server greets with, once seen. */
  banner: string | null = null;
  /** Lines that were neither a header, a blank line nor the banner. */
  garbageLines = 0;

  private readonly decoder = new TextDecoder('utf-8');
  private partial = '';
  private current: Record<string, string | string[]> = {};
  private currentSize = 0;

  /** Parses one chunk; returns the messages it completed, in order. */
  push(chunk: string | Uint8Array): AmiMessage[] {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    const out: AmiMessage[] = [];
    for (const line of lines) this.line(line.endsWith('\r') ? line.slice(0, -1) : line, out);
    return out;
  }

  /** Ends the stream: returns a last message that had no closing blank line, if any. */
  end(): AmiMessage[] {
    const out: AmiMessage[] = [];
    const rest = this.partial + this.decoder.decode();
    this.partial = '';
    if (rest !== '') this.line(rest.endsWith('\r') ? rest.slice(0, -1) : rest, out);
    this.flush(out);
    return out;
  }

  private line(line: string, out: AmiMessage[]): void {
    if (line.trim() === '') return this.flush(out);
    if (this.banner === null && BANNER.test(line)) {
      this.banner = line;
      return;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    if (!HEADER_NAME.test(name)) {
      this.garbageLines++;
      return;
    }
    const value = line.slice(colon + 1).replace(/^ /, '');
    if (MESSAGE_KINDS.has(name.toLowerCase()) && this.hasKind()) this.flush(out);
    this.add(name, value);
  }

  private hasKind(): boolean {
    return Object.keys(this.current).some((key) => MESSAGE_KINDS.has(key.toLowerCase()));
  }

  private add(name: string, value: string): void {
    const previous = this.current[name];
    if (previous === undefined) this.current[name] = value;
    else if (typeof previous === 'string') this.current[name] = [previous, value];
    else previous.push(value);
    this.currentSize++;
  }

  private flush(out: AmiMessage[]): void {
    if (this.currentSize === 0) return;
    out.push(this.current);
    this.current = {};
    this.currentSize = 0;
  }
}
