import { describe, expect, it } from 'vitest';
import { resolveAbilities } from '../../src/core/abilities';

const full = { serverExport: true, editDataStructure: true, delete: true };
const readOnly = { serverExport: false, editDataStructure: false, delete: false };

describe('resolveAbilities', () => {
  it('reads and exports by default, and changes nothing unless the host allows it', () => {
    expect(resolveAbilities(full)).toEqual({ export: true, manageFields: false, delete: false, columns: true });
  });

  it('offers an action only when the host allows it and the adapter can do it', () => {
    const all = { export: true, manageFields: true, delete: true };
    expect(resolveAbilities(full, all)).toEqual({ export: true, manageFields: true, delete: true, columns: true });
    expect(resolveAbilities(readOnly, all)).toEqual({ export: true, manageFields: false, delete: false, columns: true });
  });

  it('lets admins manage fields on any adapter once they have somewhere to store them', () => {
    expect(resolveAbilities(readOnly, { manageFields: true }, { canStoreFields: true }).manageFields).toBe(true);
  });

  it('keeps a read-only viewer read-only, with columns still its own', () => {
    expect(resolveAbilities(full, { export: false, manageFields: false, delete: false })).toEqual({
      export: false,
      manageFields: false,
      delete: false,
      columns: true,
    });
  });
});
