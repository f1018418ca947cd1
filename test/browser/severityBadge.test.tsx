import axe from 'axe-core';
import { render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { SeverityBadge } from '../../src/components/shared/SeverityBadge';
import { normalizeSeverity } from '../../src/core/severity';
import '../../src/styles/audit-logs.css';

afterEach(cleanup);

const LABELS = ['Trace', 'Debug', 'Info', 'Medium', 'High', 'Error', 'Critical', 'Whatever'];

function renderScale(theme: 'light' | 'dark') {
  return render(
    <div className="ral-root" data-theme={theme}>
      {LABELS.map((label) => {
        const s = normalizeSeverity(label);
        return <SeverityBadge key={label} label={s.label} rank={s.rank} />;
      })}
    </div>,
  );
}

describe.each(['light', 'dark'] as const)('severity badges in the %s theme (real Chromium)', (theme) => {
  it('gives every level its own colours and passes axe, contrast included', async () => {
    const { container, getByText } = renderScale(theme);
    const colours = LABELS.map((label) => {
      const badge = getByText(label).parentElement!;
      const style = getComputedStyle(badge);
      return `${style.backgroundColor}/${style.color}`;
    });
    // Eight labels, eight levels (Whatever is unknown): all distinct.
    expect(new Set(colours).size).toBe(LABELS.length);
    const results = await axe.run(container, { runOnly: ['wcag2a', 'wcag2aa'] });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    // axe only checks contrast it can measure; make sure it did measure the badges.
    expect(results.passes.some((p) => p.id === 'color-contrast')).toBe(true);
  });
});
