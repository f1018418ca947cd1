import { removeCustomField } from '../../core/fieldForm.js';
import type { DataStructure, FieldDefinition } from '../../core/fields.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useSaveDataStructure } from '../../hooks/useSaveDataStructure.js';
import { useSingleFlight } from '../../hooks/useSingleFlight.js';
import { ConfirmDialog } from '../dialogs/ConfirmDialog.js';
import { saveFailure } from '../../hooks/fieldStore.js';

export interface RemoveFieldDialogProps {
  structure: DataStructure;
  field: FieldDefinition;
  onClose: () => void;
}

/** "Remove field?": says the values stay in the events; saves the structure without the field once confirmed. */
export function RemoveFieldDialog({ structure, field, onClose }: RemoveFieldDialogProps) {
  const { messages } = useAuditLogsEnvironment();
  const save = useSaveDataStructure();
  const once = useSingleFlight();
  return (
    <ConfirmDialog
      title={messages.removeFieldTitle}
      confirmLabel={messages.removeField}
      pending={save.isPending}
      failure={save.error ? saveFailure(save.error, messages) : undefined}
      onConfirm={() => once((done) => save.mutate({ fields: removeCustomField(structure.fields, field.name) }, { onSuccess: onClose, onSettled: done }))}
      onCancel={onClose}
    >
      <p>{messages.removeFieldText(field.displayName)}</p>
    </ConfirmDialog>
  );
}
