/**
 * A destination's 变更截止, said plainly to the student on the record and where they register
 * (docs/architecture.md, 毕业去向登记): until that Beijing date, the day itself included, they may
 * change a registered destination; after it only the school can reopen one. The date is the
 * server's (the cohort's setting), sent with the record as `changeDeadline`.
 */
import { Alert } from '../../components/Alert';

export function ChangeDeadlineNote({ deadline }: { deadline: string | null | undefined }) {
  if (!deadline) return null;
  return (
    <Alert tone="info">
      <span className="change-deadline">
        变更截止：<strong>{deadline}</strong>（北京时间，当天仍可变更）
      </span>
      。截止后如需变更，只能由学校就业部门重新开放登记。
    </Alert>
  );
}
