/** Shapes of the API's answers (DESIGN §7). */
import type { Role } from '../../../forms/engine/types';

export type { Role };

export const KINDS = ['source-records', 'invitations', 'agreements', 'amendments', 'terminations', 'dispatches', 'employer-registrations'] as const;
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

export interface LifecycleInfo {
  label: string;
  form: string;
  states: Record<string, string>;
  /** each state's badge colour, by its meaning (declared beside the lifecycle's states) */
  tones?: Record<string, StateTone>;
  create?: { roles: Role[]; step: string } | null;
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
}

export interface TimelineEvent {
  id: string;
  at: string;
  actorName: string | null;
  role: Role | null;
  action: string;
  actionLabel: string;
  from: string | null;
  fromLabel: string | null;
  to: string | null;
  toLabel: string | null;
  reason: string | null;
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
  actions: RecordAction[];
  timeline: TimelineEvent[];
  /** fields changed since the record was first written (e.g. a student's corrections to the import) */
  changes?: Array<{ key: string; label: string; before: unknown; after: unknown }>;
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
