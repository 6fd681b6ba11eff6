/** One event-socket frame: its headers (not URL-encoded) and its body (`Content-Length` bytes, often empty). */
export interface EslFrame {
  headers: Readonly<Record<string, string>>;
  body: string;
}

const LF = 10;

/**
 * Streaming parser for FreeSWITCH's event socket: feed it chunks as they arrive (split anywhere, even inside a
 * multi-byte character, since `Content-Length` counts bytes) and it returns the frames they complete. A frame is
 * `Name: value` lines up to a blank line, followed by `Content-Length` bytes of body when that header is present.
 */
export class EslFrameParser {
  private buffer = new Uint8Array(0);
  private readonly decoder = new TextDecoder('utf-8');

  push(chunk: Uint8Array): EslFrame[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    this.buffer = joined;
    const frames: EslFrame[] = [];
    for (;;) {
      const frame = this.next();
      if (frame === null) return frames;
      frames.push(frame);
    }
  }

  private next(): EslFrame | null {
    // Blank lines between frames are padding.
    let start = 0;
    while (start < this.buffer.length && (this.buffer[start] === LF || this.buffer[start] === 13)) start++;
    const end = headerEnd(this.buffer, start);
    if (end < 0) return null;
    const headers = parseHeaders(this.decoder.decode(this.buffer.subarray(start, end)));
    const length = Number(headers['Content-Length'] ?? 0);
    const bodyStart = end + 2;
    const bodyLength = Number.isInteger(length) && length > 0 ? length : 0;
    if (this.buffer.length < bodyStart + bodyLength) return null;
    const body = this.decoder.decode(this.buffer.subarray(bodyStart, bodyStart + bodyLength));
    this.buffer = this.buffer.slice(bodyStart + bodyLength);
    return { headers, body };
  }
}

function headerEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) if (bytes[i] === LF && bytes[i + 1] === LF) return i;
  return -1;
}

function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0) headers[line.slice(0, at)] = line.slice(at + 2).trimEnd();
  }
  return headers;
}
