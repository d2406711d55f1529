import { CHINA_OFFSET_MS } from '../../../../forms/engine/dates';

/** Times in Beijing time (UTC+8, no daylight saving), whatever the browser's zone: '2026-12-07 10:40'. */
export function formatBeijingTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** '7K3MQ9XA' → '7K3M-Q9XA', easier to read out and type. */
export function groupSigningCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
