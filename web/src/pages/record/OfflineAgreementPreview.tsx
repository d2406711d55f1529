/**
 * 预览确认 (线下签约): the agreement exactly as it will be stored, numbered and printed, before it
 * goes to the college. The student goes back to change it, or confirms and submits.
 */
import type { OfflineAgreementPreview as Preview } from '../../api/agreement-preview';
import type { FormDefinition } from '../../form-renderer/engine';
import { PRINT_STEPS } from '../../help/faq';
import { PreviewPanel } from './PreviewPanel';

interface Props {
  definition: FormDefinition;
  preview: Preview;
  busy: boolean;
  onBack: () => void;
  onConfirm: () => void;
}

export function OfflineAgreementPreview({ definition, preview, busy, onBack, onConfirm }: Props) {
  const frameHead = (
    <p className="preview-doc-head">
      <span>就业协议书</span>
      <span className="mono">编号：{preview.number}</span>
    </p>
  );
  return (
    <PreviewPanel
      id="offline-preview-title"
      className="offline-preview"
      title="预览确认：协议书将按以下内容生成"
      frameHead={frameHead}
      definition={definition}
      values={preview.data}
      busy={busy}
      lockBack
      confirmLabel={busy ? '正在提交…' : '确认无误，提交学院审核'}
      onBack={onBack}
      onConfirm={onConfirm}
    >
      <p className="offline-preview-number">
        协议书编号{' '}
        <strong className="mono" data-testid="preview-number">
          {preview.number}
        </strong>
      </p>
      <p>请逐项核对。确认提交后即生成协议书并送学院审核，可下载 PDF：{PRINT_STEPS.slice(1).join('')}</p>
    </PreviewPanel>
  );
}
