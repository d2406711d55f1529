/**
 * Where 新建 leads, from the server's create offer (GET /api/lifecycles): the create page with the
 * entry's links, or the student lookup; nothing where records start from another record or where
 * the server would refuse a create now (its reason is shown instead).
 */
import type { CreateOffer } from './types';

export function createHref(kind: string, offer: CreateOffer | null | undefined): string | null {
  if (!offer || !offer.available) return null;
  switch (offer.entry.from) {
    case 'form': {
      const links = new URLSearchParams(offer.entry.links ?? {}).toString();
      return `/r/${encodeURIComponent(kind)}/new${links ? `?${links}` : ''}`;
    }
    case 'lookup':
      return '/students/lookup';
    default:
      return null;
  }
}

/** Why a create a user could otherwise start is refused now; null when it is available or not theirs. */
export function createRefusal(offer: CreateOffer | null | undefined): string | null {
  return offer && !offer.available && offer.entry.from !== 'record' ? offer.reason : null;
}
