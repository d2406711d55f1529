/**
 * The job, archive and household terms an employer fills in an invitation: valid for the shipped
 * agreement form, answer deadline five days ahead in Beijing. One set for the worker tests, the
 * browser tests and the bench; it runs in workerd and in Node alike, so it imports no Node API.
 */
import { addDays, beijingToday } from '../lib/dates';

export function jobTerms(overrides: Record<string, unknown> = {}) {
  return {
    employerAddress: '江苏省南京市鼓楼区汉中路 1 号',
    contactName: '赵经理',
    contactPhone: '13600001111',
    jobCategory: '13',
    jobTitle: '后端开发工程师',
    workRegion: '320106',
    monthlySalary: 12000,
    socialInsurance: '1',
    contractYears: 3,
    probationMonths: 3,
    penalty: 5000,
    deadline: addDays(beijingToday(), 5),
    archiveMode: 'unit',
    archiveUnitName: '南京云帆信息科技有限公司人事部',
    archiveAddress: '江苏省南京市鼓楼区汉中路 1 号',
    archivePostcode: '210005',
    householdMode: 'stay',
    ...overrides,
  };
}
