/** The employer's student lookup, the school list, and what a student keeps about themself. */
import * as v from 'valibot';
import { ItemsOf, OkSchema, queryText } from './common';
import { route } from './route';
import { ContactBodySchema, ContactSchema } from './session';

export const LookupQuerySchema = v.object({
  school: queryText('学校编号（必填）'),
  cohort: queryText('毕业届（签约码查询时不需要）'),
  idNumber: queryText('身份证号'),
  phone: queryText('手机号'),
  name: queryText('姓名（与手机号同用）'),
  code: queryText('签约码'),
});
export const LookupHitSchema = v.object({
  studentId: v.string(),
  name: v.string(),
  /** last 4 characters only */
  idNumber: v.string(),
  phone: v.nullable(v.string()),
  schoolName: v.nullish(v.string()),
  collegeName: v.nullish(v.string()),
  cohort: v.nullish(v.number()),
});

export const CollegeOptionSchema = v.object({ id: v.string(), name: v.string() });
export const SchoolOptionSchema = v.object({
  id: v.string(),
  code: v.string(),
  name: v.string(),
  colleges: v.optional(v.array(CollegeOptionSchema)),
});

export const StudentProfileSchema = v.object({
  identity: v.object({
    name: v.string(),
    idNumber: v.string(),
    schoolName: v.nullish(v.string()),
    collegeName: v.nullish(v.string()),
    cohort: v.nullish(v.number()),
  }),
  contact: ContactSchema,
  updatedAt: v.nullable(v.string()),
});
export const SavedStudentProfileSchema = v.object({ ...StudentProfileSchema.entries, changed: v.array(v.string()) });

export const LOOKUP_BY_VALUES = ['idNumber', 'phone', 'namePhone', 'code'] as const;
export const MyLookupSchema = v.object({ employerName: v.string(), at: v.string(), by: v.picklist(LOOKUP_BY_VALUES) });
export const SigningCodeSchema = v.object({
  id: v.string(),
  /** the last 2 characters: the code itself is shown only when it is created */
  hint: v.string(),
  createdAt: v.string(),
  expiresAt: v.string(),
});
export const CreatedSigningCodeSchema = v.object({ ...SigningCodeSchema.entries, code: v.string() });

export const LookupHitsSchema = ItemsOf(LookupHitSchema);
export const SchoolListSchema = ItemsOf(SchoolOptionSchema);
export const MyLookupsSchema = ItemsOf(MyLookupSchema);
export const SigningCodesSchema = ItemsOf(SigningCodeSchema);

const tag = '学生';
export const studentRoutes = [
  route({
    method: 'GET',
    path: '/api/students/lookup',
    tag,
    summary: '单位查找学生：学校 + 毕业届 + 身份证号/手机号/姓名加手机号之一，或学校 + 签约码',
    access: '已通过审核的用人单位',
    query: LookupQuerySchema,
    answers: { 200: LookupHitsSchema },
  }),
  route({
    method: 'GET',
    path: '/api/schools',
    tag: '学校',
    summary: '学校列表；审核人员另见可筛选的学院',
    access: '已登录',
    answers: { 200: SchoolListSchema },
  }),
  route({
    method: 'GET',
    path: '/api/students/me/contact',
    tag,
    summary: '学生的基本信息与联系方式',
    access: '学生本人',
    answers: { 200: StudentProfileSchema },
  }),
  route({
    method: 'PUT',
    path: '/api/students/me/contact',
    tag,
    summary: '修改联系方式',
    access: '学生本人',
    body: ContactBodySchema,
    answers: { 200: SavedStudentProfileSchema },
  }),
  route({
    method: 'GET',
    path: '/api/students/me/lookups',
    tag,
    summary: '哪些单位查询过我',
    access: '学生本人',
    answers: { 200: MyLookupsSchema },
  }),
  route({
    method: 'GET',
    path: '/api/students/me/signing-codes',
    tag,
    summary: '有效的签约码（只显示末两位）',
    access: '学生本人',
    answers: { 200: SigningCodesSchema },
  }),
  route({
    method: 'POST',
    path: '/api/students/me/signing-codes',
    tag,
    summary: '生成新的签约码（旧码作废），只在此时显示完整签约码',
    access: '学生本人（生源已省级通过）',
    answers: { 201: CreatedSigningCodeSchema },
  }),
  route({
    method: 'DELETE',
    path: '/api/students/me/signing-codes/:id',
    tag,
    summary: '作废一个签约码',
    access: '学生本人',
    params: { id: '签约码编号' },
    answers: { 200: OkSchema },
  }),
];
