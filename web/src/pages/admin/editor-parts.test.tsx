import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FormDefinition } from './editor-engine';
import { EditorErrors, KeyedSelect, removeFromOptionalList, SectionHead, TextSettings } from './editor-parts';
import { applyEdit, nth, type Edit } from './structure-edits';

const definition = (): FormDefinition => ({
  key: 'agreement',
  title: '就业协议书',
  schemaVersion: 1,
  workflow: [{ key: 'fill', label: '填写' }],
  steps: [{ key: 'page1', label: '基本信息', labelEn: 'Basics', sections: [] }],
  codeTables: [{ key: 'yesno', label: '是否', items: [{ code: '1', label: '是' }] }],
});

/** Renders the settings of the first step and keeps the definition the edits make. */
function stepSettings() {
  let def = definition();
  const edit = vi.fn((e: Edit) => {
    def = applyEdit(def, e);
  });
  render(
    <TextSettings
      of={nth(def.steps, 0)}
      at={(d) => nth(d.steps, 0)}
      edit={edit}
      settings={[
        { prop: 'label', label: '页名称' },
        { prop: 'labelEn', label: '英文名称', optional: true },
        { prop: 'key', label: '页键', rows: 2 },
      ]}
    />,
  );
  return { step: () => nth(def.steps, 0) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the form editor’s panels edit the definition with the same small pieces', () => {
  it('a text setting shows the property under its label and writes what is typed into the draft', () => {
    const { step } = stepSettings();
    expect(screen.getByLabelText<HTMLInputElement>('页名称').value).toBe('基本信息');
    expect(screen.getByLabelText('页键').tagName).toBe('TEXTAREA');
    fireEvent.change(screen.getByLabelText('页名称'), { target: { value: '单位信息' } });
    expect(step().label).toBe('单位信息');
  });

  it('an optional property emptied is removed, a required one is kept as empty text', () => {
    const { step } = stepSettings();
    fireEvent.change(screen.getByLabelText('英文名称'), { target: { value: '' } });
    expect(step().labelEn).toBeUndefined();
    fireEvent.change(screen.getByLabelText('页名称'), { target: { value: '' } });
    expect(step().label).toBe('');
  });

  it('a select of keyed things names each by label and key, and keeps a key that no longer exists', () => {
    const onChange = vi.fn();
    const choices = [
      { key: 'name', label: '姓名' },
      { key: 'phone', label: '电话', disabled: true },
    ];
    const { rerender } = render(<KeyedSelect label="字段" value="gone" choices={choices} onChange={onChange} />);
    const options = () => screen.getAllByRole('option').map((o) => [o.textContent, (o as HTMLOptionElement).disabled]);
    expect(options()).toEqual([
      ['gone（不存在）', false],
      ['姓名（name）', false],
      ['电话（phone）', true],
    ]);
    fireEvent.change(screen.getByRole('combobox', { name: '字段' }), { target: { value: 'name' } });
    expect(onChange).toHaveBeenCalledWith('name');
    // with an empty choice first, nothing chosen yet is not a missing key
    rerender(<KeyedSelect label="字段" value="" choices={choices} onChange={onChange} placeholder="选择来源字段" />);
    expect(options().map(([text]) => text)).toEqual(['选择来源字段', '姓名（name）', '电话（phone）']);
  });

  it('a section’s 删除 asks first and removes only when confirmed', () => {
    const onRemove = vi.fn();
    const confirm = vi.fn<(question: string) => boolean>().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal('confirm', confirm);
    render(
      <SectionHead name="代码表「是否」" confirm="确定删除代码表「是否」？" onRemove={onRemove}>
        代码表「是否」
      </SectionHead>,
    );
    const remove = screen.getByRole('button', { name: '删除代码表「是否」' });
    fireEvent.click(remove);
    expect(confirm).toHaveBeenCalledWith('确定删除代码表「是否」？');
    expect(onRemove).not.toHaveBeenCalled();
    fireEvent.click(remove);
    expect(onRemove).toHaveBeenCalledOnce();
  });

  it('removing the last item of an optional list removes the list', () => {
    const def = definition();
    def.codeTables?.push({ key: 'level', label: '层次', items: [] });
    removeFromOptionalList(def, 'codeTables', 0);
    expect(def.codeTables?.map((t) => t.key)).toEqual(['level']);
    removeFromOptionalList(def, 'codeTables', 0);
    expect('codeTables' in def).toBe(false);
  });

  it('errors are listed under what they concern, and nothing shows when there are none', () => {
    const { container, rerender } = render(<EditorErrors list={[]} />);
    expect(container.innerHTML).toBe('');
    rerender(<EditorErrors list={['键不能为空', '名称不能为空']} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['键不能为空', '名称不能为空']);
  });
});
