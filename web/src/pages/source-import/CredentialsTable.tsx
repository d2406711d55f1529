/** The one-time initial passwords of newly created students: kept in memory only, downloadable as CSV. */
import type { ImportCredential } from '../../api/sourceImport';
import { downloadCsv, stamp, toCsv } from './csv';

interface Props {
  credentials: ImportCredential[];
  downloaded: boolean;
  onDownloaded: () => void;
}

export function credentialsCsv(credentials: ImportCredential[]): string {
  return toCsv(
    ['用户名（身份证号）', '姓名', '初始密码'],
    credentials.map((c) => [c.username, c.name, c.password]),
    [0],
  );
}

export function CredentialsTable({ credentials, downloaded, onDownloaded }: Props) {
  const download = () => {
    downloadCsv(`初始密码-${stamp()}.csv`, credentialsCsv(credentials));
    onDownloaded();
  };
  return (
    <section className="card" aria-labelledby="cred-title">
      <h2 id="cred-title">新学生账号的初始密码（{credentials.length} 个）</h2>
      <div className="alert alert-error" role="alert">
        <p>
          <strong>初始密码只显示这一次。</strong>
          离开或刷新本页后将无法再次查看，请立即下载并妥善保管，通过安全渠道分发给学生。学生首次登录后须修改密码。
        </p>
      </div>
      <p className="page-actions">
        <button type="button" className="btn btn-primary" onClick={download}>
          下载初始密码（CSV）
        </button>
        {downloaded && (
          <span className="muted" role="status">
            已生成下载文件
          </span>
        )}
      </p>
      <div className="table-wrap table-scroll">
        <table className="group-table">
          <caption className="sr-only">初始密码</caption>
          <thead>
            <tr>
              <th scope="col">用户名（身份证号）</th>
              <th scope="col">姓名</th>
              <th scope="col">初始密码</th>
            </tr>
          </thead>
          <tbody>
            {credentials.map((c) => (
              <tr key={c.username}>
                <td className="mono">{c.username}</td>
                <td>{c.name}</td>
                <td className="mono">{c.password}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
