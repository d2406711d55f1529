/** 预览: the whole agreement read-only, exactly as the student will see it, before 发送邀约. */
import type { FormDefinition, Values } from '../../form-renderer/engine';
import { PreviewPanel } from './PreviewPanel';

interface Props {
  definition: FormDefinition;
  values: Values;
  busy: boolean;
  sendLabel: string | null;
  onBack: () => void;
  onSend: () => void;
}

export function InvitationPreview({ definition, values, busy, sendLabel, onBack, onSend }: Props) {
  return (
    <PreviewPanel
      id="preview-title"
      title="预览：学生收到邀约后看到的协议书"
      definition={definition}
      values={values}
      busy={busy}
      confirmLabel={sendLabel}
      onBack={onBack}
      onConfirm={onSend}
    >
      <p>以下为只读预览，学生应约时填写的部分此时为空。确认无误后发送邀约。</p>
    </PreviewPanel>
  );
}
