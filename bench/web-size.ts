/**
 * Web first-load JS: every script index.html loads or preloads (the entry and its static
 * imports; lazily loaded pages are not part of the first load), gzip-compressed as a server would send it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function firstLoadScripts(html: string): string[] {
  const out = new Set<string>();
  for (const [, src = ''] of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) out.add(src);
  for (const [, href = ''] of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) out.add(href);
  return [...out];
}

export function firstLoadJsGzip(distDir: string): { bytes: number; files: Array<{ file: string; raw: number; gzip: number }> } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = firstLoadScripts(html).map((src) => {
    const raw = readFileSync(join(distDir, src.replace(/^\//, '')));
    return { file: src, raw: raw.length, gzip: gzipSync(raw, { level: 6 }).length };
  });
  return { bytes: files.reduce((s, f) => s + f.gzip, 0), files };
}
