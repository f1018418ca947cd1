/**
 * What the UI may offer, decided in one place: what the adapter can do × what the host allows. A part of
 * the UI is shown only when its ability is true; a server may still refuse (403), and says which.
 */

/** The adapter capabilities this needs (a subset of `AdapterCapabilities`, which `core` cannot import). */
export interface CapabilityFlags {
  serverExport: boolean;
  editDataStructure: boolean;
  delete: boolean;
}

/** What the host allows this viewer. */
export interface PermissionFlags {
  export?: boolean;
  manageFields?: boolean;
  delete?: boolean;
  manageViews?: boolean;
}

export interface Abilities {
  /** Download what matches as a file (from the server's export, or built from pages). */
  export: boolean;
  /** Add, edit and remove the tenant's custom fields (needs somewhere to save them). */
  manageFields: boolean;
  /** Delete an event. */
  delete: boolean;
  /** Choose, order and size columns: personal, so always. */
  columns: true;
}

/** Read and export unless the host says otherwise; changing anything only when the host says so. */
export const DEFAULT_PERMISSIONS: Readonly<Required<PermissionFlags>> = { export: true, manageFields: false, delete: false, manageViews: false };

/**
 * The abilities for an adapter and the host's permissions. `canStoreFields` says the tenant's custom
 * fields have somewhere to go even where the adapter cannot save them (a `dataStructureStore`, the browser).
 */
export function resolveAbilities(
  capabilities: CapabilityFlags,
  permissions: PermissionFlags = {},
  options: { canStoreFields?: boolean } = {},
): Abilities {
  const allowed = { ...DEFAULT_PERMISSIONS, ...permissions };
  return {
    // Every adapter can be exported: the server's export where it has one, otherwise pages from `list`.
    export: allowed.export,
    manageFields: allowed.manageFields && (capabilities.editDataStructure || Boolean(options.canStoreFields)),
    delete: allowed.delete && capabilities.delete,
    columns: true,
  };
}
