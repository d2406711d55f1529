/**
 * After a reviewer approves or rejects, on to the next record of the same queue waiting for them
 * (the server names it), with the result notice shown there; when none is left, back to the queue
 * with 「已全部处理」. The notice travels as a one-shot flash beside the navigation.
 */
import { nextWaiting } from '../../api/records';
import { navigate } from '../../router';
import { listHref, parseQueue, recordHref } from './queue-params';

export interface Flash {
  tone: 'ok' | 'info';
  text: string;
}

let flash: { href: string; value: Flash } | null = null;

/** The notice left for this page by the previous one, taken once. */
export function takeFlash(href: string): Flash | null {
  if (!flash || flash.href !== href) return null;
  const { value } = flash;
  flash = null;
  return value;
}

export const ALL_DONE = '已全部处理';

/** Goes to the next waiting record (or the queue); false when the next could not be asked for. */
export async function advanceQueue(kind: string, id: string, queueValue: string | null, notice: string): Promise<boolean> {
  const filters = parseQueue(queueValue);
  let next: string | null;
  try {
    next = (await nextWaiting(kind, filters, id)).next;
  } catch {
    return false;
  }
  const href = next ? recordHref(kind, next, filters) : listHref(kind, filters);
  flash = {
    href,
    value: next ? { tone: 'ok', text: `${notice}，已为您打开下一条待处理记录` } : { tone: 'info', text: `${notice}。${ALL_DONE}` },
  };
  navigate(href);
  return true;
}
