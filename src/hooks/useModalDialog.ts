import { useEffect, useRef } from 'react';

/** A `<dialog>` shown as a modal for as long as the component is mounted (closed when it unmounts). */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return ref;
}
