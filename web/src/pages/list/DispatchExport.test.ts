import { describe, expect, it } from 'vitest';
import { canExportDispatches, dispatchExportHref } from './DispatchExport';

describe('the dispatch queue’s export buttons', () => {
  it('carry the filters the queue shows, and only those set', () => {
    expect(dispatchExportHref('xlsx', { state: 'center_review', cohort: '2027', q: '星河 精密', school: '', college: 'col-1' })).toBe(
      '/api/dispatches/export?format=xlsx&state=center_review&cohort=2027&q=%E6%98%9F%E6%B2%B3+%E7%B2%BE%E5%AF%86&college=col-1',
    );
    expect(dispatchExportHref('csv', { state: '', cohort: '', q: '', school: '', college: '' })).toBe('/api/dispatches/export?format=csv');
  });

  it('are offered on the dispatch queue only, to an account the session says may export', () => {
    expect(canExportDispatches('dispatches', { abilities: ['export_dispatches'] })).toBe(true);
    expect(canExportDispatches('dispatches', { abilities: ['export_destinations', 'reset_student_password'] })).toBe(false);
    expect(canExportDispatches('agreements', { abilities: ['export_dispatches'] })).toBe(false);
  });
});
