/**
 * Where a reviewer may approve in bulk: the list is filtered to a state in which this role has an
 * `approve` transition (worker/lifecycle/definitions). The API itself stays per record.
 */
import type { Role } from '../../api/types';

const APPROVABLE: Record<string, Partial<Record<Role, string[]>>> = {
  'source-records': { school: ['submitted'], province: ['school_approved'] },
  agreements: { college: ['college_review'], school: ['school_review'] },
  dispatches: { college: ['college_review'], school: ['school_review'], center: ['center_review'] },
  terminations: { college: ['college_review'], school: ['school_review'] },
};

export function canBulkApprove(kind: string, role: Role, state: string): boolean {
  return !!state && (APPROVABLE[kind]?.[role] ?? []).includes(state);
}

/** Queues reviewed one record at a time: an employer's registration is checked against its licence. */
const REVIEWED_SINGLY: Record<string, Partial<Record<Role, string[]>>> = {
  'employer-registrations': { center: ['pending'] },
};

/** The review queue of a role for a kind (the first approvable state), for home-page links. */
export function approvableStates(kind: string, role: Role): string[] {
  return APPROVABLE[kind]?.[role] ?? REVIEWED_SINGLY[kind]?.[role] ?? [];
}
