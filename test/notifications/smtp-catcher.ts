import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One mail the catcher accepted. */
export interface CaughtMail {
  to: string;
  messageId: string;
  subject: string;
  text: string;
  html: string;
  /** Raw header values by lower-cased name (mailparser folds List-* headers into one object). */
  headers: Map<string, string>;
  parsed: ParsedMail;
}

/**
 * A real SMTP server in this process (smtp-server), accepting everything except recipients whose address
 * `rejects` matches (550 answer), with a switch to go down (stop listening) and up again on the same port.
 */
export class SmtpCatcher {
  readonly mails: CaughtMail[] = [];
  /** How many messages the server accepted (counted before parsing, for a bench). */
  accepted = 0;
  /** Without parsing (`parse: false`): the Message-ID of each accepted message, in order. */
  readonly messageIds: string[] = [];
  /** When the first and the last message were accepted (ms since the epoch). */
  firstAt = 0;
  lastAt = 0;
  private server: SMTPServer | null = null;
  port = 0;

  constructor(private readonly opts: { rejects?: RegExp; parse?: boolean } = {}) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      closeTimeout: 200,
      onRcptTo: (address, _session, cb) => {
        if (this.opts.rejects?.test(address.address)) {
          const err = new Error('5.1.1 mailbox unavailable') as Error & { responseCode: number };
          err.responseCode = 550;
          cb(err);
          return;
        }
        cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.accepted += 1;
          this.lastAt = Date.now();
          if (!this.firstAt) this.firstAt = this.lastAt;
          const raw = Buffer.concat(chunks);
          if (this.opts.parse === false) {
            const head = raw.subarray(0, Math.min(raw.length, 8192)).toString('latin1');
            this.messageIds.push(/^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '');
            return cb();
          }
          simpleParser(raw)
            .then((parsed) => {
              this.mails.push({
                to: session.envelope.rcptTo.map((r) => r.address).join(','),
                messageId: parsed.messageId ?? '',
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                html: typeof parsed.html === 'string' ? parsed.html : '',
                headers: new Map(
                  parsed.headerLines.map((h) => [
                    h.key.toLowerCase(),
                    h.line.slice(h.line.indexOf(':') + 1).trim(),
                  ]),
                ),
                parsed,
              });
              cb();
            })
            .catch((e: Error) => cb(e));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    server.on('error', () => undefined);
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
  }

  /** Stops listening and drops open connections (the SMTP server is "down"). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Up again on the same port. */
  async restart(): Promise<void> {
    await this.start(this.port);
  }

  to(address: string): CaughtMail[] {
    return this.mails.filter((m) => m.to.toLowerCase() === address.toLowerCase());
  }
}
