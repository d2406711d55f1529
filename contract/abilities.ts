/**
 * What the signed-in account may do beyond the records' own `actions` and `create` offers, named
 * once: the session answer lists the account's abilities and modules, the worker decides them from
 * one table (`worker/auth/abilities.ts`) that its route guards read too, and the web shows only
 * what the answer lists (docs/architecture.md, roles and scope).
 */
import * as v from 'valibot';
import { KINDS } from './kinds';

export const ABILITY_VALUES = [
  /** 重置密码 of a student of the reviewer's scope (source record page) */
  'reset_student_password',
  /** 重置密码 of an employer (employer registration page) */
  'reset_employer_password',
  /** 重置密码 of a reviewer account */
  'reset_reviewer_password',
  /** 批量重置密码 of the school's students (CSV) */
  'reset_student_passwords_in_bulk',
  /** 导出派遣方案 (CSV, Excel) */
  'export_dispatches',
  /** 导出毕业去向 (CSV, Excel) */
  'export_destinations',
  /** 去向跟进: the graduates by destination state, with notes */
  'follow_up_destinations',
  /** 就业统计: 签约率 and 毕业去向落实率 of the caller's scope (GET /api/statistics) */
  'view_statistics',
  /** 去向登记设置 of a cohort */
  'set_destination_rules',
  /** 生源导入 and its template */
  'import_source_records',
  /** 学校信息 (the agreement's school block) */
  'edit_school_profile',
  /** 基本信息: the student's own contact details */
  'edit_own_contact',
  /** 表单管理 */
  'manage_forms',
  /** 审计链校验 */
  'verify_audit_chain',
  /** 发件监控 */
  'watch_outbox',
  /** the 学校 filter of a review queue (GET /api/schools lists the schools with their colleges) */
  'filter_by_school',
  /** the 学院 filter of a review queue (GET /api/schools lists the colleges) */
  'filter_by_college',
] as const;
export type Ability = (typeof ABILITY_VALUES)[number];
export const AbilitySchema = v.picklist(ABILITY_VALUES);

/** The pages beside the record lists, each shown to whoever has the ability it needs. */
export const PAGE_MODULE_VALUES = [
  'destination-follow-up',
  'destination-settings',
  'statistics',
  'source-import',
  'school-profile',
  'forms',
  'audit',
  'outbox',
] as const;
export type PageModule = (typeof PAGE_MODULE_VALUES)[number];

/** A module of the home page and the header's navigation: a record kind's list, or one of the pages. */
export const MODULE_VALUES = [...KINDS, ...PAGE_MODULE_VALUES] as const;
export type Module = (typeof MODULE_VALUES)[number];
export const ModuleSchema = v.picklist(MODULE_VALUES);
