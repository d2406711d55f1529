/**
 * Sending from the request (docs/architecture.md, notifications): once a write's batch committed,
 * the events it notified go to NOTIFY_QUEUE after the answer (`waitUntil`), so an e-mail or SMS
 * leaves within seconds instead of at the next sweep.
 *
 * The requests an isolate serves within GATHER_MS share one message, `{ eventIds }` (up to 100
 * events): the first starts a gathering and sends it when the window closes (its `waitUntil` holds
 * it open); the ones that come meanwhile only add their events. In signing season that is one queue
 * message a second, not one a request, and the consumer claims all its rows in one statement.
 *
 * Nothing here can lose a message: a send that fails (or an isolate that goes away before its
 * window closes) is logged and the every-minute sweep hands the rows over later; a message that
 * arrives twice (this one and the sweep's) sends nothing twice, because the consumer claims each
 * row before it sends.
 */
import { notifiedEvents } from '../../db/notifications';
import type { Write } from '../../db/batch';
import type { OutboxMessage } from '../../domain/notifications/deliver-outbox';

/** The operator's switch (docs/deploy.md): "off" leaves every row to the sweep. */
export function sendFromRequest(env: Pick<Env, 'NOTIFY_FROM_REQUEST'>): boolean {
  return env.NOTIFY_FROM_REQUEST !== 'off';
}

/** How long an isolate gathers its requests' events before it queues them in one call. */
export const GATHER_MS = 1000;

/** events a message names at most (its body stays a few KB, far under the queue's 128 KB) */
const PER_MESSAGE = 100;

interface Gathering {
  queue: Queue<OutboxMessage>;
  events: string[];
}

/** the isolate's open gathering, if a request started one less than GATHER_MS ago */
let open: Gathering | null = null;

async function send(g: Gathering): Promise<number> {
  try {
    const messages = [];
    for (let i = 0; i < g.events.length; i += PER_MESSAGE) messages.push({ body: { eventIds: g.events.slice(i, i + PER_MESSAGE) } });
    // a queue call takes at most 100 messages: 10,000 events
    for (let i = 0; i < messages.length; i += 100) await g.queue.sendBatch(messages.slice(i, i + 100));
    return g.events.length;
  } catch (err) {
    console.error('notifications: queueing from the request failed; the sweep will send them', err);
    return 0;
  }
}

export interface EnqueueOptions {
  /** the gathering window (tests shorten it) */
  gatherMs?: number;
}

/**
 * Queues the notified events of committed writes. Resolves, for the request that opened the
 * gathering, when the queue took all of it (the number of events sent, 0 when it failed, logged);
 * for a request that joined an open gathering, at once with 0.
 */
export function enqueueNotified(queue: Queue<OutboxMessage>, writes: readonly Write[], options: EnqueueOptions = {}): Promise<number> {
  const events = notifiedEvents(writes);
  if (events.length === 0) return Promise.resolve(0);
  if (open) {
    open.events.push(...events);
    return Promise.resolve(0);
  }
  const gathering: Gathering = { queue, events: [...events] };
  open = gathering;
  return new Promise<void>((resolve) => setTimeout(resolve, options.gatherMs ?? GATHER_MS)).then(() => {
    if (open === gathering) open = null;
    return send(gathering);
  });
}
