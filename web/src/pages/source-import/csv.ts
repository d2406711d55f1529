/**
 * Saves a CSV built by the shared writer (`forms/engine/csv.ts`: BOM, RFC 4180 quoting, formula
 * cells neutralised) via a Blob URL.
 */
export { toCsv } from '../../../../forms/engine/csv';
import { beijingFileStamp } from '../../lib/beijing-time';

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

/** 20270601-0930 (Beijing time), for file names */
export function stamp(d = new Date()): string {
  return beijingFileStamp(d);
}
