/** /admin/forms — every form with its published version, draft status and records per version. */
import { listForms } from '../../api/forms';
import { Alert, Loading } from '../../components/Alert';
import { useTitle } from '../../hooks';
import { Link } from '../../router';
import './admin.css';
import { RejectReasonsAdmin } from './RejectReasonsAdmin';
import { formatBeijingDateTime } from '../../lib/beijing-time';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';

export default function FormsAdminPage() {
  const { data, error } = useQuery({ queryKey: queryKeys.forms(), queryFn: () => listForms() });
  useTitle('表单管理');
  return (
    <main id="main" className="page">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">首页</Link> / <span>表单管理</span>
      </nav>
      <h1 className="page-title">表单管理</h1>
      <p className="muted">修改表单不需要重新部署：保存草稿、预览、检查影响后发布为新版本。已有记录始终按创建时的版本显示和校验。</p>
      {error && <Alert>{error.message}</Alert>}
      {!data && !error && <Loading />}
      {data && (
        <div className="wide-scroll">
          <table className="forms-table">
            <thead>
              <tr>
                <th scope="col">表单</th>
                <th scope="col">已发布版本</th>
                <th scope="col">草稿</th>
                <th scope="col">各版本记录数</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {data.map((f) => (
                <tr key={f.key} data-form={f.key}>
                  <th scope="row">{f.title}</th>
                  <td>v{f.latestVersion}</td>
                  <td>
                    {f.draft
                      ? `有草稿（${f.draft.baseVersion ? `基于 v${f.draft.baseVersion}，` : ''}${formatBeijingDateTime(f.draft.updatedAt)}，${f.draft.updatedBy}）`
                      : '无'}
                    {f.draft?.baseVersion && f.draft.baseVersion !== f.latestVersion && (
                      <div className="field-error">其间已发布 v{f.latestVersion}，草稿需先更新</div>
                    )}
                  </td>
                  <td>{f.versions.map((v) => `v${v.version}：${v.records} 条`).join('；')}</td>
                  <td className="nowrap">
                    <Link href={`/admin/forms/${f.key}`} className="btn btn-small btn-primary" aria-label={`编辑${f.title}`}>
                      编辑
                    </Link>{' '}
                    <Link href={`/forms/${f.key}`} className="btn btn-small">
                      查看
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RejectReasonsAdmin />
    </main>
  );
}
