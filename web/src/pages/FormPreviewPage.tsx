/** /forms/:key — read-only preview of a published form definition (admin); editing lives at /admin/forms/:key. */
import { loadLatestForm, loadFormVersion } from '../api/forms';
import { Alert, Loading } from '../components/Alert';
import { useUser } from '../auth/session';
import { can } from '../auth/abilities';
import { FormRenderer } from '../form-renderer/FormRenderer';
import { useTitle } from '../hooks';
import { Link, useLocation } from '../router';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';

export default function FormPreviewPage({ formKey }: { formKey: string }) {
  const user = useUser();
  const { query } = useLocation();
  const v = Number(query.get('version'));
  const version = Number.isInteger(v) && v > 0 ? v : undefined;
  const { data, error } = useQuery({
    queryKey: queryKeys.form(formKey, version),
    queryFn: () => (version ? loadFormVersion(formKey, version) : loadLatestForm(formKey)),
  });
  useTitle(data ? `表单预览：${data.definition.title}` : '表单预览');
  return (
    <main id="main" className="page">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">首页</Link> / <span>表单预览</span>
      </nav>
      {error && <Alert>{error.message}</Alert>}
      {!data && !error && <Loading />}
      {data && (
        <>
          <h1 className="page-title">{data.definition.title}</h1>
          <p className="muted">
            {data.key} · 已发布版本 v{data.version}
            {data.version > 1 && (
              <>
                {' · '}
                {Array.from({ length: data.version }, (_, i) => i + 1).map((n) => (
                  <Link key={n} href={`/forms/${formKey}?version=${n}`} className="version-link">
                    v{n}
                  </Link>
                ))}
              </>
            )}
          </p>
          {can(user, 'manage_forms') && (
            <p className="page-actions">
              <Link href={`/admin/forms/${formKey}`} className="btn btn-primary">
                编辑此表单
              </Link>
            </p>
          )}
          {data.definition.description && <p>{data.definition.description}</p>}
          <FormRenderer definition={data.definition} values={{}} role={user.role} step={null} mode="preview" showAll />
        </>
      )}
    </main>
  );
}
