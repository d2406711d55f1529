/**
 * GET/PUT /api/students/me/contact (student only): 基本信息 — the reviewed identity fields read-only,
 * and the contact details (手机号码, 电子邮箱, QQ, 微信) the student may change at any time. The
 * employer lookup, new invitations, agreements and dispatches read the contact details from here.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { findStudentProfile } from '../db/student-contacts';
import { readContact } from '../domain/student-contacts/read-contact';
import { saveStudentContact } from '../domain/student-contacts/save-contact';
import { invalid, notFound } from '../http/errors';
import { contractBody } from '../middleware/contract-body';
import { requireActor } from '../middleware/require-actor';
import type { Db } from '../db/client';
import type { AnswerOf } from '../../contract/route';
import type { StudentProfileSchema } from '../../contract/students';
import { ContactBodySchema } from '../../contract/session';

async function profileView(db: Db, studentId: string | null): Promise<AnswerOf<typeof StudentProfileSchema>> {
  const p = studentId ? await findStudentProfile(db, studentId) : undefined;
  if (!p) throw notFound('学生信息不存在');
  return {
    identity: { name: p.name, idNumber: p.idNumber, schoolName: p.schoolName, collegeName: p.collegeName, cohort: p.cohort },
    contact: { mobile: p.mobile, email: p.email, qq: p.qq, wechat: p.wechat },
    updatedAt: p.contactUpdatedAt,
  };
}

export const studentContactRoutes = new Hono<AppEnv>()
  .get('/students/me/contact', async (c) => {
    const actor = await requireActor(c, { ability: 'edit_own_contact' });
    return c.json(await profileView(c.get('db'), actor.studentId));
  })
  .put('/students/me/contact', contractBody(ContactBodySchema), async (c) => {
    const actor = await requireActor(c, { ability: 'edit_own_contact' });
    const { contact, fields } = readContact(await c.req.valid('json'));
    if (fields.length) throw invalid('联系方式未保存，请检查标红的字段', fields, 'validation');
    const db = c.get('db');
    const { changed } = await saveStudentContact(db, actor, contact, new Date().toISOString());
    return c.json({ ...(await profileView(db, actor.studentId)), changed });
  });
