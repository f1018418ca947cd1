import { Suspense, useState } from 'react';
import type { FieldDefinition } from '../../core/fields.js';
import type { FieldFilter } from '../../core/query.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { Popover } from '../dialogs/Popover.js';
import { lazyPart } from '../shared/lazyPart.js';
import { Pending } from '../shared/StatusViews.js';

// The form (and its form library) loads on first use; the button preloads it.
const FilterForm = lazyPart(() => import('./FilterForm.js').then((m) => m.FilterForm));

export interface AddFilterProps {
  fields: readonly FieldDefinition[];
  onAdd: (filter: FieldFilter) => void;
}

/** The `button` "Add filter" and its form, which loads when first wanted. */
export function AddFilter({ fields, onAdd }: AddFilterProps) {
  const { messages } = useAuditLogsEnvironment();
  const [open, setOpen] = useState(false);
  return (
    <Popover label={messages.addFilter} open={open} onOpenChange={setOpen} onPreload={FilterForm.preload}>
      {open ? (
        <Suspense fallback={<Pending />}>
          <FilterForm
            fields={fields}
            onAdd={(filter) => {
              onAdd(filter);
              setOpen(false);
            }}
          />
        </Suspense>
      ) : null}
    </Popover>
  );
}
