import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** No SMTP configured: nothing is sent; the web app shows the links for copying. */
export function createMailer(config: { smtpUrl: string | undefined; mailFrom: string }): Mailer | null {
  if (!config.smtpUrl) return null;
  const url = new URL(config.smtpUrl);
  return { send: (mail) => sendSmtp(url, config.mailFrom, mail) };
}

const TIMEOUT_MS = 15_000;

/** Headers may not carry line breaks (header injection); addresses are checked before. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

function encodeHeader(s: string): string {
  return /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
}

/**
 * A minimal SMTP client (RFC 5321): EHLO, AUTH PLAIN when the URL has a user, MAIL, RCPT, DATA,
 * QUIT. smtps:// speaks TLS from the start; smtp:// is plain (a local relay). One connection
 * per message: invitations are few and sent when someone clicks.
 */
export async function sendSmtp(url: URL, from: string, mail: Mail): Promise<void> {
  const port = Number(url.port) || (url.protocol === 'smtps:' ? 465 : 25);
  const host = url.hostname;
  const socket: Socket = url.protocol === 'smtps:' ? tlsConnect({ host, port, servername: host }) : netConnect({ host, port });
  socket.setTimeout(TIMEOUT_MS);
  let buffer = '';
  const waiting: ((line: { code: number; text: string } | Error) => void)[] = [];
  let pendingLines: string[] = [];
  const fail = (error: Error) => {
    for (const w of waiting.splice(0)) w(error);
  };
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let i;
    while ((i = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      pendingLines.push(line);
      // "250-..." continues; "250 ..." ends a reply.
      if (/^\d{3}(?: |$)/.test(line)) {
        const text = pendingLines.join('\n');
        pendingLines = [];
        waiting.shift()?.({ code: Number(line.slice(0, 3)), text });
      }
    }
  });
  socket.on('timeout', () => {
    fail(new Error('SMTP timeout'));
    socket.destroy();
  });
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('SMTP connection closed')));
  const reply = () =>
    new Promise<{ code: number; text: string }>((resolve, reject) => {
      waiting.push((r) => (r instanceof Error ? reject(r) : resolve(r)));
    });
  const expect = async (codes: number[], command?: string) => {
    const next = reply();
    if (command !== undefined) socket.write(`${command}\r\n`);
    const r = await next;
    if (!codes.includes(r.code)) throw new Error(`SMTP ${command?.split(' ')[0] ?? 'greeting'}: ${r.text}`);
    return r;
  };
  try {
    await expect([220]);
    await expect([250], 'EHLO socle');
    if (url.username) {
      const plain = Buffer.from(`\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`, 'utf8').toString('base64');
      await expect([235], `AUTH PLAIN ${plain}`);
    }
    await expect([250], `MAIL FROM:<${oneLine(from)}>`);
    await expect([250, 251], `RCPT TO:<${oneLine(mail.to)}>`);
    await expect([354], 'DATA');
    const body = mail.text.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
    const message = [
      `From: ${oneLine(from)}`,
      `To: ${oneLine(mail.to)}`,
      `Subject: ${encodeHeader(oneLine(mail.subject))}`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
      '.',
    ].join('\r\n');
    await expect([250], message);
    await expect([221], 'QUIT').catch(() => undefined);
  } finally {
    socket.destroy();
  }
}
