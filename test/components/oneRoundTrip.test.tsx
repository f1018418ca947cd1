/**
 * Over HTTP the first rows cost one round trip: the data structure, the first page and the stats go out together,
 * none waits for another's answer. The server here answers nothing until it has all three requests, so a viewer
 * that waited for one answer before asking the next would never show rows.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { createMockHandler, mockFetch } from '../../src/mock/index';
import { NOW } from '../fixtures/events';
import { readyRows, renderAuditLogs } from '../browser/setup';

describe('the first rows over HTTP', () => {
  it('ask for the data structure, the first page and the stats at once', async () => {
    const handler = createMockHandler({ dialect: 'native', count: 300, seed: 5, now: NOW });
    const serve = mockFetch(handler);
    const seen = new Set<string>();
    let release = () => {};
    const allAsked = new Promise<void>((resolve) => (release = resolve));
    const kinds: Record<string, RegExp> = { structure: /\/data-structure/, page: /\/events(\?|$)/, stats: /\/stats/ };
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      for (const [kind, pattern] of Object.entries(kinds)) if (pattern.test(url)) seen.add(kind);
      if (seen.size === 3) release();
      // Held until all three have been asked (or for good, if one waits for another).
      await allAsked;
      return serve(input, init);
    };
    const adapter = createHttpAdapter({ baseUrl: 'http://mock.local', dialect: 'native', fetch, now: () => NOW });
    renderAuditLogs({ adapter, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    expect([...seen].sort()).toEqual(['page', 'stats', 'structure']);
    expect(await screen.findByText('300 events')).toBeTruthy();
  });
});
