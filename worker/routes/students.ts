/**
 * GET /api/students/lookup (employer only, docs/architecture.md, the HTTP API): school + cohort + exactly one identifier —
 * ID number, phone, or name with phone — or school + 签约码 alone. Never a browse. A miss says what
 * to check (as the user guide's FAQ advises) without revealing whether the person exists; hits show only the last
 * 4 characters of ID and phone. Every lookup is rate-limited, counted against the employer's daily
 * quota and audited (`domain/student-lookup/audit-lookup.ts`).
 * GET /api/schools: the school list for the lookup form.
 */
import { Hono } from 'hono';
import { isMobile, maskIdNumber, maskPhone } from '../../forms/engine';
import type { AppEnv } from '../app-env';
import type { Actor } from '../auth/actor';
import { hasAbility } from '../auth/abilities';
import { admitAndAuditLookup, type LookupIdentifier } from '../domain/student-lookup/audit-lookup';
import { keyedHash } from '../domain/student-lookup/keyed-hash';
import { normaliseSigningCode } from '../domain/student-lookup/signing-code';
import { listColleges, listSchools, lookupApprovedStudentsRead } from '../db/students';
import { AppError, badRequest, forbidden } from '../http/errors';
import { searchTerm } from '../http/search-term';
import { requireActor, requireActorWith, type RequireOptions } from '../middleware/require-actor';
import type { AnswerOf } from '../../contract/route';
import type { LookupHitsSchema, SchoolListSchema } from '../../contract/students';

export const LOOKUP_MISS_MESSAGE =
  '未找到符合条件的学生。请确认：1）学生的生源信息是否已经是“省级通过”状态；2）搜索内容是否正确（学生所在学校、毕业届、姓名、手机号或者身份证号）。';

const EMPLOYERS: RequireOptions = { roles: ['employer'] };

/** By 签约码 there is no cohort: the code names one student. */
interface LookupQuery {
  school: string;
  cohort: number | null;
  by: LookupIdentifier;
}

function lookupQuery(q: Record<string, string | undefined>): LookupQuery {
  const school = q.school?.trim();
  if (!school) throw badRequest('bad_query', '请选择学生所在学校', [{ path: 'school', code: 'required', message: '必填' }]);
  const by = lookupBy(q);
  if (by.by === 'code') return { school, cohort: null, by };
  const cohort = Number(q.cohort);
  if (!Number.isInteger(cohort) || cohort < 2000 || cohort > 2100)
    throw badRequest('bad_query', '请选择毕业届', [{ path: 'cohort', code: 'required', message: '必填' }]);
  if ('phone' in by && !isMobile(by.phone))
    throw badRequest('bad_query', '手机号格式不正确', [{ path: 'phone', code: 'phone', message: '请输入 11 位手机号码' }]);
  return { school, cohort, by };
}

function lookupBy(q: Record<string, string | undefined>): LookupIdentifier {
  const idNumber = searchTerm(q.idNumber, 'idNumber', '身份证号')?.toUpperCase();
  const phone = searchTerm(q.phone, 'phone', '手机号');
  const name = searchTerm(q.name, 'name', '姓名');
  const code = searchTerm(q.code, 'code', '签约码');
  if (code && !idNumber && !phone && !name) {
    const normalised = normaliseSigningCode(code);
    if (!normalised)
      throw badRequest('bad_query', '签约码格式不正确', [{ path: 'code', code: 'format', message: '签约码为 8 位字母或数字' }]);
    return { by: 'code', code: normalised };
  }
  if (code) throw badRequest('bad_query', '请使用一种方式查询：身份证号，或手机号，或姓名加手机号，或签约码');
  if (idNumber && !phone && !name) return { by: 'idNumber', idNumber };
  if (phone && name && !idNumber) return { by: 'namePhone', name, phone };
  if (phone && !name && !idNumber) return { by: 'phone', phone };
  throw badRequest('bad_query', '请使用一种方式查询：身份证号，或手机号，或姓名加手机号，或签约码');
}

async function matchOf(env: Env, by: LookupIdentifier, now: Date) {
  switch (by.by) {
    case 'code':
      return { codeHash: await keyedHash(env.SESSION_SECRET, 'signing-code', by.code), now: now.toISOString() };
    case 'idNumber':
      return { idNumber: by.idNumber };
    case 'phone':
      return { phone: by.phone };
    case 'namePhone':
      return { name: by.name, phone: by.phone };
  }
}

function assertVerified(actor: Actor) {
  if (!actor.employerVerified) throw forbidden('单位信息尚未通过就业中心审核，暂不能查询学生');
}

export const studentRoutes = new Hono<AppEnv>()
  .get('/students/lookup', async (c) => {
    // The query is checked first but answered only after the caller: who may not look up gets
    // 401/403, never a hint about the query. A good query is read with the session, in one round trip;
    // then the limits are taken and the audit written (429 answers nothing about the students).
    let query: LookupQuery;
    try {
      query = lookupQuery(c.req.query());
    } catch (bad) {
      assertVerified(await requireActor(c, EMPLOYERS));
      throw bad;
    }
    const now = new Date();
    const db = c.get('db');
    const read = lookupApprovedStudentsRead(db, query.school, query.cohort, await matchOf(c.env, query.by, now));
    const [actor, found = []] = await requireActorWith(c, read, EMPLOYERS);
    assertVerified(actor);
    await admitAndAuditLookup(
      c.env,
      db,
      {
        actor,
        ip: c.req.header('CF-Connecting-IP') ?? null,
        schoolId: query.school,
        cohort: query.cohort,
        identifier: query.by,
        found: found.map((s) => s.id),
      },
      now,
    );
    if (found.length === 0) throw new AppError(404, 'student_not_found', LOOKUP_MISS_MESSAGE);
    return c.json({
      items: found.map((s) => ({
        studentId: s.id,
        name: s.name,
        idNumber: maskIdNumber(s.idNumber),
        phone: s.phone ? maskPhone(s.phone) : null,
        schoolName: s.schoolName,
        collegeName: s.collegeName,
        cohort: s.cohort,
      })),
    } satisfies AnswerOf<typeof LookupHitsSchema>);
  })
  // Who may filter queues by college (worker/auth/abilities.ts) also gets the colleges: a school its
  // own, the province all; a college reviewer its own school.
  .get('/schools', async (c) => {
    const actor = await requireActor(c);
    const db = c.get('db');
    const schools = await listSchools(db);
    const own = actor.role === 'school' || actor.role === 'college' ? (actor.schoolId ?? '') : undefined;
    if (!hasAbility(actor.role, 'filter_by_college')) {
      return c.json({ items: schools.filter((s) => own === undefined || s.id === own) } satisfies AnswerOf<typeof SchoolListSchema>);
    }
    const colleges = await listColleges(db, own);
    return c.json({
      items: schools
        .filter((s) => own === undefined || s.id === own)
        .map((s) => ({ ...s, colleges: colleges.filter((col) => col.schoolId === s.id).map(({ id, name }) => ({ id, name })) })),
    } satisfies AnswerOf<typeof SchoolListSchema>);
  });
