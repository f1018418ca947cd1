import { describe, expect, it, vi } from 'vitest';
import { AuditApiError } from '../../src/api/errors';
import { ExportError, runExport, writableSink } from '../../src/api/exportRunner';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { generateAuditEvents } from '../../src/mock/generator';
import { NOW } from '../fixtures/events';
import { parseCsv } from '../fixtures/csvParse';

const events = generateAuditEvents({ tenantId: 'acme', count: 2_500, seed: 5, now: NOW });
const columns = [{ name: 'timestamp', displayName: 'Time' }, { name: 'action', displayName: 'Action' }];

/** A writable like `showSaveFilePicker`'s, recording what happens to the file. */
function fakeFile() {
  const written: string[] = [];
  const file = {
    written,
    closed: false,
    aborted: false,
    write: vi.fn(async (part: BlobPart) => void written.push(typeof part === 'string' ? part : await new Blob([part]).text())),
    close: vi.fn(async () => void (file.closed = true)),
    abort: vi.fn(async () => void (file.aborted = true)),
  };
  return file;
}

describe('runExport to a file the user picked', () => {
  it('writes every row to the file as it goes and returns no Blob', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    const file = fakeFile();
    const clientSide = { ...adapter, exportCsv: undefined, capabilities: { ...adapter.capabilities, serverExport: false } };
    const result = await runExport({ adapter: clientSide, tenantId: 'acme', query: {}, columns, format: 'csv', signal: new AbortController().signal, onProgress: () => {}, sink: writableSink(file) });
    expect(result.blob).toBeUndefined();
    expect(result.rows).toBe(2_500);
    expect(file.closed).toBe(true);
    const rows = parseCsv(file.written.join('').replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['Time', 'Action']);
    expect(rows).toHaveLength(2_501);
  });

  it('discards the file when the export is cancelled or fails, saying how many rows it had', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    const controller = new AbortController();
    let pages = 0;
    const cancelling = {
      ...adapter,
      capabilities: { ...adapter.capabilities, serverExport: false },
      list: async (...args: Parameters<typeof adapter.list>) => {
        if (++pages === 3) controller.abort();
        return adapter.list(...args);
      },
    };
    const cancelled = fakeFile();
    await expect(
      runExport({ adapter: cancelling, tenantId: 'acme', query: {}, columns, format: 'csv', signal: controller.signal, onProgress: () => {}, sink: writableSink(cancelled) }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect([cancelled.aborted, cancelled.closed]).toEqual([true, false]);

    let calls = 0;
    const failing = {
      ...adapter,
      capabilities: { ...adapter.capabilities, serverExport: false },
      list: async (...args: Parameters<typeof adapter.list>) => {
        if (++calls === 3) throw new AuditApiError('server', 'HTTP 500');
        return adapter.list(...args);
      },
    };
    const broken = fakeFile();
    const error = await runExport({ adapter: failing, tenantId: 'acme', query: {}, columns, format: 'jsonl', signal: new AbortController().signal, onProgress: () => {}, sink: writableSink(broken) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).rows).toBe(1_000);
    expect([broken.aborted, broken.closed]).toEqual([true, false]);
  });

  it('refuses to save a short file when the server stops paging before the count it gave', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    const stopsEarly = {
      ...adapter,
      capabilities: { ...adapter.capabilities, serverExport: false },
      list: async (...args: Parameters<typeof adapter.list>) => {
        const page = await adapter.list(...args);
        return args[0].page.type === 'cursor' ? { ...page, nextCursor: null } : page;
      },
    };
    const file = fakeFile();
    const error = await runExport({ adapter: stopsEarly, tenantId: 'acme', query: {}, columns, format: 'csv', signal: new AbortController().signal, onProgress: () => {}, sink: writableSink(file) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).message).toMatch(/stopped after 1000 of the 2500/);
    expect(file.aborted).toBe(true);
  });
});
