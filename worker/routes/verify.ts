/**
 * GET /verify/:code — the public page a verification code printed on the agreement PDF leads to
 * (no login: archive offices, police stations and employers check paper copies with it). It shows
 * whether the agreement is valid and just enough to match it to the paper: number, state, employer,
 * school, approval date and the student's masked name. Plain HTML, no script.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { openDb } from '../db/client';
import { agreementByVerifyCode, type VerifiedAgreement } from '../db/verify';
import { maskName } from '../domain/agreement-pdf/mask-name';
import { verifyStatus } from '../domain/agreement-pdf/verify-status';
import { beijingToday } from '../lib/dates';
import { labelsFor } from '../lifecycle/labels';
import { lifecycleOf } from '../lifecycle/registry';

/** 64 random bits as upper-case hex, as `numberAgreement` makes them. */
const CODE = /^[0-9A-F]{16}$/;

const HTML_ESCAPES: Partial<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);

const STYLE = `
body{margin:0;background:#f4f5f7;color:#1f2329;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:560px;margin:40px auto;padding:28px 32px;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
h1{margin:0 0 16px;font-size:22px}
.verdict{display:inline-block;margin:0 0 8px;padding:4px 14px;border-radius:4px;font-size:20px;font-weight:600}
.valid{background:#e8f5e9;color:#1b5e20}.pending{background:#fff8e1;color:#8a5a00}.invalid{background:#fdecea;color:#b71c1c}
dl{display:grid;grid-template-columns:8em 1fr;gap:8px 12px;margin:20px 0}dt{color:#646a73}dd{margin:0;word-break:break-all}
.note{color:#646a73;font-size:14px}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · 网签</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

function resultPage(code: string, a: VerifiedAgreement, stateLabel: string): string {
  const status = verifyStatus(a.state);
  const rows: Array<[string, string]> = [
    ['协议书编号', a.number ?? '—'],
    ['当前状态', stateLabel],
    ['毕业生', maskName(a.studentName) || '—'],
    ['毕业学校', a.schoolName ?? '—'],
    ['用人单位', a.employerName ?? '—'],
  ];
  if (a.approvedAt) rows.push(['学校审核通过日期', beijingToday(Date.parse(a.approvedAt))]);
  return page(
    '协议书查验',
    `<h1>就业协议书查验</h1>
<p class="verdict ${status.verdict}">${escapeHtml(status.title)}</p>
<p>${escapeHtml(status.explanation)}</p>
<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<p class="note">验证码 ${escapeHtml(code)}。查验结果以本平台实时记录为准；如与纸质协议书不符，请以本页为准并联系学校就业部门。</p>`,
  );
}

const notFoundPage = page(
  '未找到协议书',
  `<h1>未找到协议书</h1>
<p class="verdict invalid">验证码无效</p>
<p>没有与该验证码对应的就业协议书。请核对协议书页脚印有的 16 位验证码（数字 0–9 与字母 A–F）。</p>`,
);

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  // no script at all; the one <style> block is inline (the app-wide header, when stricter, wins)
  'Content-Security-Policy': "default-src 'self'; style-src 'self' 'unsafe-inline'",
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex',
};

export const verifyRoutes = new Hono<AppEnv>()
  .get('/verify/:code', async (c) => {
    const code = c.req.param('code').trim().toUpperCase();
    if (!CODE.test(code)) return c.body(notFoundPage, 404, HEADERS);
    const agreement = await agreementByVerifyCode(openDb(c.env.DB), code);
    if (!agreement) return c.body(notFoundPage, 404, HEADERS);
    const labels = labelsFor(c.env, lifecycleOf('agreements'));
    return c.body(resultPage(code, agreement, labels[agreement.state] ?? agreement.state), 200, HEADERS);
  })
  .get('/verify', (c) => c.body(notFoundPage, 404, HEADERS))
  .get('/verify/*', (c) => c.body(notFoundPage, 404, HEADERS));
