/**
 * One record of a bulk approval: POST /api/<kind>/:id/approve with the version the reviewer saw in
 * the list (a 409 tells that it moved since). Approvals that carry a form step (e.g. 学校意见) get
 * the record's current data back, so fields the reviewer did not touch are kept, not cleared, and
 * its still-empty school fields filled from the school's 学校信息 as the record page would open them.
 */
import { ApiError } from '../../api/client';
import { getRecord, takeAction } from '../../api/records';
import { withPrefill } from '../../api/schoolProfile';
import type { ListItem, RecordView } from '../../api/types';

export interface RowResult {
  id: string;
  title: string;
  ok: boolean;
  message: string;
}

export async function approveOne(kind: string, item: ListItem): Promise<RowResult> {
  const title = item.title || item.number || item.id;
  try {
    const record: RecordView = await getRecord(kind, item.id);
    const approve = record.actions.find((a) => a.name === 'approve');
    const updated = await takeAction(kind, item.id, 'approve', {
      version: item.version,
      ...(approve?.step ? { data: withPrefill(record) } : {}),
    });
    return { id: item.id, title, ok: true, message: `成功（${updated.stateLabel}）` };
  } catch (e) {
    const message = e instanceof ApiError ? (e.status ? `${e.message}（${e.status}）` : e.message) : '操作失败';
    return { id: item.id, title, ok: false, message };
  }
}

/** What the approve action says about itself (label, confirmation text), read from one record. */
export async function approveActionOf(kind: string, id: string): Promise<{ label: string; confirm: string | null } | null> {
  try {
    const record = await getRecord(kind, id);
    const a = record.actions.find((x) => x.name === 'approve');
    return a ? { label: a.label, confirm: a.confirm } : null;
  } catch {
    return null;
  }
}
