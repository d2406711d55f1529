/**
 * /help — 常见问题, public (signed in or not). Built from the FAQ data (`help/faq.ts`); every
 * question has its anchor, and a link to /help#<id> scrolls to it, marks it and moves focus there.
 */
import { useEffect, useState } from 'react';
import { FAQ } from '../help/faq';
import { Link, useLocation } from '../router';
import { useSession } from '../auth/session';

function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash.slice(1));
  const { href } = useLocation();
  useEffect(() => {
    const read = () => setHash(window.location.hash.slice(1));
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, [href]);
  return hash;
}

export default function HelpPage() {
  const { user } = useSession();
  const hash = useHash();

  useEffect(() => {
    document.title = '常见问题 · 网签';
  }, []);

  useEffect(() => {
    if (!hash) return;
    const el = document.getElementById(hash);
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    // after the app's own focus on the page heading (in-app navigation), land on the question
    const t = window.setTimeout(() => el.focus({ preventScroll: true }), 80);
    return () => window.clearTimeout(t);
  }, [hash]);

  return (
    <main id="main" className="page page-help">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">{user ? '首页' : '登录'}</Link> / <span>常见问题</span>
      </nav>
      <h1 className="page-title">常见问题</h1>
      <nav className="card help-toc" aria-label="问题目录">
        {FAQ.map((g) => (
          <div key={g.id}>
            <h2 className="help-toc-title">{g.title}</h2>
            <ul>
              {g.entries.map((e) => (
                <li key={e.id}>
                  <a href={`#${e.id}`}>{e.question}</a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      {FAQ.map((g) => (
        <section key={g.id} className="help-group" aria-labelledby={`g-${g.id}`}>
          <h2 id={`g-${g.id}`}>{g.title}</h2>
          {g.entries.map((e) => (
            <article
              key={e.id}
              id={e.id}
              tabIndex={-1}
              className={`card help-entry${e.id === hash ? ' is-current' : ''}`}
              aria-labelledby={`q-${e.id}`}
            >
              <h3 id={`q-${e.id}`}>
                <a className="help-anchor" href={`#${e.id}`} aria-label={`链接到：${e.question}`}>
                  #
                </a>
                {e.question}
              </h3>
              {typeof e.answer === 'string' ? (
                <p>{e.answer}</p>
              ) : (
                <ol>
                  {e.answer.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ol>
              )}
            </article>
          ))}
        </section>
      ))}
    </main>
  );
}
