/**
 * Commands the browser tests call to see what Chromium itself does: real downloads, read back from disk
 * (the component hands files to the browser as ordinary downloads).
 */
import { readFile } from 'node:fs/promises';
import type { BrowserCommand } from 'vitest/node';
import { startMockServer, type MockServer } from '../src/mock/server/node.ts';

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

const mockServers = new Map<string, MockServer>();

/** Starts the mock server in Node (another origin than the test page) and returns its URL. */
export const startCorsMockServer: BrowserCommand<[cors: string[] | '*' | null]> = async (_ctx, cors) => {
  const server = await startMockServer({ count: 30, seed: 4, ...(cors && { cors }) });
  mockServers.set(server.url, server);
  return server.url;
};

/** Stops a server `startCorsMockServer` started. */
export const stopMockServer: BrowserCommand<[url: string]> = async (_ctx, url) => {
  await mockServers.get(url)?.close();
  mockServers.delete(url);
};

declare module 'vitest/internal/browser' {
  interface BrowserCommands {
    startCorsMockServer: (cors: string[] | '*' | null) => Promise<string>;
    stopMockServer: (url: string) => Promise<void>;
    waitForDownload: (timeoutMs?: number) => Promise<DownloadedFile>;
    downloadStartsWithin: (ms: number) => Promise<boolean>;
  }
}
