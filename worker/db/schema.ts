/**
 * The database schema: the one source of row types (`typeof table.$inferSelect`).
 * `npm run db:generate` turns changes here into a new SQL file in migrations/.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const schools = sqliteTable('schools', {
  id: text('id').primaryKey(),
  /** 院校代码 (national 5-digit school code), prefix of agreement numbers */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** province region code, e.g. 320000 */
  province: text('province').notNull(),
});

export const colleges = sqliteTable(
  'colleges',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    name: text('name').notNull(),
  },
  (t) => [index('colleges_school').on(t.schoolId)],
);

export const employers = sqliteTable('employers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  creditCode: text('credit_code').notNull().unique(),
  unitNature: text('unit_nature').notNull(),
  industry: text('industry').notNull(),
  region: text('region').notNull(),
  address: text('address'),
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  /** verified by the centre before it may invite */
  verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull().default(now),
});

export const students = sqliteTable(
  'students',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    collegeId: text('college_id')
      .notNull()
      .references(() => colleges.id),
    cohort: integer('cohort').notNull(),
    idNumber: text('id_number').notNull().unique(),
    name: text('name').notNull(),
    /**
     * 基本信息管理: the student's contact details, the one place the lookup, invitations, agreements
     * and dispatches read them from. The roster's phone seeds `phone`; once the student has confirmed
     * or changed them (`contact_updated_at`), neither a re-import nor a source-record review overwrites them.
     */
    phone: text('phone'),
    email: text('email'),
    qq: text('qq'),
    wechat: text('wechat'),
    contactUpdatedAt: text('contact_updated_at'),
    /** mirrors the source record's state, so the employer lookup is one indexed read */
    sourceState: text('source_state').notNull().default('imported'),
  },
  (t) => [
    index('students_lookup_id').on(t.schoolId, t.cohort, t.idNumber),
    index('students_lookup_phone').on(t.schoolId, t.cohort, t.phone),
    index('students_college').on(t.collegeId),
  ],
);

export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['student', 'employer', 'college', 'school', 'province', 'center', 'admin'] }).notNull(),
    displayName: text('display_name').notNull(),
    schoolId: text('school_id').references(() => schools.id),
    collegeId: text('college_id').references(() => colleges.id),
    employerId: text('employer_id').references(() => employers.id),
    studentId: text('student_id').references(() => students.id),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    /** 初次进入: the student confirmed contact details and identity */
    identityConfirmedAt: text('identity_confirmed_at'),
    /** no longer written: contact details live on the student (`students.phone/email/qq/wechat`) */
    phone: text('phone'),
    email: text('email'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    // `Admin` beside `admin` would be two people one sign-in form cannot tell apart: usernames are
    // unique ignoring letter case, and the database holds that even when two registrations race
    uniqueIndex('accounts_username_nocase').on(sql`lower(${t.username})`),
    // a notification's recipients are found by these, inside the batch of the event (db/notifications.ts)
    index('accounts_student').on(t.studentId),
    index('accounts_employer').on(t.employerId),
    index('accounts_role_org').on(t.role, t.schoolId, t.collegeId),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the session token; the token itself lives only in the cookie */
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    createdAt: text('created_at').notNull().default(now),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_account').on(t.accountId)],
);

/**
 * Every lifecycle record (source records, invitations, agreements, amendments, terminations,
 * dispatches) lives here: one executor serves them all. Link columns are denormalised from the
 * student/employer so that scope checks and queues are single indexed reads.
 */
export const records = sqliteTable(
  'records',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    data: text('data', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    formKey: text('form_key').notNull(),
    formVersion: integer('form_version').notNull(),
    studentId: text('student_id').references(() => students.id),
    schoolId: text('school_id').references(() => schools.id),
    collegeId: text('college_id').references(() => colleges.id),
    employerId: text('employer_id').references(() => employers.id),
    cohort: integer('cohort'),
    /** the record this one belongs to: invitation → agreement, amendment/termination → agreement */
    parentId: text('parent_id'),
    /** agreements: 'online' | 'offline'; destinations: 'school' | 'center', the review chain the code takes */
    mode: text('mode'),
    /** agreements: 协议书编号 */
    number: text('number'),
    /** agreements: the code printed on the PDF and checked at /verify/:code */
    verifyCode: text('verify_code'),
    /** invitations: answer deadline (YYYY-MM-DD, end of day Beijing time) */
    deadline: text('deadline'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
    /**
     * Hash of the record's latest audit event (the head of its chain). Every event write moves it in
     * the same batch, guarded by its old value, so a deleted last event or a second event forking
     * the chain cannot go unnoticed. NULL until the record's first hashed event.
     */
    auditHead: text('audit_head'),
  },
  (t) => [
    index('records_kind_school').on(t.kind, t.schoolId, t.state, t.id),
    index('records_kind_college').on(t.kind, t.collegeId, t.state, t.id),
    index('records_kind_state').on(t.kind, t.state, t.id),
    // A school's or college's queue across several states (its 全部 tab, or every state its role
    // may see): with only the state-led indexes above the planner walked records_kind_id over the
    // whole kind, filtering row by row, and at a million students a college's first page never came.
    index('records_school_order').on(t.kind, t.schoolId, t.id),
    index('records_college_order').on(t.kind, t.collegeId, t.id),
    // Unfiltered queues (province, centre, admin): newest first without sorting the whole kind.
    index('records_kind_id').on(t.kind, t.id),
    // A student's or employer's own queue, newest first: ending in id lets the index give the order,
    // so the planner never prefers walking records_kind_id over the whole kind to avoid a sort.
    index('records_student').on(t.studentId, t.kind, t.id),
    index('records_employer').on(t.employerId, t.kind, t.id),
    index('records_parent').on(t.parentId),
    uniqueIndex('records_number').on(t.number),
    uniqueIndex('records_verify_code').on(t.verifyCode),
    // A student holds at most one active agreement (docs/architecture.md, the lifecycles): the database enforces it, so two
    // concurrent accepts cannot both win.
    uniqueIndex('one_active_agreement')
      .on(t.studentId)
      .where(sql`kind = 'agreements' AND state IN ('college_review','school_review','approved','returned')`),
    uniqueIndex('one_source_record').on(t.studentId).where(sql`kind = 'source-records'`),
    // One open termination per agreement (docs/architecture.md, the lifecycles).
    uniqueIndex('one_open_termination')
      .on(t.parentId)
      .where(sql`kind = 'terminations' AND state IN ('consent_pending','college_review','school_review')`),
    // One 毕业去向登记 per graduate and cohort (docs/architecture.md, 毕业去向登记): a change is a new
    // version of the same record, so two tabs registering at once cannot both win.
    uniqueIndex('one_destination').on(t.studentId, t.cohort).where(sql`kind = 'destinations'`),
  ],
);

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: text('id').primaryKey(),
    recordId: text('record_id').notNull(),
    kind: text('kind').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    actorName: text('actor_name').notNull(),
    reason: text('reason'),
    /** SHA-256 of the record data as written by this event */
    dataDigest: text('data_digest').notNull(),
    /** the record data as written by this event (canonical JSON), so every change can be shown */
    snapshot: text('snapshot'),
    at: text('at').notNull().default(now),
    /**
     * The hash of the record's previous event (or of its sealed pre-chain events, or the genesis
     * value for a record's first event). NULL only for events written before the chain existed.
     */
    prevHash: text('prev_hash'),
    /** SHA-256 over this event's canonical content, including prevHash and dataDigest */
    hash: text('hash'),
  },
  (t) => [
    index('audit_record').on(t.recordId, t.id),
    // One successor per event: a chain cannot fork even if two writers read the same head.
    uniqueIndex('audit_chain_link').on(t.recordId, t.prevHash),
  ],
);

export const formVersions = sqliteTable(
  'form_versions',
  {
    formKey: text('form_key').notNull(),
    version: integer('version').notNull(),
    definition: text('definition', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    publishedAt: text('published_at').notNull().default(now),
    publishedBy: text('published_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.formKey, t.version] })],
);

export const formDrafts = sqliteTable('form_drafts', {
  formKey: text('form_key').primaryKey(),
  definition: text('definition', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
  updatedAt: text('updated_at').notNull().default(now),
  updatedBy: text('updated_by').notNull(),
  /** the published version the draft was started from; null for drafts saved before it was kept */
  baseVersion: integer('base_version'),
});

export const files = sqliteTable(
  'files',
  {
    id: text('id').primaryKey(),
    /** server-made R2 key */
    objectKey: text('object_key').notNull().unique(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => accounts.id),
    recordId: text('record_id'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    index('files_record').on(t.recordId),
    index('files_orphans').on(t.recordId, t.createdAt),
    // an account's uploads of the last day and its loose ones: the upload quota reads these
    index('files_owner').on(t.ownerId, t.createdAt),
  ],
);

export type RecordRow = typeof records.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;
export type StudentRow = typeof students.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;

/**
 * Never holds a row. A batch inserts NULL here when its conditional update matched nothing, which
 * fails the NOT NULL constraint and rolls the whole batch back: D1 has no interactive
 * transactions, so this is how "only if the state and version still match" covers every write of
 * a transition, not just the first.
 */
export const writeGuards = sqliteTable('write_guards', {
  ok: integer('ok').notNull(),
});

/**
 * Sign-in locks: when the rate limiter says an account or an address failed too often, the lock
 * is kept here until it expires, so even the right password is refused meanwhile (the limiter
 * alone cannot be asked without counting).
 */
export const loginLocks = sqliteTable('login_locks', {
  key: text('key').primaryKey(),
  until: text('until').notNull(),
});

/** Named counters, bumped inside the batch that uses them (agreement numbers per school and cohort). */
export const counters = sqliteTable('counters', {
  key: text('key').primaryKey(),
  value: integer('value').notNull(),
});

/**
 * Every employer lookup of a student (the audit and the daily quota): who, when, by which kind of
 * identifier, hit or miss. The identifier itself is never stored, only its keyed hash (HMAC), so
 * the table cannot be read back into ID numbers or phones. A hit writes one row per student found.
 */
export const studentLookups = sqliteTable(
  'student_lookups',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    employerId: text('employer_id')
      .notNull()
      .references(() => employers.id),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    by: text('by', { enum: ['idNumber', 'phone', 'namePhone', 'code'] }).notNull(),
    hit: integer('hit', { mode: 'boolean' }).notNull(),
    /** the student found; null on a miss */
    studentId: text('student_id').references(() => students.id),
    schoolId: text('school_id'),
    cohort: integer('cohort'),
    /** HMAC-SHA256 of the normalised identifier */
    identifierHash: text('identifier_hash').notNull(),
    /** HMAC-SHA256 of the client address, when known */
    ipHash: text('ip_hash'),
  },
  (t) => [index('student_lookups_employer_at').on(t.employerId, t.at), index('student_lookups_student_at').on(t.studentId, t.at)],
);

/**
 * 签约码: a short-lived code a student hands to an employer, who finds the student by school and
 * code alone. A bearer credential, so only its keyed hash is kept (and its last 2 characters, to
 * tell codes apart).
 */
export const signingCodes = sqliteTable(
  'signing_codes',
  {
    id: text('id').primaryKey(),
    studentId: text('student_id')
      .notNull()
      .references(() => students.id),
    codeHash: text('code_hash').notNull().unique(),
    hint: text('hint').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('signing_codes_student').on(t.studentId)],
);

/**
 * What a student last saw of a record the other party can change (an invitation): the audit event
 * whose snapshot was the record's data when the student last opened or accepted it. The data itself
 * stays in the audit trail; this row only points at it, so the next read can show what changed since.
 */
export const termsSeen = sqliteTable(
  'terms_seen',
  {
    recordId: text('record_id')
      .notNull()
      .references(() => records.id),
    studentId: text('student_id')
      .notNull()
      .references(() => students.id),
    /** the id of the record's latest audit event when the student saw it */
    eventId: text('event_id').notNull(),
    seenAt: text('seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.studentId] })],
);

/**
 * 学校信息: the school's own part of every agreement (就业主管部门, 联系人, 电话, 地址, 邮编), kept
 * once per school. The school step of an agreement is prefilled from it (`fromSchoolProfile`);
 * what a reviewer types on an agreement stays on that agreement.
 */
export const schoolProfiles = sqliteTable('school_profiles', {
  schoolId: text('school_id')
    .primaryKey()
    .references(() => schools.id),
  authority: text('authority').notNull(),
  contact: text('contact').notNull(),
  phone: text('phone').notNull(),
  address: text('address'),
  postcode: text('postcode'),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by')
    .notNull()
    .references(() => accounts.id),
});

/**
 * The admin's own list of common reasons to pick when rejecting (退回/驳回) records of a lifecycle
 * kind. Without a row the lifecycle's default list (`reasons` in its definition) applies.
 */
export const reasonLists = sqliteTable('reason_lists', {
  kind: text('kind').primaryKey(),
  /** JSON array of strings, in the order offered */
  reasons: text('reasons').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/**
 * 毕业去向登记 settings of one cohort, set by the province: until `changeDeadline` (YYYY-MM-DD,
 * Beijing) a registered student may change destination; `centerCodes` (JSON array) are the codes the
 * centre reviews after the school. Without a row: 31 August of the graduation year, and ["10"].
 */
export const destinationSettings = sqliteTable('destination_settings', {
  cohort: integer('cohort').primaryKey(),
  changeDeadline: text('change_deadline').notNull(),
  centerCodes: text('center_codes').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/** A counsellor's short follow-up note on a graduate's destination (who, when, what). */
export const destinationNotes = sqliteTable(
  'destination_notes',
  {
    id: text('id').primaryKey(),
    studentId: text('student_id')
      .notNull()
      .references(() => students.id),
    authorId: text('author_id')
      .notNull()
      .references(() => accounts.id),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('destination_notes_student').on(t.studentId, t.at)],
);

/**
 * 消息中心 (docs/architecture.md, notifications): one row per recipient account. Reviewers are an
 * audience (every college/school reviewer of the record's organisation), fanned out to their
 * accounts by the INSERT … SELECT that writes the rows, in the same D1 batch as the transition, so
 * each reviewer has a read mark of their own. `dedupe_key` makes a reminder once per thing
 * (`deadline:<invitation id>`, `digest:<day>`): a second sweep's insert is ignored.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    /** preference category: invitation, agreement, amendment, termination, dispatch, registration, source, account, reminder */
    category: text('category').notNull(),
    /** the rule that wrote it, e.g. `invitations.send` */
    event: text('event').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    recordKind: text('record_kind'),
    recordId: text('record_id'),
    dedupeKey: text('dedupe_key'),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [
    index('notifications_account').on(t.accountId, t.createdAt),
    index('notifications_unread').on(t.accountId).where(sql`read_at IS NULL`),
    // only reminders carry a key: the index holds just their rows, not one entry per message
    uniqueIndex('notifications_dedupe').on(t.accountId, t.dedupeKey).where(sql`dedupe_key IS NOT NULL`),
  ],
);

/**
 * E-mail and SMS to send, written after the notification they carry committed — by the sweep's
 * walk over the notifications in commit order, or by the consumer of a message naming the event
 * (`writeNewDeliveries`, `writeEventDeliveries`, db/outbox.ts; the view `notification_deliveries`,
 * migration 0018): per the recipient's preferences and only where an address is known; the id
 * `<notification id>:<channel>` makes it once per notification and channel. The queue consumer claims a row (`pending` → `sending`) before it calls the transport
 * and marks it `sent` after; after the last attempt it parks it as `dead` for the admin.
 */
export const notificationOutbox = sqliteTable(
  'notification_outbox',
  {
    id: text('id').primaryKey(),
    notificationId: text('notification_id').notNull(),
    accountId: text('account_id').notNull(),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    address: text('address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    state: text('state', { enum: ['pending', 'sending', 'sent', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    claimedAt: text('claimed_at'),
    /** after a failed attempt: not before this time (the backoff), for the sweep */
    nextAttemptAt: text('next_attempt_at'),
    sentAt: text('sent_at'),
  },
  (t) => [index('notification_outbox_state').on(t.state, t.createdAt)],
);

/** A user's e-mail or SMS turned off for a category (a row means off; in-app always stays on). */
export const notificationOptOuts = sqliteTable(
  'notification_opt_outs',
  {
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    category: text('category').notNull(),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.category, t.channel] })],
);

/** 本地发件箱: what the local transport "sent" (development and tests), one row per outbox row. */
export const localMailbox = sqliteTable('local_mailbox', {
  outboxId: text('outbox_id').primaryKey(),
  channel: text('channel').notNull(),
  address: text('address').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  sentAt: text('sent_at').notNull(),
});

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof notificationOutbox.$inferSelect;
