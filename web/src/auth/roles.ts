import { ROLE_LABELS } from '../../../forms/engine/types';
import type { Role } from '../api/types';

export { ROLE_LABELS };

export const roleLabel = (role: string | null | undefined): string =>
  role && Object.hasOwn(ROLE_LABELS, role) ? ROLE_LABELS[role as Role] : (role ?? '');
