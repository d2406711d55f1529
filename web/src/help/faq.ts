/**
 * 常见问题, as data: taken from the user guide (《网签平台使用指南》, 「八、常见问题」 and the
 * signing and printing steps of 「一、就业指南」). The page /help renders it; screens link to a
 * question by its `id`, which is the anchor (/help#student-not-found). Add a question here, never
 * in a component.
 */

export interface FaqEntry {
  /** the anchor: stable, ASCII, what screens link to */
  id: FaqId;
  question: string;
  /** one paragraph, or numbered points */
  answer: string | string[];
}

export interface FaqGroup {
  id: string;
  title: string;
  entries: FaqEntry[];
}

export type FaqId =
  | 'online-flow'
  | 'online-termination'
  | 'online-correction'
  | 'student-not-found'
  | 'invitation-declined-or-expired'
  | 'offline-flow'
  | 'offline-termination'
  | 'offline-correction'
  | 'print-agreement';

/** How the agreement is printed and stamped (guide, 「2 网上签约」); the PDF download shows it too. */
export const PRINT_STEPS: readonly string[] = [
  '协议书生成后，单位和学生均可下载电子协议书（PDF）。',
  '用 A4 纸单面打印，一式四份。',
  '先由用人单位盖章、学生签字，再到学院、学校盖章。',
];

export const FAQ: readonly FaqGroup[] = [
  {
    id: 'online',
    title: '线上签约',
    entries: [
      { id: 'online-flow', question: '线上签约的流程是怎样的？', answer: '单位发起邀约 → 学生应约（生成协议书）→ 学院审核 → 学校审核。' },
      {
        id: 'online-termination',
        question: '线上签约的解约流程是怎样的？',
        answer: '单位或学生申请解约 → 另一方同意解约 → 学院审核 → 学校审核。解约完成后，学生恢复网签资格。',
      },
      {
        id: 'online-correction',
        question: '线上签约，发现邀约或协议书信息有误，如何修改？',
        answer: [
          '单位发起签约、学生未应约的情况下，单位在签约数据管理「待应约」中修改邀约信息，学生同意修改后的邀约即可。',
          '单位发起签约、学生已经应约的情况下，单位在签约数据管理「已应约」中修改邀约信息，学生同意修改后的邀约即可。',
          '若学校已审核协议书信息，可先办理解约，再重新签约。',
        ],
      },
      {
        id: 'student-not-found',
        question: '单位给意向学生发送邀约，搜不到意向学生是什么原因？',
        answer: [
          '学生的生源信息是否已经是「省级通过」状态：生源信息省级通过后，学生才能开始网上签约。',
          '单位搜索内容是否正确：学生所在学校、毕业届，以及姓名加手机号，或身份证号。',
        ],
      },
      {
        id: 'invitation-declined-or-expired',
        question: '单位发起邀约后，学生拒绝了该邀约或邀约已逾期，是否能重新发送邀约？',
        answer: '可以。邀约被拒绝，或邀约超过应约截止日逾期，单位均可再次向该学生发起签约邀约。',
      },
    ],
  },
  {
    id: 'offline',
    title: '线下签约',
    entries: [
      {
        id: 'offline-flow',
        question: '线下签约的流程是怎样的？',
        answer:
          '学生录入协议书 → 预览确认（生成协议书）→ 学院审核 → 学校审核。预览时看到的就是协议书打印出来的样子和它将获得的编号，确认无误后再提交。',
      },
      {
        id: 'offline-termination',
        question: '线下签约的解约流程是怎样的？',
        answer: '学生提出解约申请（上传解约函）→ 学院审核 → 学校审核。解约完成后，学生恢复网签资格。',
      },
      {
        id: 'offline-correction',
        question: '线下签约，发现协议书信息有误，如何修改？',
        answer: [
          '线下签约录入的协议书信息，学院、学校未审核的情况下可以直接修改。',
          '学院或学校审核通过以后，学生需要先申请解约，解约审核通过以后重新录入正确的协议书，再提交审核。',
        ],
      },
    ],
  },
  {
    id: 'agreement',
    title: '协议书',
    entries: [{ id: 'print-agreement', question: '协议书怎么打印、按什么顺序盖章？', answer: [...PRINT_STEPS] }],
  },
];

export function faqEntry(id: FaqId): FaqEntry {
  const entry = FAQ.flatMap((g) => g.entries).find((e) => e.id === id);
  if (!entry) throw new Error(`No FAQ entry ${id}`);
  return entry;
}

export const helpHref = (id: FaqId) => `/help#${id}`;
