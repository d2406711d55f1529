/** What the import accepts and what a re-import does. */
import { IMPORT_TEMPLATE_URL } from '../../api/sourceImport';

export function ImportHelp() {
  return (
    <section className="card" aria-labelledby="help-title">
      <h2 id="help-title">文件要求</h2>
      <p>
        <a className="btn btn-primary" href={`${IMPORT_TEMPLATE_URL}?format=xlsx`} download>
          下载 Excel 模板
        </a>{' '}
        <a className="btn" href={`${IMPORT_TEMPLATE_URL}?format=csv`} download>
          下载 CSV 模板
        </a>
      </p>
      <p className="muted">Excel 模板带有下拉选项、「可选值」和「填写说明」两张表，照着填最省事；第 2 行是示例，导入时会自动跳过。</p>
      <ul className="help-list">
        <li>
          支持 <strong>CSV</strong>（UTF-8 或 GBK 编码）和 <strong>Excel（.xlsx）</strong> 文件，单个文件不超过 20 MB。
        </li>
        <li>
          第一行为表头：可以使用字段名（如 <code>idNumber</code>）或中文名称（如「身份证号」）。必须包含 身份证号、姓名、学院、毕业届 四列。
        </li>
        <li>
          可以直接填写文字：性别填「男/女」，民族、政治面貌、学历、培养方式填名称（如「汉族」「团员」「本科」「非定向」）或代码；生源所在地填省市区县名称（如「江苏省南京市玄武区」「南京市玄武区」）；日期可写
          2005-03-14、2005/3/14、2005年3月14日 等。
        </li>
        <li>空行会被跳过；结果中的行号与表格中的行号一致。</li>
        <li>按身份证号识别学生：新学生会创建生源记录和登录账号（用户名为身份证号）并生成初始密码。</li>
        <li>
          重新导入时，仍处于「学校导入」或「已退回」状态的记录会被更新；学生已提交或已审核的记录<strong>不会被覆盖</strong>。
        </li>
        <li>
          有问题的行会被跳过并在结果中列出（行号、姓名、身份证号、列、填写的值和可填写的内容），其余行照常导入；可下载问题清单，改好后直接重新导入。
        </li>
      </ul>
    </section>
  );
}
