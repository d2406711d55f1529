/**
 * Who is told of what (docs/architecture.md, notifications): data beside the lifecycle definitions,
 * keyed by kind and action (and, where one action means different things, the state it leaves or
 * reaches). Recipients are roles relative to the record — its student, its employer, its college
 * or school reviewers, the centre — never the actor of the event itself. Titles and bodies are
 * templates over a fixed set of placeholders (`render.ts`), none of which is an identifier.
 */
import type { Kind } from '../types';

/** A preference category: e-mail and SMS can be turned off per category, in-app stays on. */
export const CATEGORIES = {
  invitation: '职位邀约',
  agreement: '协议书审核',
  amendment: '协议修改',
  termination: '解约',
  dispatch: '派遣信息',
  destination: '毕业去向登记',
  source: '生源核对',
  registration: '单位注册审核',
  account: '账号安全',
  reminder: '提醒',
} as const;
export type Category = keyof typeof CATEGORIES;

/** Recipients, relative to the record. */
export type Audience = 'student' | 'employer' | 'college' | 'school' | 'center';

export interface NotifyRule {
  kind: Kind;
  /** the transition's action, `create` for a new record, or an event other code writes (`close`) */
  action: string;
  /** only when leaving one of these states (a withdrawn draft was never seen by the student) */
  from?: string[];
  /** only when reaching one of these states (a college approval vs the school's) */
  to?: string[];
  category: Category;
  recipients: Audience[];
  /** placeholders: {employer} {job} {student} {deadline} {number} {reason} {step} {actor} */
  title: string;
  body: string;
}

const rule = (
  kind: Kind,
  action: string,
  category: Category,
  audiences: Audience[],
  title: string,
  body: string,
  states: { from?: string[]; to?: string[] } = {},
): NotifyRule => ({ kind, action, category, recipients: audiences, title, body, ...states });

const PARTIES: Audience[] = ['student', 'employer'];

export const NOTIFY_RULES: readonly NotifyRule[] = [
  // ── 职位邀约 ──
  rule('invitations', 'send', 'invitation', ['student'], '收到职位邀约', '{employer}向您发出职位邀约（{job}），请在 {deadline} 前应约。'),
  rule(
    'invitations',
    'edit',
    'invitation',
    ['student'],
    '邀约内容已修改',
    '{employer}修改了职位邀约（{job}），请重新查看条款，应约截止 {deadline}。',
  ),
  rule('invitations', 'withdraw', 'invitation', ['student'], '邀约已撤回', '{employer}撤回了职位邀约（{job}）。', { from: ['sent'] }),
  rule(
    'invitations',
    'accept',
    'invitation',
    ['employer'],
    '学生已接受邀约',
    '{student}已接受您的职位邀约（{job}），协议书已生成并进入学院审核。',
  ),
  rule('invitations', 'reject', 'invitation', ['employer'], '学生已拒绝邀约', '{student}拒绝了您的职位邀约（{job}）。原因：{reason}'),
  rule(
    'invitations',
    'close',
    'invitation',
    ['employer'],
    '邀约已关闭：学生已与其他单位签约',
    '{student}已与其他单位签约，您的职位邀约（{job}）已自动关闭。',
  ),
  // ── 协议书 ──
  rule(
    'agreements',
    'approve',
    'agreement',
    PARTIES,
    '协议书学院审核通过',
    '{student}与{employer}的就业协议书已通过学院审核，等待学校审核。',
    { to: ['school_review'] },
  ),
  rule(
    'agreements',
    'approve',
    'agreement',
    PARTIES,
    '协议书审核通过，已生效',
    '{student}与{employer}的就业协议书（编号 {number}）已通过学校审核，正式生效。',
    { to: ['approved'] },
  ),
  rule('agreements', 'reject', 'agreement', PARTIES, '协议书被退回', '{student}与{employer}的就业协议书被退回。原因：{reason}'),
  // ── 协议修改 ──
  rule('amendments', 'create', 'amendment', ['student'], '单位提出修改协议', '{employer}提出修改就业协议书，请查看并确认是否同意。'),
  rule('amendments', 'agree', 'amendment', ['employer'], '学生同意修改协议', '{student}已同意协议修改，协议书将重新审核。'),
  rule('amendments', 'decline', 'amendment', ['employer'], '学生不同意修改协议', '{student}不同意协议修改。原因：{reason}'),
  rule('amendments', 'withdraw', 'amendment', ['student'], '单位撤回了协议修改', '{employer}撤回了对就业协议书的修改。'),
  // ── 解约 ── (the actor is never told of their own step: "parties" reaches the other one)
  rule('terminations', 'create', 'termination', PARTIES, '收到解约申请', '{student}与{employer}的就业协议书有一份解约申请，请查看。'),
  rule('terminations', 'consent', 'termination', PARTIES, '对方已同意解约', '解约申请已获双方同意，已提交学院审核。'),
  rule('terminations', 'decline', 'termination', PARTIES, '对方不同意解约', '对方不同意解约。原因：{reason}'),
  rule('terminations', 'approve', 'termination', PARTIES, '解约申请学院审核通过', '解约申请已通过学院审核，等待学校审核。', {
    to: ['school_review'],
  }),
  rule('terminations', 'approve', 'termination', PARTIES, '解约完成', '{student}与{employer}的就业协议书已解除。', { to: ['completed'] }),
  rule('terminations', 'reject', 'termination', PARTIES, '解约申请被驳回', '解约申请被驳回。原因：{reason}'),
  // ── 派遣信息 ──
  rule('dispatches', 'approve', 'dispatch', ['student'], '派遣信息{step}', '您的派遣信息已{step}，进入下一级审核。', {
    to: ['school_review', 'center_review'],
  }),
  rule('dispatches', 'approve', 'dispatch', ['student'], '派遣信息审核通过', '您的派遣信息已通过就业中心审核。', { to: ['approved'] }),
  rule('dispatches', 'reject', 'dispatch', ['student'], '派遣信息被退回', '您的派遣信息被退回，请修改后重新提交。原因：{reason}'),
  // ── 毕业去向登记 ──
  rule('destinations', 'approve', 'destination', ['student'], '毕业去向{step}', '您登记的毕业去向已{step}，进入下一级审核。', {
    to: ['school_review', 'center_review'],
  }),
  rule('destinations', 'approve', 'destination', ['student'], '毕业去向登记完成', '您登记的毕业去向已审核通过，登记完成。', {
    to: ['registered'],
  }),
  rule(
    'destinations',
    'reject',
    'destination',
    ['student'],
    '毕业去向登记被退回',
    '您登记的毕业去向被退回，请修改后重新提交。原因：{reason}',
  ),
  rule(
    'destinations',
    'reopen',
    'destination',
    ['student'],
    '毕业去向已重新开放登记',
    '学校已重新开放您的毕业去向登记，请重新填写并提交审核。原因：{reason}',
  ),
  // ── 生源核对 ──
  rule('source-records', 'approve', 'source', ['student'], '生源信息审核通过', '您的生源信息已{step}。'),
  rule('source-records', 'reject', 'source', ['student'], '生源信息被退回', '您的生源信息被退回，请修改后重新提交。原因：{reason}'),
  // ── 单位注册 ──
  rule('employer-registrations', 'approve', 'registration', ['employer'], '单位信息审核通过', '{employer}的单位信息已通过就业中心审核。'),
  rule(
    'employer-registrations',
    'reject',
    'registration',
    ['employer'],
    '单位信息被退回',
    '{employer}的单位信息被退回，请修改后重新提交。原因：{reason}',
  ),
];

/** What an account event (not a record's) tells its account. */
export const ACCOUNT_RULES = {
  passwordReset: {
    category: 'account' as Category,
    title: '您的密码已被重置',
    body: '您的登录密码已由{actor}重置，请使用新发放的一次性密码登录并立即修改。如非本人申请，请联系学校就业部门。',
  },
};

/**
 * 毕业去向登记 deadline reminders (the scheduled run, docs/architecture.md): when the cohort's
 * deadline is this many days away or fewer, each graduate without a registered destination is told,
 * and each counsellor (college reviewer) gets one digest of how many of their college's graduates
 * that is — once per threshold: two weeks ahead leaves time to gather evidence, three days is the
 * last call. Largest first.
 */
export const DESTINATION_REMINDER_DAYS = [14, 3] as const;

/** The rules an event matches (several audiences may share one event). */
export function rulesFor(kind: string, action: string, from: string | null, to: string): NotifyRule[] {
  return NOTIFY_RULES.filter(
    (r) => r.kind === kind && r.action === action && (!r.from || (from !== null && r.from.includes(from))) && (!r.to || r.to.includes(to)),
  );
}
