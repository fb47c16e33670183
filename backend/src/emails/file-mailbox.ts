import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { isInside } from '../config.ts';

/**
 * The file mailbox: without SMTP_URL (and, in production, only with MAIL_DIR set) the outbox worker
 * hands each message to nodemailer's stream transport and writes the RFC 5322 result as an .eml
 * file. Only someone with the server's file system can read it, the same trust as the database;
 * no route serves these files.
 */

/** How the worker hands one message to a transport (SMTP, the file mailbox, a test's capture). */
export interface SendFn {
  (message: { id: number; from: string; replyTo?: string; to: string; subject: string; text: string; html?: string | null; template?: string; headers?: Record<string, string> }): Promise<unknown>;
}

type Outgoing = Parameters<SendFn>[0];

/** The message exactly as it goes to the mail server or into the file mailbox. */
export const mailOptions = (m: Outgoing): Mail.Options => ({
  from: m.from,
  to: m.to,
  subject: m.subject,
  text: m.text,
  // Text and HTML from the same Markdown: multipart/alternative.
  ...(m.html ? { html: m.html } : {}),
  ...(m.replyTo ? { replyTo: m.replyTo } : {}),
  ...(m.headers ? { headers: m.headers } : {}),
  // A stable Message-ID lets a receiving server recognise the (rare) resend after a crash.
  messageId: `<outbox-${m.id}@fellowship-crm>`,
});

/** `2026-12-07T17-45-12Z_000123_password_reset.eml`: sorts by time (UTC), unique by the outbox id. */
export function mailFileName(at: Date, id: number, template: string): string {
  const time = at.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
  const kind = template.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60) || 'mail';
  return `${time}_${String(id).padStart(6, '0')}_${kind}.eml`;
}

/**
 * Creates the folder (0700) if needed and checks it can be written; refuses one inside a folder the
 * web server serves (the console build), where a link could be downloaded. Throws a message that
 * names MAIL_DIR.
 */
export async function prepareMailDir(dir: string, served: string[] = []): Promise<void> {
  const where = resolve(dir);
  for (const s of served) {
    if (isInside(where, s)) throw new Error(`MAIL_DIR (${where}) liegt in ${resolve(s)}, den der Server ausliefert; bitte einen anderen Ordner wählen.`);
  }
  try {
    await mkdir(where, { recursive: true, mode: 0o700 });
    if (!(await stat(where)).isDirectory()) throw new Error('kein Ordner');
    await access(where, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(`MAIL_DIR (${where}) ist kein beschreibbarer Ordner: ${reason}`, { cause: error });
  }
}

/**
 * Writes `data` as `name` in `dir` all at once: into a hidden temporary file (0600, synced) that is
 * then renamed, so a reader never sees half a message.
 */
async function writeAtomically(dir: string, name: string, data: Buffer): Promise<void> {
  const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const file = await open(temp, 'wx', 0o600);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, join(dir, name));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

const streams = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

/** The sender for the file mailbox: one .eml file per message in `dir`. */
export function fileSender(dir: string): SendFn {
  const where = resolve(dir);
  return async (m) => {
    const info = await streams.sendMail(mailOptions(m));
    // Recreated if someone emptied the mailbox by deleting the folder while the server runs.
    await mkdir(where, { recursive: true, mode: 0o700 });
    const name = mailFileName(new Date(), m.id, m.template ?? 'mail');
    await writeAtomically(where, name, info.message as Buffer);
    return { file: join(where, name) };
  };
}
