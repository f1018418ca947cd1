import { describe, expect, it } from 'vitest';
import { createView, deleteView, parseViewBook, SavedViewError, updateView, viewsFor, type ViewBookData } from '../../src/core/viewBook';
import { defaultView, missingColumns, parseSavedView, queryKey, viewNameProblem } from '../../src/core/views';

const made = (id: string) => ({ id, now: '2026-12-01T00:00:00.000Z' });
const state = { query: { search: 'login' } };

function book(): ViewBookData {
  let data: ViewBookData = { views: [] };
  data = createView(data, 'ada', { name: 'Mine', scope: 'personal', state, defaultForMe: true }, made('p1')).data;
  data = createView(data, 'ada', { name: 'Team', scope: 'tenant', state, defaultForTenant: true }, made('t1')).data;
  return createView(data, 'ada', { name: 'Other team', scope: 'tenant', state }, made('t2')).data;
}

describe('the view book', () => {
  it('shows a personal view to its owner only, and each user their own default', () => {
    const data = book();
    expect(viewsFor(data, 'ada').map((v) => v.id)).toEqual(['p1', 't1', 't2']);
    expect(viewsFor(data, 'grace').map((v) => v.id)).toEqual(['t1', 't2']);
    expect(defaultView(viewsFor(data, 'ada'))?.id).toBe('p1');
    expect(defaultView(viewsFor(data, 'grace'))?.id).toBe('t1');
  });

  it('keeps one default per user and one for the tenant', () => {
    let data = book();
    data = updateView(data, 'ada', 't2', '1', { defaultForMe: true, defaultForTenant: true }, 'now').data;
    const ada = viewsFor(data, 'ada');
    expect(ada.filter((v) => v.defaultForMe).map((v) => v.id)).toEqual(['t2']);
    expect(ada.filter((v) => v.defaultForTenant).map((v) => v.id)).toEqual(['t2']);
  });

  it('keeps a default for a user named like an Object member (__proto__, constructor) as that user’s own', () => {
    let data = book();
    for (const user of ['__proto__', 'constructor']) data = updateView(data, user, 't2', '1', { defaultForMe: true }, 'now').data;
    expect(Object.getPrototypeOf(data.userDefaults)).toBe(Object.prototype);
    expect(viewsFor(data, '__proto__').find((v) => v.defaultForMe)?.id).toBe('t2');
    expect(viewsFor(data, 'constructor').find((v) => v.defaultForMe)?.id).toBe('t2');
    expect(viewsFor(data, 'grace').find((v) => v.defaultForMe)).toBeUndefined();
    expect(Object.keys(deleteView(data, 'ada', 't2').userDefaults ?? {})).toEqual(['ada']);
  });

  it('refuses a stale change with the view as it is now, but lets a default change through', () => {
    let data = book();
    data = updateView(data, 'grace', 't1', '1', { name: 'Team (renamed)' }, 'now').data;
    let error: unknown;
    try {
      updateView(data, 'ada', 't1', '1', { state: { query: {} } }, 'now');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SavedViewError);
    expect((error as SavedViewError).kind).toBe('conflict');
    expect((error as SavedViewError).current).toMatchObject({ name: 'Team (renamed)', version: '2' });
    expect(() => updateView(data, 'ada', 't1', '1', { defaultForMe: true }, 'now')).not.toThrow();
  });

  it('takes names unique per scope in any letter case, and per owner for personal views', () => {
    const data = book();
    expect(() => createView(data, 'ada', { name: ' mine ', scope: 'personal', state }, made('x'))).toThrow(/exists already/);
    expect(() => createView(data, 'grace', { name: 'Mine', scope: 'personal', state }, made('x'))).not.toThrow();
    expect(() => createView(data, 'grace', { name: 'TEAM', scope: 'tenant', state }, made('x'))).toThrow(/exists already/);
    expect(viewNameProblem('', 'personal', [])).toBe('required');
    expect(viewNameProblem('x'.repeat(129), 'personal', [])).toBe('tooLong');
  });

  it("hides another user's personal view from changes and deletes, and deleting clears the defaults pointing at it", () => {
    const data = book();
    expect(() => deleteView(data, 'grace', 'p1')).toThrow(/does not exist/);
    const after = deleteView(data, 'ada', 't1');
    expect(after.tenantDefault).toBeNull();
    expect(viewsFor(after, 'ada').map((v) => v.id)).toEqual(['p1', 't2']);
  });

  it('reads stored snapshots and views leniently, keeping what it does not know', () => {
    expect(parseViewBook('nonsense')).toBeUndefined();
    expect(parseViewBook({ views: [{ id: 'a', name: 'A', scope: 'tenant' }, { id: 3 }] })?.views).toHaveLength(1);
    const view = parseSavedView({ id: 'v', name: 'V', scope: 'tenant', state: { query: {}, groupBy: 'actor' }, version: 7, schemaVersion: 3 });
    expect(view).toMatchObject({ version: '7', schemaVersion: 3, state: { groupBy: 'actor' } });
    expect(parseSavedView({ id: 'v', name: 'V', scope: 'everyone', state: {} })).toMatch(/scope/);
  });

  it('names the columns a view holds that are gone, and compares queries whatever their key order', () => {
    const columns = { version: 1, order: ['timestamp', 'region'], visibility: { region: true, gone: false } };
    expect(missingColumns({ query: {}, columns }, [{ name: 'timestamp' }])).toEqual(['region']);
    expect(queryKey({ search: 'a', severities: ['High'] })).toBe(queryKey({ severities: ['High'], search: ' a ' }));
  });
});
