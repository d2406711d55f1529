import { env } from 'cloudflare:workers';
import { afterAll, describe, expect, it } from 'vitest';
import dispatchJson from '../../forms/dispatch.json';
import employerJson from '../../forms/employer.json';
import { MAX_VALIDATION_WORK } from '../../forms/engine/cost';
import agreementJson from '../../forms/agreement.json';
import type { FieldDef, FormDefinition } from '../../forms/engine/types';
import { newId } from '../lib/encoding';
import { TestClient } from '../test/client';
import { count } from '../test/fixtures';

const shippedDispatch = dispatchJson as unknown as FormDefinition;
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** The dispatch form with an extra field in its first section (and any other edit applied). */
function dispatchWith(extra: FieldDef[], edit: (d: FormDefinition) => void = () => {}): FormDefinition {
  const d = copy(shippedDispatch);
  d.steps[0]!.sections[0]!.rows.push(extra);
  edit(d);
  return d;
}

const hukouCity: FieldDef = {
  key: 'hukouCity',
  type: 'text',
  label: '户口迁往城市',
  required: true,
  maxLength: 30,
  visibleWhen: { '==': [{ var: 'destination' }, '10'] },
};

async function latestDispatchVersion(client: TestClient): Promise<number> {
  return (await client.get('/api/forms/dispatch')).body.version;
}

/** A dispatch record written as the lifecycle would have left it, with the data we choose. */
async function craftedDispatch(state: string, formVersion: number, data: Record<string, unknown>): Promise<string> {
  const id = newId();
  await env.DB.prepare(`INSERT INTO records (id, kind, state, version, data, form_key, form_version, school_id, college_id, cohort, created_by)
    VALUES (?, 'dispatches', ?, 1, ?, 'dispatch', ?, 'sch-1', 'col-1', 2027, 'acc-school')`)
    .bind(id, state, JSON.stringify(data), formVersion)
    .run();
  return id;
}

const prefilled = {
  destination: '10',
  employerName: '南京云帆信息科技有限公司',
  creditCode: '91320106MA1XYZ1234',
  unitNature: '39',
  industry: 'I',
  employerRegion: '320106',
  employerAddress: '江苏省南京市鼓楼区汉中路 1 号',
  contactName: '赵经理',
  contactPhone: '13600001111',
  reportUnitName: '南京云帆信息科技有限公司',
};

// Later files in this run may create dispatch records: leave the shipped content as the latest.
afterAll(async () => {
  const admin = await TestClient.as('admin');
  await admin.post('/api/forms/dispatch/rollback', { version: 1, confirm: true });
  await admin.delete('/api/forms/dispatch/draft');
});

describe('表单定义管理: only the platform admin changes definitions', () => {
  it('refuses anonymous callers with 401 and other roles with 403, and changes nothing', async () => {
    const anonymous = new TestClient();
    expect((await anonymous.get('/api/forms')).status).toBe(401);
    expect((await anonymous.request('PUT', '/api/forms/dispatch/draft', { definition: shippedDispatch })).status).toBe(401);
    const before = await count('form_versions', "form_key = 'dispatch'");
    for (const who of ['school', 'center', 'student']) {
      const client = await TestClient.as(who);
      expect((await client.get('/api/forms')).status).toBe(403);
      expect((await client.request('PUT', '/api/forms/dispatch/draft', { definition: shippedDispatch })).status).toBe(403);
      const publish = await client.post('/api/forms/dispatch/publish', { definition: dispatchWith([hukouCity]), confirm: true });
      expect(publish.status).toBe(403);
      expect(publish.body.error.message).toMatch(/无权/);
      expect((await client.post('/api/forms/dispatch/rollback', { version: 1, confirm: true })).status).toBe(403);
    }
    expect(await count('form_versions', "form_key = 'dispatch'")).toBe(before);
    expect(await count('form_drafts', "form_key = 'dispatch'")).toBe(0);
  });

  it('answers 404 for a form that does not exist', async () => {
    const admin = await TestClient.as('admin');
    expect((await admin.request('PUT', '/api/forms/nosuch/draft', { definition: shippedDispatch })).status).toBe(404);
    expect((await admin.post('/api/forms/nosuch/publish', { definition: shippedDispatch })).status).toBe(404);
  });
});

describe('the admin keeps a draft and sees every problem at its place', () => {
  it('saves an unfinished draft, reports a rule reading an unknown field at the exact operand, and lists the draft', async () => {
    const admin = await TestClient.as('admin');
    const broken = dispatchWith([{ ...hukouCity, visibleWhen: { '==': [{ var: 'destinaton' }, '10'] } }]);
    const saved = await admin.request('PUT', '/api/forms/dispatch/draft', { definition: broken });
    expect(saved.status).toBe(200);
    expect(saved.body.errors).toEqual([
      { path: 'steps[0].sections[0].rows[1][0].visibleWhen.==[0]', message: '引用了不存在的字段「destinaton」' },
    ]);
    const got = await admin.get('/api/forms/dispatch/draft');
    expect(got.body.draft.definition).toEqual(broken);
    expect(got.body.draft.updatedBy).toBe('admin');

    const list = await admin.get('/api/forms');
    const dispatch = list.body.items.find((f: { key: string }) => f.key === 'dispatch');
    expect(dispatch.draft).toMatchObject({ updatedBy: 'admin' });
    expect(list.body.items.map((f: { key: string }) => f.key)).toEqual(
      expect.arrayContaining(['source', 'agreement', 'termination', 'dispatch']),
    );

    const publish = await admin.post('/api/forms/dispatch/publish', { confirm: true });
    expect(publish.status).toBe(422);
    expect(publish.body.error.code).toBe('definition_invalid');
    expect(publish.body.error.fields[0].path).toBe('steps[0].sections[0].rows[1][0].visibleWhen.==[0]');
  });

  it('refuses a change the dispatch export depends on (removing 毕业去向), naming who reads it', async () => {
    const admin = await TestClient.as('admin');
    const without = copy(shippedDispatch);
    without.steps[0]!.sections[0]!.rows = [[{ key: 'note', type: 'text', label: '备注' }]];
    for (const s of without.steps[0]!.sections) s.visibleWhen = undefined;
    const res = await admin.post('/api/forms/dispatch/publish', { definition: JSON.parse(JSON.stringify(without)), confirm: true });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('lifecycle_dependency');
    expect(res.body.error.message).toContain('不能删除字段「destination」');
    expect(res.body.error.fields).toContainEqual({
      path: 'steps',
      code: 'lifecycle',
      message: '不能删除字段「destination」：派遣方案导出「毕业去向代码」列需要读取它',
    });
  });

  it('refuses removing an agreement field the dispatch mapping copies from', async () => {
    const admin = await TestClient.as('admin');
    const agreement = copy(agreementJson) as unknown as FormDefinition;
    for (const step of agreement.steps)
      for (const section of step.sections) {
        section.rows = section.rows.map((row) => row.filter((f) => f.key !== 'archiveUnitName')).filter((row) => row.length > 0);
      }
    const before = await count('form_versions', "form_key = 'agreement'");
    const res = await admin.post('/api/forms/agreement/publish', { definition: agreement, confirm: true });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.map((f: { message: string }) => f.message)).toContain(
      '不能删除字段「archiveUnitName」：「派遣信息上报」的字段映射从它带入「archiveUnitName」',
    );
    expect(await count('form_versions', "form_key = 'agreement'")).toBe(before);
  });
});

describe('impact check and publishing', () => {
  it('reports which in-flight records would fail the new version and which values a rename or removal leaves behind', async () => {
    const admin = await TestClient.as('admin');
    const v = await latestDispatchVersion(admin);
    const waiting = await craftedDispatch('unconfirmed', v, { ...prefilled, householdAddress: '江苏省南京市鼓楼区' });
    const reviewing = await craftedDispatch('college_review', v, prefilled);
    const done = await craftedDispatch('approved', v, { ...prefilled, householdAddress: '江苏省南京市鼓楼区' });
    const notEmployed = await craftedDispatch('unconfirmed', v, { destination: '70' });

    // a required field (only when employed), 户口迁移地址 moved to a new key, 报到证签往单位 removed
    const next = dispatchWith([hukouCity], (d) => {
      for (const step of d.steps)
        for (const section of step.sections) {
          section.rows = section.rows
            .map((row) =>
              row.filter((f) => f.key !== 'reportUnitName').map((f) => (f.key === 'householdAddress' ? { ...f, key: 'hukouAddress' } : f)),
            )
            .filter((row) => row.length > 0);
        }
      d.mappings![0]!.fields = Object.fromEntries(Object.entries(d.mappings![0]!.fields).filter(([k]) => k !== 'householdAddress'));
    });
    // reportUnitName and householdAddress are dispatch export columns: the lifecycle refuses first
    const refused = await admin.request('PUT', '/api/forms/dispatch/draft', { definition: next });
    expect(refused.body.errors).toEqual([]);
    expect(refused.body.lifecycleErrors.map((e: { message: string }) => e.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('「reportUnitName」'), expect.stringContaining('「householdAddress」')]),
    );

    // so the report is read on the field that may change: the new one only
    await admin.request('PUT', '/api/forms/dispatch/draft', { definition: dispatchWith([hukouCity]) });
    const impact = await admin.get('/api/forms/dispatch/impact');
    expect(impact.status).toBe(200);
    expect(impact.body.changes.added).toEqual([{ key: 'hukouCity', label: '户口迁往城市' }]);
    const ids = impact.body.affected.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining([waiting, reviewing]));
    expect(ids).not.toContain(done); // final state: nothing will be submitted any more
    expect(ids).not.toContain(notEmployed); // the new field is hidden for 待就业, so it does not fail
    const w = impact.body.affected.find((r: { id: string }) => r.id === waiting);
    expect(w).toMatchObject({ state: 'unconfirmed', stateLabel: '未确认', formVersion: v, dropped: [] });
    expect(w.errors).toEqual([{ path: 'hukouCity', code: 'required', message: expect.stringContaining('户口迁往城市') }]);
  });

  it('reports stored values a removal leaves behind and a probable rename, on a field no lifecycle reads', async () => {
    const admin = await TestClient.as('admin');
    const base = dispatchWith([{ key: 'remark', type: 'text', label: '备注' }]);
    const first = await admin.post('/api/forms/dispatch/publish', { definition: base, confirm: true });
    expect(first.status).toBe(201);
    const withRemark = await craftedDispatch('returned', first.body.version, { ...prefilled, remark: '请尽快办理' });
    const renamed = dispatchWith([{ key: 'note', type: 'text', label: '备注' }]);
    await admin.request('PUT', '/api/forms/dispatch/draft', { definition: renamed, baseVersion: first.body.version });
    const impact = await admin.get('/api/forms/dispatch/impact');
    expect(impact.body.changes.renamed).toEqual([{ from: 'remark', to: 'note', label: '备注' }]);
    expect(impact.body.affected.find((r: { id: string }) => r.id === withRemark)).toMatchObject({ dropped: ['remark'], errors: [] });
  });

  it('asks for confirmation when records are affected, then publishes an immutable new version with an audit event', async () => {
    const admin = await TestClient.as('admin');
    const v = await latestDispatchVersion(admin);
    await craftedDispatch('unconfirmed', v, prefilled);
    const draft = dispatchWith([hukouCity]);
    await admin.request('PUT', '/api/forms/dispatch/draft', { definition: draft });
    const v1Before = await env.DB.prepare(
      "SELECT definition, published_at FROM form_versions WHERE form_key = 'dispatch' AND version = 1",
    ).first();

    const unconfirmed = await admin.post('/api/forms/dispatch/publish', { baseVersion: v });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error.code).toBe('impact_unconfirmed');
    expect(unconfirmed.body.impact.affectedCount).toBeGreaterThan(0);
    expect(await latestDispatchVersion(admin)).toBe(v);

    const published = await admin.post('/api/forms/dispatch/publish', { baseVersion: v, confirm: true });
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ key: 'dispatch', version: v + 1 });
    // the very next read sees it: "latest" is never served from a stale cache
    const latest = await admin.get('/api/forms/dispatch');
    expect(latest.body.version).toBe(v + 1);
    expect(latest.body.definition).toEqual(draft);
    expect((await admin.get('/api/forms/dispatch/draft')).body.draft).toBeNull();

    const audit = await env.DB.prepare(
      "SELECT kind, action, from_state, to_state, actor_role, hash IS NOT NULL AS chained FROM audit_events WHERE record_id = 'form:dispatch' ORDER BY at DESC LIMIT 1",
    ).first();
    expect(audit).toEqual({
      kind: 'forms',
      action: 'publish',
      from_state: `v${v}`,
      to_state: `v${v + 1}`,
      actor_role: 'admin',
      chained: 1,
    });

    // published versions never change: version 1 is byte-identical, and there is no way to write one
    const v1After = await env.DB.prepare(
      "SELECT definition, published_at FROM form_versions WHERE form_key = 'dispatch' AND version = 1",
    ).first();
    expect(v1After).toEqual(v1Before);
    expect((await admin.get('/api/forms/dispatch/versions/1')).body.definition).toEqual(shippedDispatch);
    expect((await admin.request('PUT', '/api/forms/dispatch/versions/1', { definition: draft })).status).toBe(404);

    // publishing the same content again is pointless; a stale editor is told so
    expect((await admin.post('/api/forms/dispatch/publish', { definition: draft, confirm: true })).body.error.code).toBe('unchanged');
    const stale = await admin.post('/api/forms/dispatch/publish', { definition: dispatchWith([]), baseVersion: v, confirm: true });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_base_version');
  });

  it('compares any two versions and rolls back by publishing the old content as a new version', async () => {
    const admin = await TestClient.as('admin');
    const v = await latestDispatchVersion(admin);
    const diff = await admin.get(`/api/forms/dispatch/diff?from=1&to=${v}`);
    expect(diff.status).toBe(200);
    expect(diff.body.added).toEqual([{ key: 'hukouCity', label: '户口迁往城市' }]);
    expect(diff.body.removed).toEqual([]);
    expect((await admin.get('/api/forms/dispatch/diff?from=1&to=x')).status).toBe(400);

    const rolled = await admin.post('/api/forms/dispatch/rollback', { version: 1, confirm: true });
    expect(rolled.status).toBe(201);
    expect(rolled.body.version).toBe(v + 1);
    expect((await admin.get('/api/forms/dispatch')).body.definition).toEqual(shippedDispatch);
    expect((await admin.get(`/api/forms/dispatch/diff?from=1&to=${v + 1}`)).body).toEqual({
      added: [],
      removed: [],
      renamed: [],
      changed: [],
      other: [],
    });
    const audit = await env.DB.prepare("SELECT reason FROM audit_events WHERE record_id = 'form:dispatch' AND to_state = ?")
      .bind(`v${v + 1}`)
      .first<{ reason: string }>();
    expect(audit?.reason).toBe(`回滚：以 v1 的内容发布为 v${v + 1}`);
    // every publish above extended the form's own audit chain without breaking it
    const chain = await admin.get('/api/audit/verify');
    expect(chain.body.problems.filter((p: { recordId: string }) => p.recordId === 'form:dispatch')).toEqual([]);

    const versions = await admin.get('/api/forms/dispatch/versions');
    expect(versions.body.items[0]).toMatchObject({ version: v + 1, publishedBy: 'admin' });
    expect(versions.body.items.at(-1)).toMatchObject({ version: 1, publishedBy: 'system' });
    const list = await admin.get('/api/forms');
    const dispatch = list.body.items.find((f: { key: string }) => f.key === 'dispatch');
    expect(dispatch.latestVersion).toBe(v + 1);
    for (const { version, records } of dispatch.versions) {
      expect(records).toBe(await count('records', "form_key = 'dispatch' AND form_version = ?", version));
    }
    expect(dispatch.versions.some((x: { records: number }) => x.records > 0)).toBe(true);
  });
});

describe('two admins editing one form: neither silently undoes the other', () => {
  it('keeps the version a draft was started from and refuses to publish it over a version published meanwhile', async () => {
    await env.DB.prepare(`INSERT OR IGNORE INTO accounts (id, username, password_hash, role, display_name)
      SELECT 'acc-admin2', 'admin2', password_hash, 'admin', '第二管理员' FROM accounts WHERE username = 'admin'`).run();
    const first = await TestClient.as('admin');
    const second = await TestClient.as('admin2');
    const v = await latestDispatchVersion(first);

    // 管理员甲 starts a draft from the latest version and saves twice (the base stays)
    const draftA = dispatchWith([{ key: 'remarkA', type: 'text', label: '甲的备注' }]);
    const saved = await first.request('PUT', '/api/forms/dispatch/draft', { definition: draftA, baseVersion: v });
    expect(saved.body).toMatchObject({ baseVersion: v, latestVersion: v, staleBase: null });
    // 管理员乙 publishes his own change in the meantime; 甲's draft is not thrown away
    const published = await second.post('/api/forms/dispatch/publish', {
      definition: dispatchWith([{ key: 'remarkB', type: 'text', label: '乙的备注' }]),
      baseVersion: v,
      confirm: true,
    });
    expect(published.body).toEqual({ key: 'dispatch', version: v + 1 });
    const again = await first.request('PUT', '/api/forms/dispatch/draft', { definition: draftA });
    expect(again.body).toMatchObject({
      baseVersion: v,
      latestVersion: v + 1,
      staleBase: { baseVersion: v, latestVersion: v + 1, publishedBy: 'admin2' },
    });
    expect((await first.get('/api/forms/dispatch/draft')).body.draft).toMatchObject({ baseVersion: v, definition: draftA });
    const listed = (await first.get('/api/forms')).body.items.find((f: { key: string }) => f.key === 'dispatch');
    expect(listed.draft).toMatchObject({ baseVersion: v });

    // the impact check says so before the admin even tries
    const impact = await first.get('/api/forms/dispatch/impact');
    expect(impact.body.staleBase).toMatchObject({ baseVersion: v, latestVersion: v + 1, publishedBy: 'admin2' });

    // publishing the draft as it stands would undo 乙's v+1: refused, with or without a base in the body
    for (const body of [{ confirm: true }, { confirm: true, baseVersion: v + 1 }]) {
      const refused = await first.post('/api/forms/dispatch/publish', body);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('stale_base_version');
      expect(refused.body.error.message).toBe(
        `草稿基于 v${v} 编辑，之后 admin2 已发布了 v${v + 1}。直接发布会覆盖 v${v + 1} 的修改：请先对比 v${v} 与 v${v + 1}，把草稿更新到 v${v + 1} 后再发布`,
      );
    }
    expect(await latestDispatchVersion(first)).toBe(v + 1);

    // 甲 takes 乙's field into the draft and moves it onto v+1: now it publishes, keeping both
    const merged = dispatchWith([
      { key: 'remarkB', type: 'text', label: '乙的备注' },
      { key: 'remarkA', type: 'text', label: '甲的备注' },
    ]);
    const moved = await first.request('PUT', '/api/forms/dispatch/draft', { definition: merged, baseVersion: v + 1 });
    expect(moved.body).toMatchObject({ baseVersion: v + 1, staleBase: null });
    const ok = await first.post('/api/forms/dispatch/publish', { confirm: true });
    expect(ok.status).toBe(201);
    expect(ok.body.version).toBe(v + 2);
    expect((await first.get('/api/forms/dispatch')).body.definition).toEqual(merged);
  });

  it('a save made on an older draft does not overwrite the draft another admin saved meanwhile', async () => {
    await env.DB.prepare(`INSERT OR IGNORE INTO accounts (id, username, password_hash, role, display_name)
      SELECT 'acc-admin2', 'admin2', password_hash, 'admin', '第二管理员' FROM accounts WHERE username = 'admin'`).run();
    const first = await TestClient.as('admin');
    const second = await TestClient.as('admin2');
    await first.delete('/api/forms/dispatch/draft');

    // both open the editor while there is no draft; 乙 saves first
    const byB = dispatchWith([{ key: 'remarkB', type: 'text', label: '乙的备注' }]);
    const savedB = await second.request('PUT', '/api/forms/dispatch/draft', { definition: byB, savedAt: null });
    expect(savedB.status).toBe(200);
    // 甲 still edits on "no draft": refused, and 乙's draft stays
    const byA = dispatchWith([{ key: 'remarkA', type: 'text', label: '甲的备注' }]);
    const refused = await first.request('PUT', '/api/forms/dispatch/draft', { definition: byA, savedAt: null });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('stale_draft');
    expect(refused.body.error.message).toMatch(/^草稿已被 admin2 于 .+保存过/);
    expect((await first.get('/api/forms/dispatch/draft')).body.draft).toMatchObject({ definition: byB, updatedBy: 'admin2' });

    // 甲 reloads (gets 乙's updatedAt) and saves on it: accepted; 乙's next save on his old copy is refused
    const reloaded = (await first.get('/api/forms/dispatch/draft')).body.draft;
    const merged = dispatchWith([
      { key: 'remarkB', type: 'text', label: '乙的备注' },
      { key: 'remarkA', type: 'text', label: '甲的备注' },
    ]);
    const savedA = await first.request('PUT', '/api/forms/dispatch/draft', { definition: merged, savedAt: reloaded.updatedAt });
    expect(savedA.status).toBe(200);
    const late = await second.request('PUT', '/api/forms/dispatch/draft', { definition: byB, savedAt: savedB.body.updatedAt });
    expect(late.status).toBe(409);
    expect((await first.get('/api/forms/dispatch/draft')).body.draft.definition).toEqual(merged);

    // a save that names no draft at all keeps the old unconditional behaviour
    expect((await second.request('PUT', '/api/forms/dispatch/draft', { definition: byB })).status).toBe(200);
    const typed = await second.request('PUT', '/api/forms/dispatch/draft', { definition: byB, savedAt: 7 });
    expect(typed.status).toBe(400);
    await first.delete('/api/forms/dispatch/draft');
  });

  it('refuses a base that is not a published version', async () => {
    const admin = await TestClient.as('admin');
    const v = await latestDispatchVersion(admin);
    for (const baseVersion of [0, v + 1]) {
      const res = await admin.request('PUT', '/api/forms/dispatch/draft', { definition: shippedDispatch, baseVersion });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('baseVersion');
    }
    const typed = await admin.request('PUT', '/api/forms/dispatch/draft', { definition: shippedDispatch, baseVersion: 'v1' });
    expect(typed.status).toBe(400);
    await admin.delete('/api/forms/dispatch/draft');
  });
});

describe('the editor checks each change as the admin types, without saving it', () => {
  it('answers the definition errors and the lifecycle refusals at their place, and keeps no draft', async () => {
    const admin = await TestClient.as('admin');
    await admin.delete('/api/forms/dispatch/draft');
    const edited = copy(shippedDispatch);
    edited.mappings![0]!.fields.employerName = 'unitName';
    const res = await admin.post('/api/forms/dispatch/check', { definition: edited });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      errors: [],
      lifecycleErrors: [
        { path: 'mappings[0].fields.employerName', message: '「全国普通高等学校毕业生就业协议书」没有字段「unitName」，无法带入' },
      ],
    });
    expect((await admin.get('/api/forms/dispatch/draft')).body.draft).toBeNull();
    expect((await admin.post('/api/forms/dispatch/check', { definition: 'x' })).status).toBe(400);
    expect((await (await TestClient.as('school')).post('/api/forms/dispatch/check', { definition: edited })).status).toBe(403);
  });

  it('refuses to publish a registration form that would make every anonymous request expensive, at the group', async () => {
    const admin = await TestClient.as('admin');
    const before = (await admin.get('/api/forms/employer')).body.version;
    const rule = { or: Array.from({ length: 60 }, (_, i) => ({ '==': [{ var: '$row.item' }, `v${i}`] })) };
    const costly = copy(employerJson as unknown as FormDefinition);
    costly.steps[0]!.sections[0]!.rows.push([
      {
        key: 'branches',
        type: 'group',
        label: '分支机构',
        maxItems: 1_000_000,
        fields: [
          { key: 'item', type: 'text', label: '名称', maxLength: 50 },
          ...['a', 'b', 'c'].map(
            (key): FieldDef => ({ key, type: 'text', label: key, maxLength: 50, visibleWhen: rule, requiredWhen: rule }),
          ),
        ],
      },
    ]);
    const at = `steps[0].sections[0].rows[${costly.steps[0]!.sections[0]!.rows.length - 1}][0]`;

    const res = await admin.post('/api/forms/employer/publish', { definition: costly, confirm: true });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('definition_invalid');
    expect(res.body.error.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: `${at}.maxItems`, message: '分组最多 500 条' }),
        expect.objectContaining({ path: at, message: expect.stringContaining(`表单过于复杂`) }),
      ]),
    );
    expect(res.body.error.fields.find((f: { path: string }) => f.path === at).message).toContain(
      `上限 ${MAX_VALIDATION_WORK.toLocaleString('en-US')}`,
    );
    expect((await admin.get('/api/forms/employer')).body.version).toBe(before);

    const check = await admin.post('/api/forms/employer/check', { definition: costly });
    expect(check.body.errors.map((e: { path: string }) => e.path)).toEqual([`${at}.maxItems`, at]);
  });
});
