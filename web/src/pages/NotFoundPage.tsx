import { useTitle } from '../hooks';
import { Link } from '../router';

export function NotFoundPage() {
  useTitle('页面不存在');
  return (
    <main id="main" className="page">
      <h1 className="page-title">页面不存在</h1>
      <p>
        <Link href="/">返回首页</Link>
      </p>
    </main>
  );
}
