/** 学校信息 of the school reviewer's own school. */
import * as v from 'valibot';
import { route } from './route';

export const SCHOOL_PROFILE_KEYS = ['authority', 'contact', 'phone', 'address', 'postcode'] as const;
export const SchoolProfileValuesSchema = v.object({
  authority: v.nullable(v.string()),
  contact: v.nullable(v.string()),
  phone: v.nullable(v.string()),
  address: v.nullable(v.string()),
  postcode: v.nullable(v.string()),
});
/** What the school saves: a field left out or null is empty. */
export const SchoolProfileBodySchema = v.object({
  authority: v.nullish(v.string()),
  contact: v.nullish(v.string()),
  phone: v.nullish(v.string()),
  address: v.nullish(v.string()),
  postcode: v.nullish(v.string()),
});
export const SchoolProfileViewSchema = v.object({
  school: v.object({ name: v.string(), code: v.string() }),
  /** null until the school first saves it */
  profile: v.nullable(SchoolProfileValuesSchema),
  updatedAt: v.nullable(v.string()),
});
export const SavedSchoolProfileSchema = v.object({ ...SchoolProfileViewSchema.entries, changed: v.array(v.string()) });

export const schoolRoutes = [
  route({
    method: 'GET',
    path: '/api/schools/me/profile',
    tag: '学校',
    summary: '本校的学校信息（就业主管部门、联系人、电话、地址、邮编）',
    access: '学校审核',
    answers: { 200: SchoolProfileViewSchema },
  }),
  route({
    method: 'PUT',
    path: '/api/schools/me/profile',
    tag: '学校',
    summary: '保存学校信息',
    access: '学校审核',
    body: SchoolProfileBodySchema,
    answers: { 200: SavedSchoolProfileSchema },
  }),
];
