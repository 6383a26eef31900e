import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ControlEndpoint } from './http-api-server';

/** One e-mail the local runtime wrote instead of sending it, as a person reads it. */
export interface OutboxMessage {
  file: string;
  path: string;
  date?: string;
  to?: string;
  subject?: string;
  /** The notification kind and the audit event it comes from (`X-Certiflow-Kind`, `X-Certiflow-Event`). */
  kind?: string;
  eventId?: string;
  /** The plain-text part, decoded. */
  text?: string;
}

const UTF8 = new TextDecoder('utf-8');

function bytesOfQuotedPrintable(text: string, underscoreIsSpace: boolean): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (char === '_' && underscoreIsSpace) {
      bytes.push(0x20);
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return bytes;
}

/** A quoted-printable body (RFC 2045) decoded as UTF-8: soft line breaks joined, `=XX` octets restored. */
export function decodeQuotedPrintable(text: string): string {
  return UTF8.decode(new Uint8Array(bytesOfQuotedPrintable(text.replace(/=\r?\n/g, ''), false)));
}

const ENCODED_WORD = /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g;

/** A header value with its RFC 2047 encoded words decoded; adjacent words are joined, as the RFC says. */
export function decodeMimeWords(value: string): string {
  return value.replace(/(?:=\?[^?]+\?[QqBb]\?[^?]*\?=\s*)+/g, (run) => {
    const bytes: number[] = [];
    for (const [, , encoding, data] of run.matchAll(ENCODED_WORD)) {
      bytes.push(...(encoding!.toUpperCase() === 'B' ? Buffer.from(data!, 'base64') : bytesOfQuotedPrintable(data!, true)));
    }
    const trailing = /\s+$/.exec(run)?.[0] ?? '';
    return UTF8.decode(new Uint8Array(bytes)) + trailing;
  });
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodedBody(body: string, encoding: string | undefined): string {
  if (encoding?.toLowerCase() === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding?.toLowerCase() === 'base64') return UTF8.decode(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
  return body;
}

/** The plain-text part of a message: the body itself, or the `text/plain` part of a multipart body. */
function plainText(headers: Record<string, string>, body: string): string | undefined {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) {
    return type.toLowerCase().startsWith('text/plain') ? decodedBody(body, headers['content-transfer-encoding']) : undefined;
  }
  for (const part of body.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) break;
    const parsed = splitHeaders(part.replace(/^\r?\n/, ''));
    const text = plainText(parsed.headers, parsed.body.replace(/\r?\n$/, ''));
    if (text !== undefined) return text;
  }
  return undefined;
}

/** The headers a listing shows, by the field they fill. */
const LISTED_HEADERS = [
  ['date', 'date'],
  ['to', 'to'],
  ['subject', 'subject'],
  ['kind', 'x-certiflow-kind'],
  ['eventId', 'x-certiflow-event'],
] as const;

/** An `.eml` file as a person reads it: its main headers decoded and its plain-text part. */
export function readEml(path: string, raw: string): OutboxMessage {
  const { headers, body } = splitHeaders(raw);
  const message: OutboxMessage = { file: basename(path), path };
  for (const [field, name] of LISTED_HEADERS) if (headers[name] !== undefined) message[field] = decodeMimeWords(headers[name]!);
  const text = plainText(headers, body);
  if (text !== undefined) message.text = text;
  return message;
}

/**
 * The local runtime's outbox: the folder the notify function writes `.eml` files to instead of
 * sending them. It lists them (`GET /_local/outbox`), and announces each new one once.
 */
export class LocalOutbox {
  private readonly announced = new Set<string>();

  constructor(
    readonly folder: string,
    private readonly onMail: (message: OutboxMessage) => void = () => undefined,
  ) {
    for (const file of this.files()) this.announced.add(file);
  }

  private files(): string[] {
    return existsSync(this.folder) ? readdirSync(this.folder).filter((name) => name.endsWith('.eml')).sort() : [];
  }

  /** Every message written so far, oldest first. */
  list(): OutboxMessage[] {
    return this.files().map((name) => readEml(join(this.folder, name), readFileSync(join(this.folder, name), 'utf8')));
  }

  /** Reports the messages written since the last call, each once. */
  announce(): void {
    for (const name of this.files()) {
      if (this.announced.has(name)) continue;
      this.announced.add(name);
      this.onMail(readEml(join(this.folder, name), readFileSync(join(this.folder, name), 'utf8')));
    }
  }

  /** `/_local/outbox`: GET lists the messages written, with their decoded text; local only, never part of the deployed API. */
  control(): ControlEndpoint {
    return async (_body, method) => {
      if (method !== 'GET') return { status: 405, body: { error: { code: 'MethodNotAllowed', message: 'use GET' } } };
      return { status: 200, body: { folder: this.folder, messages: this.list() } };
    };
  }
}
