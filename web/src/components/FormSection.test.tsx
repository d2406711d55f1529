import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { FormSection, type SectionRow } from './FormSection';
import { useTextFieldsForm, type FieldErrors } from './useTextFieldsForm';

type Key = 'contact' | 'phone' | 'postcode';
const KEYS: Key[] = ['contact', 'phone', 'postcode'];
const ROWS: SectionRow<Key>[] = [
  {
    className: 'pair',
    fields: [
      { field: 'contact', label: '联系人', required: true },
      { field: 'phone', label: '联系电话', required: true, type: 'tel', hint: '手机或固定电话' },
    ],
  },
  { field: 'postcode', label: '邮编', inputMode: 'numeric', maxLength: 6 },
];

function check(v: Record<Key, string>): FieldErrors<Key> {
  const e: FieldErrors<Key> = {};
  if (!v.contact) e.contact = '请填写联系人';
  if (!v.phone) e.phone = '请填写联系电话';
  return e;
}

type Save = Parameters<typeof useTextFieldsForm<Key>>[1]['save'];

function Contact({ save, notice }: { save: Save; notice?: boolean }) {
  const form = useTextFieldsForm(KEYS, { initial: { contact: '', phone: '', postcode: '' }, check, save });
  return <FormSection form={form} className="card" title="联系方式" titleId="h-contact" intro={<p>说明</p>} rows={ROWS} notice={notice} />;
}

describe('a small form of text fields is laid out and saved the same way on every page', () => {
  it('shows its fields in their rows under its heading, named by their labels', () => {
    render(<Contact save={vi.fn()} />);
    expect(screen.getByRole('form', { name: '联系方式' })).toBeTruthy();
    const contact = screen.getByRole('textbox', { name: /联系人/ });
    const phone = screen.getByRole('textbox', { name: /联系电话/ });
    // the pair sits side by side in one row of its own class; the postcode has a row to itself
    expect(contact.closest('.pair')).toBe(phone.closest('.pair'));
    expect(screen.getByRole('textbox', { name: '邮编' }).closest('.pair')).toBeNull();
    expect(phone.getAttribute('type')).toBe('tel');
    expect(screen.getByRole('textbox', { name: '邮编' }).getAttribute('maxlength')).toBe('6');
    expect(phone.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('手机或固定电话')).toBeTruthy();
    expect(screen.getByRole('button', { name: '保存' })).toBeTruthy();
  });

  it('a missing field is flagged and focused without saving', async () => {
    const save = vi.fn<Save>();
    render(<Contact save={save} />);
    await userEvent.type(screen.getByRole('textbox', { name: /联系人/ }), '王老师');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(screen.getByText('请填写联系电话')).toBeTruthy();
    expect(screen.queryByText('请填写联系人')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /联系电话/ }));
    expect(save).not.toHaveBeenCalled();
  });

  it('saves trimmed values (an empty one as null) and shows the saved message beside the button', async () => {
    const save = vi.fn<Save>(() =>
      Promise.resolve({ values: { contact: '王老师', phone: '025-83591234', postcode: '' }, message: '已保存：联系人已更新。' }),
    );
    render(<Contact save={save} />);
    await userEvent.type(screen.getByRole('textbox', { name: /联系人/ }), ' 王老师 ');
    await userEvent.type(screen.getByRole('textbox', { name: /联系电话/ }), '025-83591234');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(save).toHaveBeenCalledWith({ contact: '王老师', phone: '025-83591234', postcode: null });
    expect((await screen.findByRole('status')).textContent).toBe('已保存：联系人已更新。');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: /联系人/ }).value).toBe('王老师');
  });

  it('the server’s refusal shows above the fields and on the field it names, which gets the focus', async () => {
    const save = vi.fn<Save>(() =>
      Promise.reject(new ApiError(422, 'invalid', '请检查填写的内容', [{ path: 'phone', code: 'invalid', message: '电话格式不正确' }])),
    );
    render(<Contact save={save} />);
    await userEvent.type(screen.getByRole('textbox', { name: /联系人/ }), '王老师');
    await userEvent.type(screen.getByRole('textbox', { name: /联系电话/ }), '12');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByRole('alert')).textContent).toContain('请检查填写的内容');
    expect(screen.getByText('电话格式不正确')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /联系电话/ })));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('a form whose save leaves the page keeps no place for a saved message', async () => {
    const save = vi.fn<Save>(() => Promise.resolve(undefined));
    const { container } = render(<Contact save={save} notice={false} />);
    expect(container.querySelector('[aria-live]')).toBeNull();
    await userEvent.type(screen.getByRole('textbox', { name: /联系人/ }), '王老师');
    await userEvent.type(screen.getByRole('textbox', { name: /联系电话/ }), '13800000000');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(save).toHaveBeenCalledOnce();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
