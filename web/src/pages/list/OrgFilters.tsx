/**
 * 学校 / 学院 filters of a review queue, as the session answer's abilities offer them (a school
 * reviewer picks a college, the province a school too); GET /api/schools lists the choices.
 */
import { loadSchools } from '../../api/organisations';
import { useUser } from '../../auth/session';
import { can } from '../../auth/abilities';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';

export function OrgFilters({
  school,
  college,
  onChange,
}: {
  school: string;
  college: string;
  onChange: (next: { school: string; college: string }) => void;
}) {
  const user = useUser();
  const chooseSchool = can(user, 'filter_by_school');
  const chooseCollege = can(user, 'filter_by_college');
  const schools = useQuery({
    queryKey: queryKeys.schools(user.id),
    queryFn: () => loadSchools(user.id),
    enabled: chooseSchool || chooseCollege,
  });
  if (!schools.data) return null;
  const all = schools.data;
  const current = chooseSchool ? all.find((s) => s.id === school) : all[0];
  const colleges = chooseCollege ? (current?.colleges ?? []) : [];
  return (
    <>
      {chooseSchool && (
        <div className="field">
          <label htmlFor="f-school" className="field-label">
            学校
          </label>
          <select id="f-school" className="input" value={school} onChange={(e) => onChange({ school: e.target.value, college: '' })}>
            <option value="">全部</option>
            {all.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {colleges.length > 0 && (
        <div className="field">
          <label htmlFor="f-college" className="field-label">
            学院
          </label>
          <select id="f-college" className="input" value={college} onChange={(e) => onChange({ school, college: e.target.value })}>
            <option value="">全部</option>
            {colleges.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}
