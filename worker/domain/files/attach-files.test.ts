import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../forms/engine';
import { runBatch } from '../../db/batch';
import { isAbortedByGuard } from '../../db/records';
import { AppError } from '../../http/errors';
import { TestClient } from '../../test/client';
import { studentWithSourceRecord } from '../../test/fixtures';
import { attachFiles, checkFileIds, fileRefsOf } from './attach-files';
import { actorOf, db, fileRow, upload } from './files-test-kit.fixture';
import { tinyPdf, tinyPng } from './sample-files.fixture';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** A fresh student with a source record, signed in, with one loose upload of their own. */
async function studentWithUpload(bytes: Uint8Array = tinyPng()) {
  const fixture = await studentWithSourceRecord('imported');
  const client = await TestClient.as(fixture.username);
  const { body } = await upload(client, bytes, 'proof.png');
  return { ...fixture, client, fileId: body.id, actor: await actorOf('acc-' + fixture.studentId) };
}

describe('表单引用上传的文件 (form fields of type file hold upload ids)', () => {
  it("an upload of one's own attaches to the record, and saving the same ids again is a no-op", async () => {
    const s = await studentWithUpload();
    const refs = [{ path: 'proof', ids: [s.fileId] }];
    await checkFileIds(db(), refs, s.actor, s.recordId);
    await runBatch(db(), attachFiles(db(), { recordId: s.recordId, fileIds: [s.fileId], actor: s.actor }));
    expect((await fileRow(s.fileId))!.record_id).toBe(s.recordId);

    await checkFileIds(db(), refs, s.actor, s.recordId);
    await runBatch(db(), attachFiles(db(), { recordId: s.recordId, fileIds: [s.fileId], actor: s.actor }));
    expect((await fileRow(s.fileId))!.record_id).toBe(s.recordId);

    // a school reviewer correcting the record resubmits the student's files: still fine
    const school = await actorOf('acc-school');
    await checkFileIds(db(), refs, school, s.recordId);
    await runBatch(db(), attachFiles(db(), { recordId: s.recordId, fileIds: [s.fileId], actor: school }));
  });

  it('an unknown id is a 422 on the field that holds it', async () => {
    const s = await studentWithUpload();
    const err = await refusal(checkFileIds(db(), [{ path: 'proof', ids: [s.fileId, 'f'.repeat(32)] }], s.actor, s.recordId));
    expect(err.status).toBe(422);
    expect(err.fields).toEqual([{ path: 'proof', code: 'file', message: '文件不存在或已过期，请重新上传' }]);
  });

  it("another student's upload cannot be put on my record, and looks just like an unknown id", async () => {
    const mine = await studentWithUpload();
    const theirs = await studentWithUpload();
    const err = await refusal(checkFileIds(db(), [{ path: 'proof', ids: [theirs.fileId] }], mine.actor, mine.recordId));
    expect(err.status).toBe(422);
    expect(err.fields).toEqual([{ path: 'proof', code: 'file', message: '文件不存在或已过期，请重新上传' }]);

    // and the write itself would not take it either
    await expect(
      runBatch(db(), attachFiles(db(), { recordId: mine.recordId, fileIds: [theirs.fileId], actor: mine.actor })),
    ).rejects.toSatisfy(isAbortedByGuard);
    expect((await fileRow(theirs.fileId))!.record_id).toBeNull();
  });

  it('a file already attached to one record cannot be attached to another', async () => {
    const s = await studentWithUpload();
    await runBatch(db(), attachFiles(db(), { recordId: s.recordId, fileIds: [s.fileId], actor: s.actor }));
    const otherRecord = (await studentWithSourceRecord('imported')).recordId;
    const err = await refusal(checkFileIds(db(), [{ path: 'items.0.scan', ids: [s.fileId] }], s.actor, otherRecord));
    expect(err.fields).toEqual([{ path: 'items.0.scan', code: 'file', message: '该文件已用于其他记录，请重新上传' }]);

    // a race past the check (two records saved at once) aborts the whole batch instead of moving the file
    await expect(runBatch(db(), attachFiles(db(), { recordId: otherRecord, fileIds: [s.fileId], actor: s.actor }))).rejects.toSatisfy(
      isAbortedByGuard,
    );
    expect((await fileRow(s.fileId))!.record_id).toBe(s.recordId);
  });

  it('a field that accepts only PDF refuses an image', async () => {
    const png = await studentWithUpload(tinyPng());
    const err = await refusal(checkFileIds(db(), [{ path: 'scan', ids: [png.fileId], accept: ['pdf'] }], png.actor, png.recordId));
    expect(err.fields).toEqual([{ path: 'scan', code: 'file', message: '只能上传 PDF 文件' }]);
    const pdf = await studentWithUpload(await tinyPdf());
    await checkFileIds(db(), [{ path: 'scan', ids: [pdf.fileId], accept: ['pdf'] }], pdf.actor, pdf.recordId);
  });

  it('file references are found in top-level fields and in group rows, with their paths', () => {
    const definition = {
      key: 't',
      title: 't',
      schemaVersion: 1,
      workflow: [{ key: 'student', label: '学生' }],
      steps: [
        {
          key: 's',
          label: 's',
          sections: [
            {
              key: 'c',
              label: 'c',
              rows: [
                [
                  { key: 'proof', type: 'file', label: '证明', accept: ['image'] },
                  { key: 'name', type: 'text', label: '姓名' },
                ],
                [{ key: 'items', type: 'group', label: '材料', fields: [{ key: 'scan', type: 'file', label: '扫描件' }] }],
              ],
            },
          ],
        },
      ],
    } as FormDefinition;
    const refs = fileRefsOf(definition, { proof: ['a', 'b'], name: 'x', items: [{ scan: ['c'] }, {}, { scan: ['d'] }] });
    expect(refs).toEqual([
      { path: 'proof', ids: ['a', 'b'], accept: ['image'] },
      { path: 'items.0.scan', ids: ['c'], accept: undefined },
      { path: 'items.2.scan', ids: ['d'], accept: undefined },
    ]);
  });
});
