import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MESSAGES } from '../../src/core/messages';
import { NoBrowserStorageError, browserFieldStore, saveFailure } from '../../src/hooks/fieldStore';

describe('fields kept in this browser', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says, in the viewer\'s words, when the browser keeps no storage (and loses nothing typed)', async () => {
    // Private modes and blocked storage throw on access.
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const store = browserFieldStore('blocked');
    await expect(store.load('acme')).resolves.toBeNull();
    const failure = await store.save('acme', { fields: [] }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NoBrowserStorageError);
    expect(saveFailure(failure, DEFAULT_MESSAGES)).toBe('The field was not saved. This browser keeps no storage for this page.');
    expect(saveFailure(failure, { fieldSaveFailed: 'Nicht gespeichert.', noBrowserStorage: 'Kein Speicher.' })).toBe('Nicht gespeichert. Kein Speicher.');
    vi.restoreAllMocks();
  });
});
