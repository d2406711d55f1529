/**
 * Whose graduates the caller counts (docs/architecture.md, roles and scope): a college reviewer its
 * college, a school reviewer its school, the province and the centre every school or the one they
 * filter by. Anyone else was refused by the route's ability before this.
 */
import type { Actor } from '../../auth/actor';
import { hasAbility } from '../../auth/abilities';
import type { StatisticsScope } from '../../db/statistics';
import { forbidden } from '../../http/errors';

export function statisticsScope(actor: Actor, school: string | null): StatisticsScope {
  if (hasAbility(actor.role, 'filter_by_school')) return { schoolId: school, collegeId: null };
  // a reviewer's own school is the only one it may name
  if (school !== null && school !== actor.schoolId) throw forbidden('只能查看本校的就业统计');
  if (actor.role === 'college' && actor.schoolId && actor.collegeId) return { schoolId: actor.schoolId, collegeId: actor.collegeId };
  if (actor.role === 'school' && actor.schoolId) return { schoolId: actor.schoolId, collegeId: null };
  throw forbidden();
}
