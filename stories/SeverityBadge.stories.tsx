import type { Meta, StoryObj } from '@storybook/react-vite';
import { SeverityBadge } from '../src/components/shared/SeverityBadge';
import { normalizeSeverity } from '../src/core/severity';

const meta = {
  title: 'Parts/Severity badge',
  component: SeverityBadge,
  args: { label: 'High', rank: normalizeSeverity('High').rank },
} satisfies Meta<typeof SeverityBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Single: Story = {};

const FRONTEGG = ['Info', 'Medium', 'High', 'Error', 'Critical'];
const FSH = ['Trace', 'Debug', 'Information', 'Warning', 'Error', 'Critical'];

function Scale({ labels }: { labels: string[] }) {
  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
      {labels.map((label) => {
        const s = normalizeSeverity(label);
        return <SeverityBadge key={label} label={s.label} rank={s.rank} />;
      })}
    </div>
  );
}

/** Both seed vocabularies and an unknown label, in rank order: each level looks distinct. */
export const BothVocabularies: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 12 }}>
      <Scale labels={FRONTEGG} />
      <Scale labels={FSH} />
      <Scale labels={['Notice-ish']} />
    </div>
  ),
};

export const Dark: Story = {
  ...BothVocabularies,
  globals: { theme: 'dark' },
};
