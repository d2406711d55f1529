/**
 * A lifecycle is declared once as data: its states (with the Chinese labels users see), who may
 * read it, how it is created, and its transitions (action, from, to, who, which form step). The
 * generic executor (`execute-transition.ts`) is the only code that moves a record.
 */
import type { Write } from '../db/batch';
import type { Role } from '../../forms/engine/types';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import type { RecordChild } from '../db/records';
import type { RecordRow } from '../db/schema';
import type { DisclosureRule } from './disclosure';
import type { EmployerColumn } from './company-fields';
import type { SchoolProfileColumn } from '../db/school-profiles';

import type { Kind } from '../../contract/kinds';

// the kinds are defined once, for the worker and the web app alike
export { KINDS, type Kind } from '../../contract/kinds';

/** What every lifecycle use case runs with: the database, the worker's bindings and who asks. */
export interface Deps {
  db: Db;
  env: Env;
  actor: Actor;
  /** work after the answer (the request's `executionCtx.waitUntil`): queueing a write's e-mail and SMS */
  waitUntil?: (task: Promise<unknown>) => void;
}

/** The student a listed record belongs to, joined in by the list query. */
export interface ListedStudent {
  name: string;
  idNumber: string;
}

/**
 * The colour a state's badge takes, by what the state means to the people waiting on it:
 * `wait` (amber) someone still has to act — in review, waiting for an answer; `ok` (green) done or
 * approved; `bad` (red) refused, returned or terminated; `neutral` (grey) not started yet or ended
 * without a verdict (a draft, 未确认, withdrawn, expired, voided).
 */
export const STATE_TONES = ['wait', 'ok', 'bad', 'neutral'] as const;
export type StateTone = (typeof STATE_TONES)[number];

export interface StateDef {
  label: string;
  tone: StateTone;
  /** roles that may see a record in this state (default: every reader of the lifecycle) */
  visibleTo?: Role[];
  /** what happens next, for a state where nothing waits in the product (报到证待打印: who prints it, where) */
  next?: string;
}

/** What a transition's hooks get: the record before, the data after, the actor. */
export interface TransitionContext {
  db: Db;
  env: Env;
  actor: Actor;
  record: RecordRow;
  /** the data as it will be written (validated and cleaned when the transition has a `step`) */
  data: Record<string, unknown>;
  reason: string | null;
  now: string;
}

export interface Transition {
  action: string;
  /** button label, and what the record's timeline calls the step once taken, e.g. 学校审核通过 */
  label: string;
  from: string[];
  /** target state; omitted = stay (e.g. `save`) */
  to?: string;
  by: Role[];
  /** workflow step of the form whose data this action submits (validated by the engine) */
  step?: string;
  needsReason?: boolean;
  /** a draft save: missing required values are allowed, malformed ones are not */
  draft?: boolean;
  /** text of a confirmation the UI must show before the call (two-step confirmation) */
  confirm?: string;
  style?: 'primary' | 'danger' | 'default';
  /**
   * Picks between transitions of the same action and state (online vs offline agreements), or
   * narrows who may act (the other party of a termination).
   */
  when?: (record: RecordRow, actor: Actor) => boolean;
  /** domain checks beyond actor/scope/state/version; throw an AppError to refuse */
  guard?: (ctx: TransitionContext) => Promise<void>;
  /** further writes that commit atomically with the transition (same D1 batch) */
  effects?: (ctx: TransitionContext) => Promise<Write[]>;
  /** the kind of record the effects create under this one (parent_id): the answer names it */
  creates?: Kind;
}

export interface CreateContext {
  db: Db;
  env: Env;
  actor: Actor;
  body: Record<string, unknown>;
  now: string;
  /**
   * The record this create would start from, when the caller has just read it (the record page's
   * offer of 申请解约), with the records already started from it where they were read too: the
   * checks judge them as read instead of reading them again.
   */
  from?: CreateFrom;
}

export interface CreateFrom {
  record: RecordRow;
  children?: readonly RecordChild[];
}

/** Links a new record to its student/employer/parent; throws an AppError to refuse. */
export interface CreateLinks {
  studentId: string | null;
  schoolId: string | null;
  collegeId: string | null;
  employerId: string | null;
  cohort: number | null;
  parentId?: string | null;
  mode?: string | null;
  deadline?: string | null;
  number?: string | null;
  /** start in another state than the lifecycle's default (an offline termination skips consent) */
  initialState?: string;
  /** values prefilled before the actor's own data is applied (e.g. from the source record) */
  prefill?: Record<string, unknown>;
}

/** Where a user starts a new record: the web offers 新建 (or not) from this, never from rules of its own. */
export type CreateEntry =
  /** a create page of its own, opened with these links (a student's offline agreement: mode=offline) */
  | { from: 'form'; links?: Record<string, string> }
  /** the student lookup: an employer finds the student first (see `ready`) */
  | { from: 'lookup' }
  /** an action on another record (amending or terminating an agreement): no 新建 of its own */
  | { from: 'record' };

/**
 * For a record started from another record (`entry.from === 'record'`): which record offers it, the
 * button's label there, and the query/body name the other record's id goes by (GET /new, POST).
 */
export interface CreateOfferedOn {
  kind: Kind;
  label: string;
  param: string;
}

export interface CreateDef {
  roles: Role[];
  entry: CreateEntry;
  /** with `entry: { from: 'record' }`: the record whose page offers this create (see `CreateOfferedOn`) */
  offeredOn?: CreateOfferedOn;
  /**
   * For a lookup entry: whether the actor may start at all, before any student is chosen; throws
   * an AppError saying why not (an employer the centre has not verified).
   */
  ready?: (actor: Actor) => void;
  /** workflow step the creator fills */
  step: string;
  state: string;
  /** the record starts as a draft: missing required values are allowed */
  draft?: boolean;
  /** audit label of the creation */
  label: string;
  link: (ctx: CreateContext) => Promise<CreateLinks>;
  effects?: (ctx: TransitionContext) => Promise<Write[]>;
}

/** The facts of an audit event the timeline names it by. */
export interface EventFacts {
  action: string;
  fromState: string | null;
  toState: string | null;
  actorRole: string | null;
}

/**
 * An event written onto a record of this kind by something other than its own transitions and
 * creation form — another record's effect (an agreement born of an accepted invitation), an import —
 * with the label its timeline shows. Its stored text is a system note, never a person's reason.
 */
export interface RecordedEvent {
  action: string;
  label: string;
  /** picks between events of the same action (an online agreement's creation, not an offline one's) */
  when?: (record: RecordRow, event: EventFacts) => boolean;
}

export interface Lifecycle {
  kind: Kind;
  label: string;
  /** key of the form definition in forms/ */
  form: string;
  /**
   * Common reasons to pick when rejecting (a `reject` transition, 退回/驳回), besides free text. The
   * admin may replace the list (`reject-reasons.ts`); this is the default.
   */
  reasons?: readonly string[];
  /** roles that may read records of this kind (within their scope) */
  readers: Role[];
  /**
   * The record's own parties (not only reviewers) see the 变更 box of what changed since it was first
   * written: a student sees the corrections made to the school's import.
   */
  showsCorrectionsToParties?: boolean;
  states: Record<string, StateDef>;
  create?: CreateDef;
  transitions: Transition[];
  /** personal fields some roles see masked or not at all, by state (see disclosure.ts) */
  disclosure?: DisclosureRule[];
  /**
   * Fields that are the employer's company details, by the employers column they come from: on every
   * write of a record that has an employer they are taken from the (centre-verified) employer, never
   * from what was typed.
   */
  fromEmployer?: Readonly<Record<string, EmployerColumn>>;
  /**
   * Fields of the school's own part, by the school-profile column each is prefilled from when the
   * school reviewer opens the record in `step` (see school-profile-fields.ts).
   */
  fromSchoolProfile?: { step: string; fields: Readonly<Record<string, SchoolProfileColumn>> };
  /**
   * The last day (Beijing) a settled record of this cohort may still be changed by its owner (a
   * destination's 变更截止): sent with the record and the create page so the student sees it.
   */
  changeDeadline?: (db: Db, cohort: number) => Promise<string>;
  /** columns kept in step with the data on every write (e.g. an invitation's deadline) */
  derive?: (data: Record<string, unknown>) => { deadline?: string | null };
  /**
   * A state that lapses by time (an invitation past its deadline): applied when the record is read
   * or acted on, and by the scheduled sweep.
   */
  lapse?: { from: string[]; to: string; action: string; label: string; when: (record: RecordRow, today: string) => boolean };
  /** events other code writes onto these records, with their timeline labels (see `RecordedEvent`) */
  events?: RecordedEvent[];
  /** list-row title and subtitle (masked where needed) */
  summary: (record: RecordRow, viewer: Actor, student: ListedStudent | null) => { title: string; subtitle: string };
}
