import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { loadDraft, saveDraft } from './drafts';
import type { FormDefinition, Values } from './engine';
import { FormRenderer } from './FormRenderer';

/** A small 就业信息 form: the student fills it in at the workflow step 'fill'. */
function definition(): FormDefinition {
  return {
    key: 'jobInfo',
    title: '就业信息',
    schemaVersion: 1,
    workflow: [{ key: 'fill', label: '学生填写' }],
    access: { fill: { edit: ['student'], read: ['college'] } },
    codeTables: [
      {
        key: 'yesNo',
        label: '是否',
        items: [
          { code: '1', label: '是' },
          { code: '0', label: '否' },
        ],
      },
    ],
    steps: [
      {
        key: 'main',
        label: '基本信息',
        sections: [
          {
            key: 'person',
            label: '个人',
            rows: [
              [
                { key: 'name', type: 'text', label: '姓名', required: true },
                { key: 'email', type: 'email', label: '电子邮箱' },
              ],
              [
                { key: 'hasProbation', type: 'radio', label: '有无试用期', codeTable: 'yesNo' },
                {
                  key: 'probationMonths',
                  type: 'number',
                  label: '试用期（月）',
                  min: 1,
                  max: 6,
                  visibleWhen: { '==': [{ var: 'hasProbation' }, '1'] },
                },
              ],
              [
                {
                  key: 'contacts',
                  type: 'group',
                  label: '单位联系人',
                  maxItems: 3,
                  fields: [{ key: 'contactName', type: 'text', label: '联系人' }],
                },
              ],
            ],
          },
        ],
      },
    ],
  };
}

function fill(props: { values?: Values; onSubmit?: (v: Values) => void; onChange?: (v: Values) => void } = {}) {
  const onSubmit = props.onSubmit ?? vi.fn();
  return render(
    <FormRenderer
      definition={definition()}
      values={props.values ?? {}}
      role="student"
      step="fill"
      mode="edit"
      onSubmit={onSubmit}
      onChange={props.onChange}
    />,
  );
}

describe('a student fills in a form', () => {
  it('leaves the required 姓名 empty: the form refuses, says why in Chinese and the summary links to the field', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    fill({ onSubmit });

    await user.click(screen.getByRole('button', { name: '提交' }));

    expect(onSubmit).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert');
    expect(summary).toHaveProperty('textContent', expect.stringContaining('表单有 1 处需要修改'));
    const name = screen.getByLabelText(/姓名/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(name.getAttribute('aria-describedby')!.split(' ').pop()!)!;
    expect(message.textContent).toBe('请填写姓名');

    const link = within(summary).getByRole('link');
    expect(link.getAttribute('href')).toBe(`#${name.id}`);
    name.blur();
    await user.click(link);
    expect(document.activeElement).toBe(name);
  });

  it('fills 姓名 in and submits: the values go out, no summary', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    fill({ onSubmit });

    await user.type(screen.getByLabelText(/姓名/), '张三');
    await user.click(screen.getByRole('button', { name: '提交' }));

    expect(screen.queryByRole('alert')).toBeNull();
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ name: '张三' }));
  });

  it('picks 有 试用期: the 试用期（月）field appears only then', async () => {
    const user = userEvent.setup();
    fill();
    expect(screen.queryByLabelText(/试用期（月）/)).toBeNull();

    await user.click(screen.getByRole('radio', { name: '是' }));
    expect(screen.getByLabelText(/试用期（月）/)).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: '否' }));
    expect(screen.queryByLabelText(/试用期（月）/)).toBeNull();
  });

  it('adds two contacts and removes the first: the second stays', async () => {
    const user = userEvent.setup();
    const changes: Values[] = [];
    fill({ onChange: (v) => changes.push(v) });
    const group = screen.getByRole('group', { name: /单位联系人/ });

    await user.click(within(group).getByRole('button', { name: '添加' }));
    await user.click(within(group).getByRole('button', { name: '添加' }));
    const [first, second] = within(group).getAllByLabelText('联系人');
    await user.type(first!, '李老师');
    await user.type(second!, '王老师');
    await user.click(within(group).getByRole('button', { name: '删除第 1 行' }));

    expect(
      within(group)
        .getAllByLabelText('联系人')
        .map((i) => (i as HTMLInputElement).value),
    ).toEqual(['王老师']);
    expect(changes.at(-1)?.contacts).toEqual([{ contactName: '王老师' }]);
  });

  it('types, leaves and comes back: the draft kept in the browser fills the form again', async () => {
    const user = userEvent.setup();
    const scope = 'agreements:a1';
    const first = fill({ onChange: (v) => saveDraft(scope, 3, v) });
    await user.type(screen.getByLabelText(/姓名/), '张三');
    first.unmount();

    const draft = loadDraft(scope, 3);
    expect(draft).toMatchObject({ name: '张三' });
    fill({ values: draft! });
    expect(screen.getByLabelText<HTMLInputElement>(/姓名/).value).toBe('张三');
  });
});

describe('a reviewer reads a form', () => {
  it('shows the values as text, with no inputs and no submit', () => {
    render(
      <FormRenderer
        definition={definition()}
        values={{ name: '张三', hasProbation: '1', probationMonths: 3, contacts: [{ contactName: '李老师' }] }}
        role="college"
        step={null}
        mode="preview"
      />,
    );
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: '提交' })).toBeNull();
    const page = screen.getByRole('region', { name: '基本信息' });
    for (const text of ['张三', '是', '3', '李老师']) expect(page.textContent).toContain(text);
  });
});
