/**
 * What the agreement PDF says, independent of how it is drawn: the header facts, every section of
 * the agreement form with labels and printable values, and the signature boxes. Built once per
 * request and drawn four times (one per copy).
 */
import { evaluateForm, fieldEntries } from '../../../forms/engine';
import type { FormDefinition, SectionDef } from '../../../forms/engine/types';
import { formatValue } from './format-value';

export const COPY_LABELS = ['学校存档联', '学生留存联', '用人单位留存联', '档案转递联'] as const;

export interface FieldCell {
  label: string;
  value: string;
  /** takes the full width of the page (long free text) */
  wide: boolean;
}

export interface ContentSection {
  title: string;
  cells: FieldCell[];
}

export interface SignatureBox {
  title: string;
  /** what the party writes or stamps there, printed small under the title */
  hint: string;
}

export interface AgreementContent {
  title: string;
  number: string;
  stateLabel: string;
  modeLabel: string;
  verifyCode: string;
  verifyUrl: string;
  /** printed small beside the QR code: what the code and the PDF's digital signature are for */
  verifyNote: string;
  intro: string;
  sections: ContentSection[];
  signatures: SignatureBox[];
}

export const SIGNATURE_BOXES: SignatureBox[] = [
  { title: '学生签字', hint: '本人已阅读并同意本协议书全部内容。' },
  { title: '用人单位盖章', hint: '经办人签字并加盖单位公章或人事章。' },
  { title: '学院意见/盖章', hint: '院（系）就业工作负责人签字并盖章。' },
  { title: '学校就业部门盖章', hint: '学校毕业生就业工作部门盖章。' },
];

export interface ContentInput {
  definition: FormDefinition;
  data: Record<string, unknown>;
  /** whether this viewer may read a field (the same rule as the record view's `readableData`) */
  canRead: (fieldKey: string) => boolean;
  number: string | null;
  stateLabel: string;
  mode: string | null;
  verifyCode: string | null;
  /** origin of the request, e.g. https://wangqian.example.cn */
  origin: string;
  /** whether the PDF will carry the platform's digital signature (docs/security.md) */
  signed: boolean;
}

const WIDE_TYPES = new Set(['textarea', 'group']);

export function agreementContent(input: ContentInput): AgreementContent {
  const { definition, data } = input;
  const hidden = new Set(evaluateForm(definition, data).hidden);
  const bySection = new Map<SectionDef, ContentSection>();
  for (const { field, section } of fieldEntries(definition)) {
    // Fields hidden by the form's own rules (户口迁转地址 when not moving) do not belong on paper;
    // fields the viewer may not read never leave the server. An empty readable field is printed as
    // a blank, as on the paper form (学校意见 is filled in by hand or at review).
    if (hidden.has(field.key) || !input.canRead(field.key)) continue;
    let target = bySection.get(section);
    if (!target) {
      target = { title: section.label, cells: [] };
      bySection.set(section, target);
    }
    target.cells.push({ label: field.label, value: formatValue(definition, field, data[field.key]), wide: WIDE_TYPES.has(field.type) });
  }
  const sections = [...bySection.values()];
  const code = input.verifyCode ?? '';
  return {
    title: definition.title || '全国普通高等学校毕业生就业协议书',
    number: input.number ?? '',
    stateLabel: input.stateLabel,
    modeLabel: input.mode === 'offline' ? '线下签约' : '线上签约',
    verifyCode: code,
    verifyUrl: code ? `${input.origin}/verify/${code}` : '',
    verifyNote: input.signed
      ? '用手机扫描二维码，或在浏览器打开查验网址，可核对本协议书的真伪与当前状态。本协议书的 PDF 文件带有网签平台的数字签名，在 PDF 阅读器的签名面板中可核验文件出自本平台、签发后未被改动。'
      : '用手机扫描二维码，或在浏览器打开查验网址，可核对本协议书的真伪与当前状态。',
    intro:
      '本协议书由毕业生、用人单位、学校三方签订，经三方签字盖章后生效。一式四联：学校存档联、学生留存联、用人单位留存联、档案转递联，各联内容相同。' +
      (code ? '任何人可凭页脚的验证码在查验网址核对本协议书的真伪与状态。' : ''),
    sections,
    signatures: SIGNATURE_BOXES,
  };
}
