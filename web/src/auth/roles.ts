import type { Role } from '../api/types';

export const ROLE_LABELS: Record<Role, string> = {
  student: '学生',
  employer: '用人单位',
  college: '学院审核',
  school: '学校审核',
  province: '省级审核',
  center: '就业中心',
  admin: '管理员',
};

export const roleLabel = (role: string | null | undefined): string =>
  role && Object.hasOwn(ROLE_LABELS, role) ? ROLE_LABELS[role as Role] : role ?? '';
