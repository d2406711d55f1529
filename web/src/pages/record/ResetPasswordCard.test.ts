import { describe, expect, it } from 'vitest';
import { resetTarget } from './ResetPasswordCard';

const source = { kind: 'source-records', studentId: 'stu-1', employerId: null };
const registration = { kind: 'employer-registrations', studentId: null, employerId: 'emp-1' };

describe('重置密码 on a record page follows the session’s abilities', () => {
  it('a student’s reset is offered to an account that may reset students, on the source record', () => {
    expect(resetTarget({ abilities: ['reset_student_password'] }, source)).toEqual({
      path: '/api/students/stu-1/reset-password',
      whom: '该学生',
    });
    expect(resetTarget({ abilities: ['reset_student_password'] }, registration)).toBeNull();
  });

  it('an employer’s reset is offered to an account that may reset employers, on its registration', () => {
    expect(resetTarget({ abilities: ['reset_employer_password'] }, registration)).toEqual({
      path: '/api/employers/emp-1/reset-password',
      whom: '该单位',
    });
    expect(resetTarget({ abilities: ['reset_employer_password'] }, source)).toBeNull();
  });

  it('an account the session lists neither ability for gets no card', () => {
    expect(resetTarget({ abilities: ['export_dispatches', 'filter_by_college'] }, source)).toBeNull();
    expect(resetTarget({ abilities: [] }, registration)).toBeNull();
  });
});
