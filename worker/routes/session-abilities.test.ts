/**
 * The web offers what the session answer lists (`abilities`, `modules`), and the server refuses
 * the rest: for every role, each ability the session lists is accepted by every route it opens, and
 * each ability it does not list is refused there — by the access matrix (whose cells
 * access-matrix.test.ts runs against the worker) and by calling the routes that need no record.
 */
import { describe, expect, it } from 'vitest';
import { ABILITY_VALUES, PAGE_MODULE_VALUES, type Ability } from '../../contract/abilities';
import { ACCESS_MATRIX } from '../test/access-matrix';
import { TestClient } from '../test/client';

const ROLES = ['student', 'employer', 'college', 'school', 'province', 'center', 'admin'] as const;

/** The routes each ability opens (a new ability must name its routes here); the filters shape GET /api/schools. */
const ROUTES_OF: Record<Ability, readonly string[] | 'the schools answer'> = {
  reset_student_password: ['POST /api/students/:id/reset-password'],
  reset_employer_password: ['POST /api/employers/:id/reset-password'],
  reset_reviewer_password: ['POST /api/accounts/:username/reset-password'],
  reset_student_passwords_in_bulk: ['POST /api/source-records/reset-passwords'],
  export_dispatches: ['GET /api/dispatches/export'],
  export_destinations: ['GET /api/destinations/export'],
  follow_up_destinations: ['GET /api/destinations/follow-up', 'POST /api/destinations/follow-up/:studentId/notes'],
  view_statistics: ['GET /api/statistics'],
  set_destination_rules: ['PUT /api/destinations/settings/:cohort'],
  import_source_records: ['POST /api/source-records/import', 'GET /api/source-records/import-template'],
  edit_school_profile: ['GET /api/schools/me/profile', 'PUT /api/schools/me/profile'],
  edit_own_contact: ['GET /api/students/me/contact', 'PUT /api/students/me/contact'],
  manage_forms: ['GET /api/forms', 'GET /api/forms/:key/draft', 'PUT /api/forms/:key/draft', 'POST /api/forms/:key/publish'],
  verify_audit_chain: ['GET /api/audit/verify'],
  watch_outbox: ['GET /api/admin/outbox', 'POST /api/admin/outbox/:id/retry', 'GET /api/admin/local-mailbox'],
  filter_by_school: 'the schools answer',
  filter_by_college: 'the schools answer',
};

const REFUSED = [401, 403];

async function sessionOf(role: string) {
  const client = await TestClient.as(role);
  const me = await client.get('/api/session');
  expect(me.status).toBe(200);
  return { client, abilities: me.body.user.abilities as Ability[], modules: me.body.user.modules as string[] };
}

describe('the session says what the account may do, and the routes agree', () => {
  for (const role of ROLES) {
    it(`${role}: every ability listed is accepted by its routes, every other one refused`, async () => {
      const { client, abilities } = await sessionOf(role);
      for (const ability of ABILITY_VALUES) {
        const routes = ROUTES_OF[ability];
        if (routes === 'the schools answer') continue;
        const listed = abilities.includes(ability);
        for (const route of routes) {
          const rows = ACCESS_MATRIX.filter((r) => r.route === route);
          expect(rows.length, `${route} has a matrix row`).toBeGreaterThan(0);
          for (const row of rows) {
            const cell = row.expect[role];
            if (listed) expect(REFUSED, `${role} is listed ${ability}, so ${route} accepts it`).not.toContain(cell);
            else expect(cell, `${role} is not listed ${ability}, so ${route} refuses it`).toBe(403);
            // the rows about no record are asked of the worker itself, the refusal in its own words
            if (row.given !== 'none' || !row.path || route.startsWith('PUT') || route.startsWith('POST')) continue;
            const res = await client.get(row.path);
            if (listed) expect(REFUSED, `${role} GET ${row.path}`).not.toContain(res.status);
            else expect(res.body.error, `${role} GET ${row.path}`).toMatchObject({ code: 'forbidden' });
          }
        }
      }
    });
  }

  it('the queue filters the session offers are the ones GET /api/schools fills: colleges only with 学院, several schools only with 学校', async () => {
    for (const role of ROLES) {
      const { client, abilities } = await sessionOf(role);
      const items = (await client.get('/api/schools')).body.items as { id: string; colleges?: unknown[] }[];
      const withColleges = items.filter((s) => s.colleges !== undefined);
      if (abilities.includes('filter_by_college')) expect(withColleges.length, role).toBeGreaterThan(0);
      else expect(withColleges, role).toEqual([]);
      if (abilities.includes('filter_by_school')) expect(withColleges.length, role).toBeGreaterThanOrEqual(2);
      else expect(withColleges.length, role).toBeLessThanOrEqual(1);
    }
  });

  it('each role gets the modules of its work: its record lists (labelled by GET /api/lifecycles) and the pages its abilities open', async () => {
    const expected: Record<(typeof ROLES)[number], string[]> = {
      student: ['source-records', 'invitations', 'agreements', 'amendments', 'terminations', 'dispatches', 'destinations'],
      employer: ['invitations', 'agreements', 'amendments', 'terminations'],
      college: [
        'source-records',
        'invitations',
        'agreements',
        'amendments',
        'terminations',
        'dispatches',
        'destinations',
        'destination-follow-up',
        'statistics',
      ],
      school: [
        'source-records',
        'invitations',
        'agreements',
        'amendments',
        'terminations',
        'dispatches',
        'destinations',
        'destination-follow-up',
        'statistics',
        'source-import',
        'school-profile',
      ],
      province: ['source-records', 'destinations', 'destination-settings', 'statistics'],
      center: ['source-records', 'agreements', 'dispatches', 'employer-registrations', 'destinations', 'statistics'],
      admin: ['forms', 'audit', 'outbox'],
    };
    for (const role of ROLES) {
      const { client, modules } = await sessionOf(role);
      expect(modules, role).toEqual(expected[role]);
      const lifecycles = (await client.get('/api/lifecycles')).body as Record<string, unknown>;
      const kinds = modules.filter((m) => !(PAGE_MODULE_VALUES as readonly string[]).includes(m));
      expect(
        kinds.filter((k) => !(k in lifecycles)),
        `${role}: every record module has its lifecycle`,
      ).toEqual([]);
    }
  });
});
