/**
 * 导出 CSV / 导出 Excel on the dispatch queue (centre and school): the export of
 * GET /api/dispatches/export with the filters the queue shows now. With no 状态 chosen the export is
 * the 派遣方案 — the records 报到证待打印 — as the receiving systems expect it.
 */
import type { User } from '../../api/types';
import { can } from '../../auth/abilities';

export interface QueueFilters {
  state: string;
  cohort: string;
  q: string;
  school: string;
  college: string;
}

/** on the dispatch queue, to whoever the session says may export it */
export function canExportDispatches(kind: string, user: Pick<User, 'abilities'>): boolean {
  return kind === 'dispatches' && can(user, 'export_dispatches');
}

export function dispatchExportHref(format: 'csv' | 'xlsx', filters: QueueFilters): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filters) as Array<[string, string]>) if (value) params.set(key, value);
  return `/api/dispatches/export?${params.toString()}`;
}

export function DispatchExport({ filters, stateLabel }: { filters: QueueFilters; stateLabel: string | null }) {
  const narrowed = [
    filters.cohort && `${filters.cohort} 届`,
    filters.q && `搜索「${filters.q}」`,
    (filters.school || filters.college) && '所选学校/学院',
  ]
    .filter(Boolean)
    .join('、');
  return (
    <div className="dispatch-export" role="group" aria-label="导出派遣信息">
      <a className="btn" href={dispatchExportHref('csv', filters)} download>
        导出 CSV
      </a>
      <a className="btn" href={dispatchExportHref('xlsx', filters)} download>
        导出 Excel
      </a>
      <p className="muted small">
        按当前筛选导出：{stateLabel ? `「${stateLabel}」` : '未选状态，导出「报到证待打印」'}的记录{narrowed ? `（${narrowed}）` : ''}。
      </p>
    </div>
  );
}
