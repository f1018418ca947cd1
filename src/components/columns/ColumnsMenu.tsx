import { Suspense, useState } from 'react';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { Popover } from '../dialogs/Popover.js';
import { lazyPart } from '../shared/lazyPart.js';
import { Pending } from '../shared/StatusViews.js';
import type { ColumnsPanelProps } from './ColumnsPanel.js';

export type ColumnsMenuProps = ColumnsPanelProps;

// The panel loads on first use (pointer or focus on the button preloads it): the page shows rows without it.
const ColumnsPanel = lazyPart(() => import('./ColumnsPanel.js').then((m) => m.ColumnsPanel));

/**
 * The `button` "Columns": a checkbox per field (built-in and custom, named by display name), buttons to
 * move each shown column left or right and to pin it, and "Reset columns". Moves are announced.
 */
export function ColumnsMenu(props: ColumnsMenuProps) {
  const { messages } = useAuditLogsEnvironment();
  const [open, setOpen] = useState(false);
  return (
    <Popover label={messages.columns} open={open} onOpenChange={setOpen} onPreload={ColumnsPanel.preload}>
      {open ? (
        <Suspense fallback={<Pending />}>
          <ColumnsPanel {...props} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </Popover>
  );
}
