import { describe, expect, it } from 'vitest';
import source from '../../source.json';
import type { FormDefinition } from '../types';
import { validate } from '../validate';

const def = source as unknown as FormDefinition;
const typed = {
  name: '张宇航',
  gender: '男',
  idNumber: '32050820050412295x',
  birthDate: '2005/4/12',
  ethnicity: '汉',
  politicalStatus: '团员',
  studentNo: '２０２３００７００２',
  college: '计算机科学与技术学院',
  major: '软件工程',
  education: '大学本科',
  trainingMode: '非定向',
  lengthOfSchooling: '４',
  cohort: '2027',
  enrollmentDate: '2023年9月1日',
  graduationDate: '20270630',
  originRegion: '江苏 苏州 姑苏区 ',
  mobile: '+86 138-2263-3920',
  email: 'stu702@example.edu.cn',
};

describe('validate() reads values as people type them (the import and the forms share this)', () => {
  it('labels, aliases, region names, loose dates, full-width digits and a small x become the stored codes and forms', () => {
    const result = validate(def, typed, { role: 'school', step: 'import', today: '2026-12-01' });
    expect(result.errors).toEqual([]);
    expect(result.values).toMatchObject({
      gender: '1',
      idNumber: '32050820050412295X',
      birthDate: '2005-04-12',
      ethnicity: '01',
      politicalStatus: '03',
      studentNo: '2023007002',
      education: '31',
      trainingMode: '1',
      lengthOfSchooling: 4,
      enrollmentDate: '2023-09-01',
      graduationDate: '2027-06-30',
      originRegion: '320508',
      mobile: '13822633920',
    });
  });

  it('a name several districts share is refused with the candidates', () => {
    const result = validate(def, { ...typed, originRegion: '鼓楼区' }, { role: 'school', step: 'import', today: '2026-12-01' });
    const error = result.errors.find((e) => e.path === 'originRegion');
    expect(error?.code).toBe('region');
    expect(error?.message).toContain('江苏省南京市鼓楼区');
    expect(error?.message).toContain('福建省福州市鼓楼区');
  });

  it('a label that is not in the table is still refused', () => {
    const result = validate(def, { ...typed, gender: '未知' }, { role: 'school', step: 'import', today: '2026-12-01' });
    expect(result.errors.map((e) => e.path)).toEqual(['gender']);
  });
});
