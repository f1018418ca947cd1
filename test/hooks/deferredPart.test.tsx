import { act, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { deferredPart } from '../../src/components/shared/lazyPart';

const Pending = ({ label }: { label: string }) => <p>{`frame of ${label}`}</p>;
const Real = ({ label }: { label: string }) => <p>{`chart of ${label}`}</p>;

describe('a part whose code loads beside the request it waits for (deferredPart)', () => {
  it('shows its frame until the code is here, then the part; on the server always the frame', async () => {
    let arrive: (component: typeof Real) => void = () => {};
    const Part = deferredPart(() => new Promise<typeof Real>((resolve) => (arrive = resolve)), Pending);
    expect(renderToString(<Part label="stats" />)).toContain('frame of stats');
    render(<Part label="stats" />);
    expect(screen.getByText('frame of stats')).toBeTruthy();
    await act(async () => arrive(Real));
    expect(screen.getByText('chart of stats')).toBeTruthy();
  });

  it('tries a failed load again at its next render (a network that dropped the file once)', async () => {
    let calls = 0;
    const Part = deferredPart(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return Real;
    }, Pending);
    const { rerender } = render(<Part label="a" />);
    await act(async () => {});
    expect(screen.getByText('frame of a')).toBeTruthy();
    rerender(<Part label="b" />);
    await act(async () => {});
    expect(calls).toBe(2);
    expect(screen.getByText('chart of b')).toBeTruthy();
  });
});
