import { useAuditLogsInstance } from '../../hooks/instance.js';
import { ManageViewsDialog } from './ManageViewsDialog.js';
import { SaveViewDialog } from './SaveViewDialog.js';

/** The views dialog that is open, if any. */
export function ViewDialogs() {
  const { views } = useAuditLogsInstance();
  const { dialog } = views;
  const close = () => views.setDialog(null);
  if (!dialog) return null;
  if (dialog.kind === 'manage') return <ManageViewsDialog onClose={close} />;
  return <SaveViewDialog key={dialog.kind} asNew={dialog.kind === 'saveAs'} onClose={close} />;
}
