/**
 * GET/PUT /api/schools/me/profile (school reviewer only): 学校信息 — 就业主管部门, 联系人, 电话, 地址,
 * 邮编, kept once for the reviewer's own school. The school step of an agreement opens prefilled
 * from it (`fromSchoolProfile` of the lifecycle).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import type { Db } from '../db/client';
import { findSchoolProfile } from '../db/school-profiles';
import { readSchoolProfile } from '../domain/school-profiles/read-school-profile';
import { saveSchoolProfile } from '../domain/school-profiles/save-school-profile';
import { invalid, notFound } from '../http/errors';
import { contractBodyCheckedByDomain } from '../middleware/contract-body';
import { requireActor } from '../middleware/require-actor';
import type { AnswerOf } from '../../contract/route';
import { SchoolProfileBodySchema, type SchoolProfileViewSchema } from '../../contract/schools';

async function profileView(db: Db, schoolId: string | null): Promise<AnswerOf<typeof SchoolProfileViewSchema>> {
  const found = schoolId ? await findSchoolProfile(db, schoolId) : undefined;
  if (!found) throw notFound('学校不存在');
  return {
    school: { name: found.schoolName, code: found.schoolCode },
    profile: found.profile,
    updatedAt: found.updatedAt,
  };
}

export const schoolProfileRoutes = new Hono<AppEnv>()
  .get('/schools/me/profile', async (c) => {
    const actor = await requireActor(c, { ability: 'edit_school_profile' });
    return c.json(await profileView(c.get('db'), actor.schoolId));
  })
  .put('/schools/me/profile', contractBodyCheckedByDomain(SchoolProfileBodySchema), async (c) => {
    const actor = await requireActor(c, { ability: 'edit_school_profile' });
    const { profile, fields } = readSchoolProfile(await c.req.valid('json'));
    if (fields.length) throw invalid('学校信息未保存，请检查标红的字段', fields, 'validation');
    const db = c.get('db');
    const { changed } = await saveSchoolProfile(db, actor, profile, new Date().toISOString());
    return c.json({ ...(await profileView(db, actor.schoolId)), changed });
  });
