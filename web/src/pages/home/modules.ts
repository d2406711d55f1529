/**
 * The modules the signed-in account works in, as the session answer lists them (`modules`): what
 * its home page shows as cards and what the header's navigation (the phone menu, the desktop bar)
 * reaches. One list for both; a record kind's label comes from GET /api/lifecycles.
 */
import type { Module, PageModule } from '../../../../contract/abilities';
import { isKind } from '../../../../contract/kinds';
import type { Lifecycles } from '../../api/types';

export interface HomeModule {
  key: string;
  label: string;
  href: string;
  /** the lifecycle kind the module lists, if it is one */
  kind?: string;
}

/** where each page module leads and what it is called */
const PAGES: Record<PageModule, { label: string; href: string }> = {
  'destination-follow-up': { label: '去向跟进', href: '/destinations/follow-up' },
  'destination-settings': { label: '去向登记设置', href: '/destinations/settings' },
  statistics: { label: '就业统计', href: '/statistics' },
  'source-import': { label: '生源导入', href: '/source-records/import' },
  'school-profile': { label: '学校信息', href: '/school/profile' },
  forms: { label: '表单管理', href: '/admin/forms' },
  audit: { label: '审计链校验', href: '/audit' },
  outbox: { label: '发件监控', href: '/admin/outbox' },
};

/** Whether any module is a record list (then the labels of GET /api/lifecycles are needed). */
export function listsRecords(modules: readonly Module[]): boolean {
  return modules.some((m) => isKind(m));
}

/** The modules in the session's order, once the lifecycles they list are known (none of them before). */
export function homeModules(modules: readonly Module[], lcs: Lifecycles | undefined): HomeModule[] {
  if (!lcs && listsRecords(modules)) return [];
  const out: HomeModule[] = [];
  for (const m of modules) {
    if (!isKind(m)) out.push({ key: m, ...PAGES[m] });
    else {
      const lc = lcs?.[m];
      if (lc) out.push({ key: m, kind: m, label: lc.label, href: `/r/${m}` });
    }
  }
  return out;
}
