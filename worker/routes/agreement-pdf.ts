/**
 * GET /api/agreements/:id/pdf — the agreement as an A4 PDF of four copies to print, sign and stamp
 * (docs/architecture.md, the lifecycles). Exactly those who may read the agreement get it; everyone else gets the same 404
 * as for a record that does not exist, so ids cannot be probed.
 */
import { Hono } from 'hono';
import { allFields } from '../../forms/engine';
import type { AppEnv } from '../app-env';
import { findRecord } from '../db/records';
import { agreementContent } from '../domain/agreement-pdf/agreement-content';
import { agreementFont } from '../domain/agreement-pdf/agreement-font';
import { renderAgreementPdf } from '../domain/agreement-pdf/render-pdf';
import { pdfSigner } from '../domain/pdf-signature/pdf-signer';
import { formAtVersion } from '../form-registry/registry';
import { notFound } from '../http/errors';
import { labelsFor } from '../lifecycle/labels';
import { canRead } from '../lifecycle/read-access';
import { readableData } from '../lifecycle/record-view';
import { lifecycleOf } from '../lifecycle/registry';
import { requireActor } from '../middleware/require-actor';
import { downloadHeaders } from '../http/download';

/** The PDF's name: 协议书-<number>.pdf (agreement-<number>.pdf for old clients). */
function pdfDownload(number: string): Record<string, string> {
  const safe = number.replace(/[^0-9A-Za-z-]/g, '');
  return downloadHeaders('pdf', `协议书-${safe}`, `agreement-${safe}`);
}

export const agreementPdfRoutes = new Hono<AppEnv>().get('/agreements/:id/pdf', async (c) => {
  const actor = await requireActor(c);
  const lifecycle = lifecycleOf('agreements');
  const db = c.get('db');
  const record = await findRecord(db, c.req.param('id'));
  if (!record || record.kind !== lifecycle.kind || !canRead(lifecycle, record, actor)) throw notFound();

  const [form, font, signer] = await Promise.all([
    formAtVersion(db, record.formKey, record.formVersion),
    agreementFont(c.env),
    pdfSigner(c.env),
  ]);
  // the record view's rule for which fields this viewer may read, applied to every field of the form
  const everyField = Object.fromEntries(allFields(form.definition).map((f) => [f.key, true]));
  const readable = new Set(Object.keys(readableData(form.definition, everyField, actor)));
  const content = agreementContent({
    definition: form.definition,
    data: record.data,
    canRead: (key) => readable.has(key),
    number: record.number,
    stateLabel: labelsFor(c.env, lifecycle)[record.state] ?? record.state,
    mode: record.mode,
    verifyCode: record.verifyCode,
    origin: new URL(c.req.url).origin,
    signed: signer !== null,
  });
  const pdf = await renderAgreementPdf(content, font, signer);
  return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
    ...pdfDownload(record.number ?? record.id),
    'Cache-Control': 'private, no-store',
  });
});
