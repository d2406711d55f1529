/**
 * Every key of the web's query cache (TanStack Query), in one place so a write knows what it makes
 * stale (see invalidation.ts). Keys are arrays from the general to the particular: invalidating a
 * prefix (['records', kind]) reaches every list of that kind whatever its filters.
 */
import type { ListQuery } from './records';

export const queryKeys = {
  /** GET /api/lifecycles for the signed-in user (labels, next steps, what may be created) */
  lifecycles: (userId: string | undefined) => ['lifecycles', userId ?? null] as const,
  /** one record: GET /api/<kind>/<id> */
  record: (kind: string, id: string) => ['record', kind, id] as const,
  /** every list of a kind, whatever the filters (the prefix a write invalidates) */
  recordsOfKind: (kind: string) => ['records', kind] as const,
  /** one list of a kind: GET /api/<kind>?filters */
  records: (kind: string, filters: ListQuery) => ['records', kind, filters] as const,
  /** a list page's pages (加载更多), kept apart from single-page lists of the same filters */
  recordPages: (kind: string, filters: ListQuery) => ['records', kind, 'pages', filters] as const,
  /** home cards that combine several calls (the student's source record with its return reason, …) */
  home: (...parts: (string | number | null | undefined)[]) => ['home', ...parts] as const,
  /** a form definition: the latest published version, or one version */
  form: (key: string, version?: number) => ['form', key, version ?? 'latest'] as const,
  /** admin: every form with its draft */
  forms: () => ['forms'] as const,
  /** admin: the reject reasons of every kind */
  reasonLists: () => ['reason-lists'] as const,
  /** the schools a reviewer may filter by */
  schools: (userId: string) => ['schools', userId] as const,
  /** 就业统计 of a cohort by a dimension (GET /api/statistics) */
  statistics: (cohort: number, by: string, school: string) => ['statistics', cohort, by, school] as const,
  /** every school, for an employer's lookup (GET /api/schools) */
  schoolDirectory: () => ['school-directory'] as const,
  /** the school's 协议书学校栏 */
  schoolProfile: () => ['school-profile'] as const,
  /** the student's own contact details (基本信息) */
  studentContact: () => ['student-contact'] as const,
  /** the student's live 签约码 */
  signingCodes: () => ['signing-codes'] as const,
  /** 谁查询过我 */
  myLookups: () => ['my-lookups'] as const,
  /** the employer registration form (no session) */
  registrationForm: () => ['registration-form'] as const,
  /** what a create starts from: lifecycle, server prefill, form version */
  createSetup: (kind: string, userId: string, links: string) => ['create-setup', kind, userId, links] as const,
  /** 去向跟进: a page of a counsellor's graduates (a saved note updates its row in place) */
  followUpAll: () => ['destination-follow-up'] as const,
  followUp: (major: string, page: number) => ['destination-follow-up', major, page] as const,
  /** 去向登记设置 of one cohort */
  destinationSettings: (cohort: number) => ['destination-settings', cohort] as const,
  /** 消息中心 and the header's unread count (the prefix a mark-read invalidates) */
  notifications: () => ['notifications'] as const,
  notificationList: () => ['notifications', 'list'] as const,
  unreadCount: () => ['notifications', 'unread'] as const,
  /** 提醒设置: e-mail and SMS per category */
  notificationPreferences: () => ['notification-preferences'] as const,
  /** admin: 发件监控 and 本地发件箱 */
  outbox: () => ['outbox'] as const,
  localMailbox: () => ['local-mailbox'] as const,
};
