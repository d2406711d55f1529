/**
 * The records the viewer may start from this one (提出协议修改, 申请解约 on an agreement): exactly the
 * server's `creatable`, each a link to its create page — the page keeps no rule of its own.
 */
import type { CreatableFrom } from '../../api/types';
import { Link } from '../../router';

export function creatableHref(offer: CreatableFrom): string {
  const links = new URLSearchParams(offer.links).toString();
  return `/r/${encodeURIComponent(offer.kind)}/new${links ? `?${links}` : ''}`;
}

export function CreatableLinks({ offers }: { offers: CreatableFrom[] | undefined }) {
  return (offers ?? []).map((offer) => (
    <Link key={offer.kind} className="btn" href={creatableHref(offer)}>
      {offer.label}
    </Link>
  ));
}
