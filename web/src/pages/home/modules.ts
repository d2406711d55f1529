/**
 * The modules a role works in: what its home page shows as cards and what the header's navigation
 * (the phone menu, the desktop bar) reaches. One list for both, built from GET /api/lifecycles.
 */
import type { Lifecycles, Role } from '../../api/types';

export interface HomeModule {
  key: string;
  label: string;
  href: string;
  /** the lifecycle kind the module lists, if it is one */
  kind?: string;
}

/** The employer's cards, in the order of the signing flow (its registration shows as a status line). */
const EMPLOYER_KINDS = ['invitations', 'agreements', 'amendments', 'terminations'];

const ADMIN_MODULES: HomeModule[] = [
  { key: 'forms', label: '表单管理', href: '/admin/forms' },
  { key: 'audit', label: '审计链校验', href: '/audit' },
  { key: 'outbox', label: '发件监控', href: '/admin/outbox' },
];

export function homeModules(role: Role, lcs: Lifecycles): HomeModule[] {
  if (role === 'admin') return ADMIN_MODULES;
  const kinds = role === 'employer' ? EMPLOYER_KINDS : Object.keys(lcs);
  const out: HomeModule[] = kinds.flatMap((kind) => {
    const lc = lcs[kind];
    return lc ? [{ key: kind, kind, label: lc.label, href: `/r/${kind}` }] : [];
  });
  // 毕业去向登记: counsellors follow up their graduates (the school sees every college)
  if (role === 'college' || role === 'school') out.push({ key: 'destination-follow-up', label: '去向跟进', href: '/destinations/follow-up' });
  if (role === 'province') out.push({ key: 'destination-settings', label: '去向登记设置', href: '/destinations/settings' });
  if (role === 'school') out.push({ key: 'source-import', label: '生源导入', href: '/source-records/import' });
  if (role === 'school') out.push({ key: 'school-profile', label: '学校信息', href: '/school/profile' });
  return out;
}
