/**
 * 导出 CSV / 导出 Excel of 毕业去向登记 (centre: every school; school: its own): the registered
 * destinations (已登记 and 签约就业) in the national column order, GET /api/destinations/export.
 */
import type { User } from '../../api/types';
import { destinationExportHref } from '../../api/destinations';
import { can } from '../../auth/abilities';

/** on the destinations list, to whoever the session says may export them */
export const canExportDestinations = (kind: string, user: Pick<User, 'abilities'>) =>
  kind === 'destinations' && can(user, 'export_destinations');

export function DestinationExport() {
  return (
    <div className="dispatch-export" role="group" aria-label="导出毕业去向">
      <a className="btn" href={destinationExportHref('csv')} download>
        导出 CSV
      </a>
      <a className="btn" href={destinationExportHref('xlsx')} download>
        导出 Excel
      </a>
      <p className="muted small">导出已登记（含签约就业）的毕业去向，按全国毕业去向登记的列顺序。</p>
    </div>
  );
}
