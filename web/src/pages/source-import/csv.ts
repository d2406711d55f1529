/** Builds a UTF-8 CSV with BOM (so Excel opens Chinese text correctly) and saves it via a Blob URL. */

/** Cells that start a formula in spreadsheet apps are prefixed so they stay text. */
function cell(value: string, { keepDigits = false } = {}): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  // a tab keeps long digit strings (ID numbers) from being shown in scientific notation by Excel
  if (keepDigits && /^\d{12,}[\dXx]?$/.test(v)) v = `\t${v}`;
  return `"${v.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: Array<Array<string | number>>, digitColumns: number[] = []): string {
  const lines = [header.map((h) => cell(h)).join(',')];
  for (const row of rows) lines.push(row.map((v, i) => cell(String(v), { keepDigits: digitColumns.includes(i) })).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 2027-06-01-0930, for file names */
export function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}
