/**
 * Form definitions (docs/architecture.md, the HTTP API): anyone signed in reads published versions; only `admin` lists
 * them with their use, keeps a draft, checks its impact, compares versions, publishes and rolls back.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env';
import { deleteDraftStatement, draftRow } from '../db/forms';
import { definitionProblems } from '../domain/form-publishing/definition-problems';
import { diffDefinitions } from '../domain/form-publishing/diff-definitions';
import { staleBase } from '../domain/form-publishing/draft-base';
import { formCatalog, formVersions } from '../domain/form-publishing/form-catalog';
import { formImpact } from '../domain/form-publishing/form-impact';
import { publishForm, type PublishResult } from '../domain/form-publishing/publish-form';
import { saveFormDraft } from '../domain/form-publishing/save-draft';
import { formAtVersion, latestForm, type FormVersion } from '../form-registry/registry';
import { badRequest, notFound } from '../http/errors';
import { contractBody } from '../middleware/contract-body';
import { requireActor } from '../middleware/require-actor';
import { CheckBodySchema, PublishBodySchema, RollbackBodySchema, SaveDraftBodySchema } from '../../contract/forms';
import type { FormDefinition } from '../../forms/engine/types';

const admin = (c: Context<AppEnv>) => requireActor(c, { ability: 'manage_forms' });

function versionNumber(raw: string | undefined, name: string): number {
  const n = Number(raw);
  if (!raw || !Number.isSafeInteger(n) || n < 1) throw badRequest('bad_query', `${name}必须是正整数版本号`);
  return n;
}

async function draftOrNotFound(c: Context<AppEnv>, key: string) {
  await latestForm(c.get('db'), key); // 404 for a form that does not exist
  const draft = await draftRow(c.get('db'), key);
  if (!draft) throw notFound('该表单没有草稿');
  return draft;
}

/** `n`, or the saved draft for `draft`: what a diff side names. */
async function side(c: Context<AppEnv>, key: string, raw: string | undefined, name: string): Promise<FormDefinition> {
  if (raw === 'draft') return (await draftOrNotFound(c, key)).definition as unknown as FormDefinition;
  return (await formAtVersion(c.get('db'), key, versionNumber(raw, name))).definition;
}

function answerPublish(c: Context<AppEnv>, result: PublishResult) {
  if (result.published) return c.json({ key: result.key, version: result.version }, 201);
  const n = result.impact.affectedCount;
  return c.json(
    {
      error: { code: 'impact_unconfirmed', message: `有 ${n} 条进行中的记录会受影响，请查看影响报告并确认后再发布` },
      impact: result.impact,
    },
    409,
  );
}

export const formRoutes = new Hono<AppEnv>()
  .get('/forms', async (c) => {
    await admin(c);
    return c.json({ items: await formCatalog(c.get('db')) });
  })
  .get('/forms/:key', async (c) => {
    await requireActor(c, { allowInitialPassword: true });
    const form = await latestForm(c.get('db'), c.req.param('key'));
    return c.json(form);
  })
  .get('/forms/:key/versions', async (c) => {
    await admin(c);
    return c.json({ items: await formVersions(c.get('db'), c.req.param('key')) });
  })
  .get('/forms/:key/versions/:n', async (c) => {
    await requireActor(c, { allowInitialPassword: true });
    const n = Number(c.req.param('n'));
    if (!Number.isSafeInteger(n) || n < 1) throw badRequest('bad_query', '版本号必须是正整数');
    const form: FormVersion = await formAtVersion(c.get('db'), c.req.param('key'), n);
    // Published versions never change: let browsers keep them.
    c.header('Cache-Control', 'private, max-age=86400, immutable');
    return c.json(form);
  })
  .get('/forms/:key/draft', async (c) => {
    await admin(c);
    const key = c.req.param('key');
    const latest = await latestForm(c.get('db'), key);
    const draft = await draftRow(c.get('db'), key);
    return c.json({ latestVersion: latest.version, draft: draft ?? null });
  })
  .put('/forms/:key/draft', contractBody(SaveDraftBodySchema), async (c) => {
    const actor = await admin(c);
    // savedAt null says "there was no draft", so it stays apart from a missing field
    const { definition, baseVersion, savedAt } = await c.req.valid('json');
    return c.json(await saveFormDraft(c.get('db'), actor, c.req.param('key'), definition, { baseVersion, savedAt }));
  })
  // What saving would report, without saving: the editor asks as the admin types, so a change the
  // lifecycles depend on is refused in place before anything is kept.
  .post('/forms/:key/check', contractBody(CheckBodySchema), async (c) => {
    await admin(c);
    const key = c.req.param('key');
    await latestForm(c.get('db'), key);
    const { definition } = await c.req.valid('json');
    const { shape, lifecycle } = await definitionProblems(c.get('db'), key, definition);
    return c.json({ errors: shape, lifecycleErrors: lifecycle });
  })
  .delete('/forms/:key/draft', async (c) => {
    await admin(c);
    const key = c.req.param('key');
    await latestForm(c.get('db'), key);
    await deleteDraftStatement(c.get('db'), key);
    return c.body(null, 204);
  })
  .get('/forms/:key/impact', async (c) => {
    await admin(c);
    const key = c.req.param('key');
    const draft = await draftOrNotFound(c, key);
    const { shape, lifecycle } = await definitionProblems(c.get('db'), key, draft.definition);
    if (shape.length > 0)
      throw badRequest(
        'definition_invalid',
        '草稿有错误，修改后才能检查影响',
        shape.map((e) => ({ path: e.path, code: 'definition', message: e.message })),
      );
    const impact = await formImpact(c.get('db'), c.env, key, draft.definition as unknown as FormDefinition);
    const stale = await staleBase(c.get('db'), key, draft.baseVersion, impact.latestVersion);
    return c.json({ ...impact, lifecycleErrors: lifecycle, baseVersion: draft.baseVersion ?? impact.latestVersion, staleBase: stale });
  })
  .get('/forms/:key/diff', async (c) => {
    await admin(c);
    const key = c.req.param('key');
    const [from, to] = await Promise.all([side(c, key, c.req.query('from'), 'from '), side(c, key, c.req.query('to'), 'to ')]);
    return c.json(diffDefinitions(from, to));
  })
  .post('/forms/:key/publish', contractBody(PublishBodySchema), async (c) => {
    const actor = await admin(c);
    const key = c.req.param('key');
    const body = await c.req.valid('json');
    const given = body.definition ?? undefined;
    // A definition sent in the body is published as it is; another admin's saved draft stays (and
    // is then stale). Without one, the saved draft is published, if it still starts from the latest.
    const draft = given ? undefined : await draftOrNotFound(c, key);
    const definition = given ?? draft?.definition;
    const result = await publishForm(c.get('db'), c.env, actor, key, {
      definition,
      confirm: body.confirm === true,
      baseVersion: body.baseVersion,
      draftBaseVersion: draft?.baseVersion,
      clearDraft: !given,
    });
    return answerPublish(c, result);
  })
  .post('/forms/:key/rollback', contractBody(RollbackBodySchema), async (c) => {
    const actor = await admin(c);
    const key = c.req.param('key');
    const body = await c.req.valid('json');
    const { version } = body;
    const old = await formAtVersion(c.get('db'), key, version);
    const result = await publishForm(c.get('db'), c.env, actor, key, {
      definition: old.definition,
      confirm: body.confirm === true,
      rollbackOf: version,
      clearDraft: false,
    });
    return answerPublish(c, result);
  });
