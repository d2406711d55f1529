/**
 * The sweep's first step, as the every-minute run takes it: the e-mail and SMS rows of every
 * notification committed so far (a transition commits the notification; its channel rows follow).
 */
import { env } from 'cloudflare:workers';
import { openDb } from '../db/client';
import { writeDeliveries } from '../domain/notifications/sweep-outbox';

export const writeDeliveriesNow = (): Promise<number> => writeDeliveries(openDb(env.DB));
