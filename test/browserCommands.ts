/**
 * Commands the browser tests call to see what Chromium itself does: real downloads, read back from disk
 * (the component hands files to the browser as ordinary downloads).
 */
import { readFile } from 'node:fs/promises';
import type { BrowserCommand } from 'vitest/node';

export interface DownloadedFile {
  name: string;
  text: string;
  /** The first bytes, to see a BOM. */
  head: number[];
}

/** Waits for the next download and returns its name and content (UTF-8). */
export const waitForDownload: BrowserCommand<[timeoutMs?: number]> = async (ctx, timeoutMs = 15_000): Promise<DownloadedFile> => {
  const download = await ctx.page.waitForEvent('download', { timeout: timeoutMs });
  const path = await download.path();
  const bytes = await readFile(path);
  return { name: download.suggestedFilename(), text: bytes.toString('utf8'), head: [...bytes.subarray(0, 3)] };
};

/** Whether a download starts within `ms`. */
export const downloadStartsWithin: BrowserCommand<[ms: number]> = async (ctx, ms) =>
  ctx.page.waitForEvent('download', { timeout: ms }).then(
    () => true,
    () => false,
  );

declare module 'vitest/internal/browser' {
  interface BrowserCommands {
    waitForDownload: (timeoutMs?: number) => Promise<DownloadedFile>;
    downloadStartsWithin: (ms: number) => Promise<boolean>;
  }
}
