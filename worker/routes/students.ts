/**
 * GET /api/students/lookup (employer only, DESIGN §7): school + cohort + exactly one identifier —
 * ID number, phone, or name with phone. Never a browse. A miss says what to check (the seed's FAQ)
 * without revealing whether the person exists; hits show masked ID and phone.
 * GET /api/schools: the school list for the lookup form.
 */
import { Hono } from 'hono';
import { isMobile, maskIdNumber, maskPhone } from '../../forms/engine';
import type { AppEnv } from '../app-env';
import type { Actor } from '../auth/actor';
import { listColleges, listSchools, lookupApprovedStudentsRead, type LookupBy } from '../db/students';
import { AppError, badRequest, forbidden } from '../http/errors';
import { searchTerm } from '../http/search-term';
import { requireActor, requireActorWith, type RequireOptions } from '../middleware/require-actor';

export const LOOKUP_MISS_MESSAGE =
  '未找到符合条件的学生。请确认：1）学生的生源信息是否已经是“省级通过”状态；2）搜索内容是否正确（学生所在学校、毕业届、姓名、手机号或者身份证号）。';

const EMPLOYERS: RequireOptions = { roles: ['employer'] };

interface LookupQuery { school: string; cohort: number; by: LookupBy }

function lookupQuery(q: Record<string, string | undefined>): LookupQuery {
  const school = q.school?.trim();
  const cohort = Number(q.cohort);
  if (!school) throw badRequest('bad_query', '请选择学生所在学校', [{ path: 'school', code: 'required', message: '必填' }]);
  if (!Number.isInteger(cohort) || cohort < 2000 || cohort > 2100) throw badRequest('bad_query', '请选择毕业届', [{ path: 'cohort', code: 'required', message: '必填' }]);
  const by = lookupBy(q);
  if ('phone' in by && !isMobile(by.phone)) throw badRequest('bad_query', '手机号格式不正确', [{ path: 'phone', code: 'phone', message: '请输入 11 位手机号码' }]);
  return { school, cohort, by };
}

function lookupBy(q: Record<string, string | undefined>): LookupBy {
  const idNumber = searchTerm(q.idNumber, 'idNumber', '身份证号')?.toUpperCase();
  const phone = searchTerm(q.phone, 'phone', '手机号');
  const name = searchTerm(q.name, 'name', '姓名');
  if (idNumber && !phone && !name) return { idNumber };
  if (phone && name && !idNumber) return { name, phone };
  if (phone && !name && !idNumber) return { phone };
  throw badRequest('bad_query', '请使用一种方式查询：身份证号，或手机号，或姓名加手机号');
}

function assertVerified(actor: Actor) {
  if (!actor.employerVerified) throw forbidden('单位信息尚未通过就业中心审核，暂不能查询学生');
}

export const studentRoutes = new Hono<AppEnv>()
  .get('/students/lookup', async (c) => {
    // The query is checked first but answered only after the caller: who may not look up gets
    // 401/403, never a hint about the query. A good query is read with the session, in one round trip.
    let query: LookupQuery;
    try {
      query = lookupQuery(c.req.query());
    } catch (bad) {
      assertVerified(await requireActor(c, EMPLOYERS));
      throw bad;
    }
    const [actor, found = []] = await requireActorWith(c, lookupApprovedStudentsRead(c.get('db'), query.school, query.cohort, query.by), EMPLOYERS);
    assertVerified(actor);
    if (found.length === 0) throw new AppError(404, 'student_not_found', LOOKUP_MISS_MESSAGE);
    return c.json({
      items: found.map((s) => ({
        studentId: s.id, name: s.name, idNumber: maskIdNumber(s.idNumber), phone: s.phone ? maskPhone(s.phone) : null,
        schoolName: s.schoolName, collegeName: s.collegeName, cohort: s.cohort,
      })),
    });
  })
  // Reviewers also get the colleges they may filter queues by: a school its own, the province all.
  .get('/schools', async (c) => {
    const actor = await requireActor(c);
    const db = c.get('db');
    const schools = await listSchools(db);
    if (actor.role === 'student' || actor.role === 'employer') return c.json({ items: schools });
    const own = actor.role === 'school' || actor.role === 'college' ? actor.schoolId ?? '' : undefined;
    const colleges = await listColleges(db, own);
    return c.json({
      items: schools.filter((s) => own === undefined || s.id === own)
        .map((s) => ({ ...s, colleges: colleges.filter((col) => col.schoolId === s.id).map(({ id, name }) => ({ id, name })) })),
    });
  });
