/**
 * What a student controls about being found (students only, their own data):
 * GET /api/students/me/lookups — which employers found them by a lookup, and when;
 * GET/POST /api/students/me/signing-codes — their live 签约码 / a new one (revoking the old);
 * DELETE /api/students/me/signing-codes/:id — revokes one.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env';
import { findSigningCode, liveSigningCodes, revokeSigningCode } from '../db/signing-codes';
import { lookupsOfStudent } from '../db/student-lookups';
import { createSigningCode } from '../domain/student-lookup/create-signing-code';
import { forbidden, notFound } from '../http/errors';
import { requireActor, type RequireOptions } from '../middleware/require-actor';
import type { AnswerOf } from '../../contract/route';
import type { CreatedSigningCodeSchema, MyLookupsSchema, SigningCodesSchema } from '../../contract/students';

const STUDENTS: RequireOptions = { roles: ['student'] };

/** The signed-in student's own id (a student account always has one). */
async function ownStudentId(c: Context<AppEnv>): Promise<string> {
  const { studentId } = await requireActor(c, STUDENTS);
  if (!studentId) throw forbidden();
  return studentId;
}

export const studentPrivacyRoutes = new Hono<AppEnv>()
  .get('/students/me/lookups', async (c) => {
    const studentId = await ownStudentId(c);
    return c.json({ items: await lookupsOfStudent(c.get('db'), studentId) } satisfies AnswerOf<typeof MyLookupsSchema>);
  })
  .get('/students/me/signing-codes', async (c) => {
    const studentId = await ownStudentId(c);
    return c.json({ items: await liveSigningCodes(c.get('db'), studentId, new Date().toISOString()) } satisfies AnswerOf<
      typeof SigningCodesSchema
    >);
  })
  .post('/students/me/signing-codes', async (c) => {
    const studentId = await ownStudentId(c);
    return c.json((await createSigningCode(c.env, c.get('db'), studentId)) satisfies AnswerOf<typeof CreatedSigningCodeSchema>, 201);
  })
  .delete('/students/me/signing-codes/:id', async (c) => {
    const actor = await requireActor(c, STUDENTS);
    const db = c.get('db');
    const code = await findSigningCode(db, c.req.param('id'));
    if (!code || code.studentId !== actor.studentId) throw notFound('签约码不存在或已失效');
    await revokeSigningCode(db, code.id, new Date().toISOString());
    return c.json({ ok: true });
  });
