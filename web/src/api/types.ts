/** Shapes of the API's answers (docs/architecture.md, the HTTP API). */
import type { Role } from '../../../forms/engine/types';

export type { Role };

export const KINDS = ['source-records', 'invitations', 'agreements', 'amendments', 'terminations', 'dispatches', 'employer-registrations', 'destinations'] as const;
export type Kind = (typeof KINDS)[number];

export interface UserScope {
  schoolId?: string | null;
  schoolName?: string | null;
  collegeId?: string | null;
  collegeName?: string | null;
  employerId?: string | null;
  employerName?: string | null;
  studentId?: string | null;
}

export interface User {
  id: string;
  username: string;
  role: Role;
  displayName: string;
  mustChangePassword: boolean;
  /** students confirm ID number and mobile on first entry */
  identityConfirmed?: boolean;
  scope: UserScope;
}

/** Where a new record starts (the server's `create.entry`): a form with links, the lookup, or another record. */
export type CreateEntry = { from: 'form'; links?: Record<string, string> } | { from: 'lookup' } | { from: 'record' };

/** Whether the signed-in user can create one now; when not, the server's reason. */
export type CreateOffer = { roles: Role[]; step: string; entry: CreateEntry } & (
  | { available: true }
  | { available: false; code: string; reason: string }
);

export interface LifecycleInfo {
  label: string;
  form: string;
  states: Record<string, string>;
  /** what happens next, by state, for states where nothing waits in the product */
  next?: Record<string, string>;
  /** each state's badge colour, by its meaning (declared beside the lifecycle's states) */
  tones?: Record<string, StateTone>;
  create?: CreateOffer | null;
}
export type Lifecycles = Partial<Record<string, LifecycleInfo>>;

export type StateTone = 'wait' | 'ok' | 'bad' | 'neutral';

export interface ListItem {
  id: string;
  kind: string;
  state: string;
  stateLabel: string;
  stateTone?: StateTone;
  version: number;
  title: string;
  subtitle?: string | null;
  number?: string | null;
  cohort?: number | null;
  updatedAt: string;
}

export interface ListPage {
  items: ListItem[];
  nextCursor: string | null;
}

export interface RecordAction {
  name: string;
  label: string;
  needsReason: boolean;
  step: string | null;
  confirm: string | null;
  style?: 'primary' | 'danger' | 'default';
  /** a draft save: missing required values are allowed (if the server says so) */
  draft?: boolean;
  /** a reject (退回/驳回): common reasons to pick, besides free text */
  reasons?: string[];
  /** changes the data and keeps the state (修改邀约): the record reads as it is until the user picks it */
  inPlace?: boolean;
}

export interface TimelineEvent {
  id: string;
  at: string;
  actorName: string | null;
  role: Role | null;
  action: string;
  /** same as `label` (kept for earlier clients) */
  actionLabel: string;
  from: string | null;
  fromLabel: string | null;
  to: string | null;
  toLabel: string | null;
  /** the reason a person gave (reject, return, decline); null otherwise */
  reason: string | null;
  /** the step as its lifecycle table labels it: 学院审核通过, 学校审核通过, 学生接受邀约 … */
  label?: string;
  /** the actor's role in Chinese (学院审核, 就业中心, 系统 …) */
  actorRoleLabel?: string | null;
  /** what the system wrote with an event it made (学生应约，生成协议书): a neutral note, not a reason */
  note?: string | null;
}

export interface RecordView {
  id: string;
  kind: string;
  state: string;
  stateLabel: string;
  stateTone?: StateTone;
  version: number;
  number?: string | null;
  mode?: 'online' | 'offline' | null;
  deadline?: string | null;
  studentId?: string | null;
  employerId?: string | null;
  data: Record<string, unknown>;
  form: { key: string; version: number };
  step: string | null;
  /** values the form of `step` opens with where the record is still empty (the school's 学校信息) */
  prefill?: Record<string, unknown>;
  actions: RecordAction[];
  timeline: TimelineEvent[];
  /** fields changed since the record was first written (e.g. a student's corrections to the import) */
  changes?: Array<{ key: string; label: string; before: unknown; after: unknown; by?: Role[] }>;
  /** a reviewer's changes count from here: their own last action, else the first version */
  changesSince?: { at: string; own: boolean } | null;
  /** for the record's own student only: what the employer changed since the student last saw it */
  termsChanges?: Array<{ key: string; label: string; before: unknown; after: unknown }>;
  /** a transition's answer: the record it created (应约 → the agreement) */
  created?: { kind: string; id: string };
  createdAt?: string;
  updatedAt?: string;
}

export interface FormResponse<D = unknown> {
  key: string;
  version: number;
  definition: D;
}

export interface UploadedFile {
  id: string;
  contentType: string;
  size: number;
  sha256?: string;
}
