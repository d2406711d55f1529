/** A complete 毕业去向登记 for each code a student may register (file ids are placeholders to swap). */
import type { Values } from '../types';

export const PHOTO = ['f_01JQ8Z0A1B2C'];
export const CREDIT = '91320106MA1XY012AY';

/** per code: the values, and the evidence field (null: no evidence asked) */
export const BY_CODE: Record<string, { values: Values; evidence: string | null }> = {
  '11': { values: { employerName: '南京云帆信息科技有限公司', creditCode: CREDIT, contractPages: PHOTO }, evidence: 'contractPages' },
  '12': { values: { employerName: '南京小满咖啡店', employmentProof: PHOTO }, evidence: 'employmentProof' },
  '27': { values: { projectName: '东南大学 计算机学院 科研助理', offerNotice: PHOTO }, evidence: 'offerNotice' },
  '46': { values: { enlistmentNotice: PHOTO }, evidence: 'enlistmentNotice' },
  '50': { values: { projectName: '大学生志愿服务西部计划', offerNotice: PHOTO }, evidence: 'offerNotice' },
  '51': { values: { projectName: '江苏省苏北计划', offerNotice: PHOTO }, evidence: 'offerNotice' },
  '75': {
    values: { companyName: '南京拾光文化传媒有限公司', companyCreditCode: CREDIT, companyRole: '法定代表人', businessLicence: PHOTO },
    evidence: 'businessLicence',
  },
  '76': { values: { freelanceWork: '独立插画设计，主要客户为出版社', freelanceProof: PHOTO }, evidence: 'freelanceProof' },
  '80': {
    values: { furtherSchool: '南京大学', furtherMajor: '软件工程', furtherLevel: '1', admissionProof: PHOTO },
    evidence: 'admissionProof',
  },
  '85': { values: { abroadRegion: '新加坡', abroadInstitution: '新加坡国立大学', abroadOffer: PHOTO }, evidence: 'abroadOffer' },
  '70': { values: { notEmployedReason: '正在求职，已参加多场招聘会' }, evidence: null },
  '71': { values: { notEmployedReason: '准备明年考研' }, evidence: null },
  '72': { values: { notEmployedReason: '因病休养' }, evidence: null },
};
