/** 学校 / 学院 filters of a review queue: a school reviewer picks a college, the province a school too. */
import { loadSchools } from '../../api/organisations';
import { useUser } from '../../auth/session';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';

export function OrgFilters({ school, college, onChange }: { school: string; college: string; onChange: (next: { school: string; college: string }) => void }) {
  const user = useUser();
  const schools = useQuery({ queryKey: queryKeys.schools(user.id), queryFn: () => loadSchools(user.id) });
  if (!['school', 'province', 'center', 'admin'].includes(user.role) || !schools.data) return null;
  const all = schools.data;
  const chooseSchool = user.role !== 'school';
  const current = chooseSchool ? all.find((s) => s.id === school) : all[0];
  const colleges = current?.colleges ?? [];
  return (
    <>
      {chooseSchool && (
        <div className="field">
          <label htmlFor="f-school" className="field-label">学校</label>
          <select id="f-school" className="input" value={school} onChange={(e) => onChange({ school: e.target.value, college: '' })}>
            <option value="">全部</option>
            {all.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </div>
      )}
      {colleges.length > 0 && (
        <div className="field">
          <label htmlFor="f-college" className="field-label">学院</label>
          <select id="f-college" className="input" value={college} onChange={(e) => onChange({ school, college: e.target.value })}>
            <option value="">全部</option>
            {colleges.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </div>
      )}
    </>
  );
}
