/** 消息中心 (each account its own messages), 提醒设置, and the admin's watch over e-mail and SMS. */
import * as v from 'valibot';
import { ItemsOf } from './common';
import { route } from './route';

export const NotificationItemSchema = v.looseObject({
  id: v.string(),
  /** the preference category (invitation, agreement, review, reminder, account …) */
  category: v.string(),
  /** `<kind>.<action>` of the event, e.g. invitations.create */
  event: v.string(),
  title: v.string(),
  body: v.string(),
  recordKind: v.nullable(v.string()),
  recordId: v.nullable(v.string()),
  /** the page of the record the message is about, e.g. /r/invitations/… */
  link: v.nullable(v.string()),
  createdAt: v.string(),
  readAt: v.nullable(v.string()),
});
export const NotificationListSchema = v.object({ items: v.array(NotificationItemSchema), unread: v.number() });
export const UnreadCountSchema = v.object({ unread: v.number() });
export const ReadNotificationSchema = v.looseObject({ ...NotificationItemSchema.entries, unread: v.number() });
export const ReadAllSchema = v.object({ marked: v.number(), unread: v.number() });

export const CategoryPreferenceSchema = v.object({ category: v.string(), label: v.string(), email: v.boolean(), sms: v.boolean() });
export const PreferencesSchema = v.object({ preferences: v.array(CategoryPreferenceSchema) });
export const PreferencesBodySchema = v.object({
  preferences: v.array(v.object({ category: v.string(), email: v.boolean(), sms: v.boolean() })),
});

const CHANNEL = v.picklist(['email', 'sms']);
export const OutboxRowSchema = v.looseObject({
  id: v.string(),
  channel: CHANNEL,
  /** masked: s***@example.edu.cn, *******5678 */
  address: v.string(),
  subject: v.string(),
  body: v.string(),
  state: v.picklist(['pending', 'sending', 'sent', 'dead']),
  attempts: v.number(),
  lastError: v.nullable(v.string()),
  createdAt: v.string(),
});
export const OutboxSchema = v.object({ dead: v.array(OutboxRowSchema), pending: v.array(OutboxRowSchema) });
export const LocalMailSchema = v.looseObject({
  outboxId: v.string(),
  channel: v.string(),
  address: v.string(),
  subject: v.string(),
  body: v.string(),
  sentAt: v.string(),
});

export const notificationRoutes = [
  route({
    method: 'GET',
    path: '/api/notifications',
    tag: '消息',
    summary: '我的消息：未读在前，新的在前，各带所涉记录的链接',
    access: '已登录用户（仅本人）',
    answers: { 200: NotificationListSchema },
  }),
  route({
    method: 'GET',
    path: '/api/notifications/unread-count',
    tag: '消息',
    summary: '未读消息数（页头角标）',
    access: '已登录用户（仅本人）',
    answers: { 200: UnreadCountSchema },
  }),
  route({
    method: 'GET',
    path: '/api/notifications/preferences',
    tag: '消息',
    summary: '提醒设置：各类别是否发送邮件、短信（站内消息始终开启）',
    access: '已登录用户（仅本人）',
    answers: { 200: PreferencesSchema },
  }),
  route({
    method: 'PUT',
    path: '/api/notifications/preferences',
    tag: '消息',
    summary: '保存提醒设置',
    access: '已登录用户（仅本人）',
    body: PreferencesBodySchema,
    answers: { 200: PreferencesSchema },
  }),
  route({
    method: 'POST',
    path: '/api/notifications/read-all',
    tag: '消息',
    summary: '全部标为已读',
    access: '已登录用户（仅本人）',
    answers: { 200: ReadAllSchema },
  }),
  route({
    method: 'POST',
    path: '/api/notifications/:id/read',
    tag: '消息',
    summary: '标为已读（他人的消息：404）',
    access: '已登录用户（仅本人）',
    params: { id: '消息编号' },
    answers: { 200: ReadNotificationSchema },
  }),
  route({
    method: 'GET',
    path: '/api/admin/outbox',
    tag: '消息',
    summary: '发件监控：发送失败已搁置的与等待发送的邮件、短信（地址已遮蔽）',
    access: '平台管理员',
    answers: { 200: OutboxSchema },
  }),
  route({
    method: 'POST',
    path: '/api/admin/outbox/:id/retry',
    tag: '消息',
    summary: '重新发送一条已搁置的邮件或短信',
    access: '平台管理员',
    params: { id: '发件编号' },
    answers: { 200: v.object({ id: v.string(), state: v.literal('pending') }) },
  }),
  route({
    method: 'GET',
    path: '/api/admin/local-mailbox',
    tag: '消息',
    summary: '本地发件箱：未配置服务商时本地通道"发出"的邮件、短信',
    access: '平台管理员',
    answers: { 200: ItemsOf(LocalMailSchema) },
  }),
];
