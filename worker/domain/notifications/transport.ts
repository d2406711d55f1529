/**
 * The one interface every e-mail and SMS goes out through (docs/deploy.md, notifications). The
 * outbox row's id travels as the idempotency key, so a provider that honours it drops a repeat of
 * a send whose success we never recorded (a consumer that died between sending and marking sent).
 */
import type { Db } from '../../db/client';
import { writeLocalMail } from '../../db/outbox';

export interface OutgoingMessage {
  /** the outbox row's id: the idempotency key */
  id: string;
  channel: 'email' | 'sms';
  address: string;
  subject: string;
  body: string;
}

export interface Transport {
  /** resolves once the provider accepted the message; throws to have it retried */
  send(message: OutgoingMessage): Promise<void>;
  /** many at once, where the provider takes them in one call; the consumer otherwise sends them side by side */
  sendMany?(messages: readonly OutgoingMessage[]): Promise<void>;
}

/** Sends messages through a transport: the outcome of each, in order. */
export async function sendAll(transport: Transport, messages: readonly OutgoingMessage[]): Promise<PromiseSettledResult<void>[]> {
  if (transport.sendMany && messages.length > 1) {
    try {
      await transport.sendMany(messages);
      return messages.map(() => ({ status: 'fulfilled', value: undefined }));
    } catch {
      // the provider refused the lot: each one on its own, so one bad message fails alone
    }
  }
  return Promise.allSettled(messages.map((m) => transport.send(m)));
}

/** The secrets that turn a channel's real provider on (wrangler secret put …). */
export interface TransportSecrets {
  MAIL_API_URL?: string;
  MAIL_API_KEY?: string;
  MAIL_FROM?: string;
  SMS_API_URL?: string;
  SMS_API_KEY?: string;
}

/** 本地发件箱: writes each message to a table the admin page shows; nothing leaves the platform. */
export function localTransport(db: Db): Transport {
  const write = (ms: readonly OutgoingMessage[]) =>
    writeLocalMail(
      db,
      ms.map((m) => ({ outboxId: m.id, channel: m.channel, address: m.address, subject: m.subject, body: m.body })),
      new Date().toISOString(),
    );
  return { send: (m) => write([m]), sendMany: write };
}

async function post(url: string, key: string, idempotencyKey: string, payload: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}`, 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(payload),
  });
  if (!res.ok) throw new Error(`provider answered ${res.status}`);
}

/** An HTTP mail API (JSON `{ from, to, subject, text }`, bearer key). */
export function httpMailTransport(url: string, key: string, from: string): Transport {
  return { send: (m) => post(url, key, m.id, { from, to: m.address, subject: `【网签】${m.subject}`, text: m.body }) };
}

/** An HTTP SMS API (JSON `{ to, text }`, bearer key); the text carries the 【网签】 signature. */
export function httpSmsTransport(url: string, key: string): Transport {
  return { send: (m) => post(url, key, m.id, { to: m.address, text: `【网签】${m.subject}：${m.body}` }) };
}

/**
 * Each channel's transport: its HTTP provider when its secrets are set, otherwise the local one —
 * a deployment without a provider sends nothing out, and the admin sees what it would have sent.
 */
export function transportsFor(env: TransportSecrets, db: Db): (channel: OutgoingMessage['channel']) => Transport {
  const local = localTransport(db);
  const mail =
    env.MAIL_API_URL && env.MAIL_API_KEY && env.MAIL_FROM ? httpMailTransport(env.MAIL_API_URL, env.MAIL_API_KEY, env.MAIL_FROM) : local;
  const sms = env.SMS_API_URL && env.SMS_API_KEY ? httpSmsTransport(env.SMS_API_URL, env.SMS_API_KEY) : local;
  return (channel) => (channel === 'email' ? mail : sms);
}
