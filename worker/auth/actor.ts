import type { Role } from '../../forms/engine/types';

/** The authenticated person behind a request, with the scope their role gives them. */
export interface Actor {
  accountId: string;
  username: string;
  role: Role;
  displayName: string;
  schoolId: string | null;
  collegeId: string | null;
  employerId: string | null;
  studentId: string | null;
  mustChangePassword: boolean;
  identityConfirmed: boolean;
  /**
   * For an employer: whether the centre has verified it (it may look students up and invite only
   * then). Read with the session, so the lookup needs no read of its own; false for other roles.
   */
  employerVerified: boolean;
}
