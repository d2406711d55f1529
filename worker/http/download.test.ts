/** A download's headers: a registrar saving 派遣方案.xlsx gets that name, an old client an ASCII one. */
import { describe, expect, it } from 'vitest';
import { attachment, downloadHeaders } from './download';

describe('download headers', () => {
  it('name the file in Chinese for browsers and in ASCII for old clients', () => {
    expect(downloadHeaders('xlsx', '派遣方案', 'dispatch')).toEqual({
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="dispatch.xlsx"; filename*=UTF-8''${encodeURIComponent('派遣方案.xlsx')}`,
    });
    expect(downloadHeaders('csv', '重置密码')).toEqual({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('重置密码.csv')}`,
    });
  });

  it('never lets a name break out of the header', () => {
    const header = attachment('协议书"; x=1.pdf', 'agreement"\r\n; x=1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(`attachment; filename="agreement___; x=1.pdf"; filename*=UTF-8''${encodeURIComponent('协议书"; x=1.pdf')}`);
  });
});
