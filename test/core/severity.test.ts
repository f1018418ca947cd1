import { describe, expect, it } from 'vitest';
import { SEVERITY_RANK, normalizeSeverity, severityLevelOfRank } from '../../src/core/severity';

describe('normalizeSeverity', () => {
  it("orders Frontegg's vocabulary Info < Medium < High < Error < Critical and keeps the label", () => {
    const ranks = ['Info', 'Medium', 'High', 'Error', 'Critical'].map((l) => normalizeSeverity(l));
    expect(ranks.map((s) => s.label)).toEqual(['Info', 'Medium', 'High', 'Error', 'Critical']);
    for (let i = 1; i < ranks.length; i++) expect(ranks[i]!.rank).toBeGreaterThan(ranks[i - 1]!.rank);
  });

  // fullstackhero's AuditSeverity (Modules.Auditing.Contracts/AuditEnums.cs): None 0, Trace 1 … Critical 6.
  it("orders fullstackhero's names and maps its AuditSeverity integers 1–6 onto the same names (0 is None)", () => {
    const names = ['Trace', 'Debug', 'Information', 'Warning', 'Error', 'Critical'];
    const byName = names.map((l) => normalizeSeverity(l));
    for (let i = 1; i < byName.length; i++) expect(byName[i]!.rank).toBeGreaterThan(byName[i - 1]!.rank);
    names.forEach((name, i) => {
      expect(normalizeSeverity(i + 1)).toEqual(normalizeSeverity(name));
      expect(normalizeSeverity(String(i + 1)).label).toBe(name);
    });
    expect(normalizeSeverity(0)).toMatchObject({ label: 'None', level: 'unknown' });
    expect(normalizeSeverity(4).label).toBe('Warning');
    expect(normalizeSeverity(7)).toMatchObject({ label: '7', level: 'unknown' });
  });

  it('puts both vocabularies on one scale', () => {
    expect(normalizeSeverity('Information').rank).toBe(normalizeSeverity('Info').rank);
    expect(normalizeSeverity('Warning').rank).toBe(normalizeSeverity('Medium').rank);
    expect(normalizeSeverity('Error').rank).toBeGreaterThan(normalizeSeverity('High').rank);
    expect(normalizeSeverity('critical').level).toBe('critical');
  });

  it('keeps unknown labels as sent, ranked neutrally below every known level', () => {
    const s = normalizeSeverity('Sev-X');
    expect(s).toEqual({ label: 'Sev-X', level: 'unknown', rank: SEVERITY_RANK.unknown });
    expect(normalizeSeverity(42)).toMatchObject({ label: '42', level: 'unknown' });
    expect(normalizeSeverity(undefined)).toMatchObject({ label: 'Unknown', level: 'unknown' });
    expect(s.rank).toBeLessThan(normalizeSeverity('Trace').rank);
  });

  it('maps ranks back to levels', () => {
    expect(severityLevelOfRank(SEVERITY_RANK.high)).toBe('high');
    expect(severityLevelOfRank(SEVERITY_RANK.high + 5)).toBe('high');
    expect(severityLevelOfRank(-1)).toBe('unknown');
  });
});

describe('severity labels that are members of Object.prototype', () => {
  it('are labels no vocabulary knows: shown as sent, rank 0', () => {
    for (const label of ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty']) {
      expect(normalizeSeverity(label)).toEqual({ label, level: 'unknown', rank: 0 });
    }
  });
});
