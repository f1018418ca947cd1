/** The saved views' words (part of `AuditLogsMessages`). */
export interface ViewsMessages {
  /** The Views button and its menu's groups. */
  views: string;
  myViews: string;
  tenantViews: string;
  noSavedViews: string;
  /** The view shown when no saved view is open. */
  builtInView: string;
  saveView: string;
  saveAsNewView: string;
  copyLink: string;
  manageViews: string;
  /** The toolbar's name of the open view, and its state once changed. */
  openView: (name: string) => string;
  viewModified: string;
  saveChanges: string;
  revertChanges: string;
  /** The save dialog. */
  viewName: string;
  shareWithTenant: string;
  defaultForMe: string;
  defaultForEveryone: string;
  viewNameRequired: string;
  viewNameTooLong: (max: number) => string;
  viewNameTaken: string;
  viewSaveFailed: string;
  /** Someone else saved the view since it was opened; the user's changes are still here. */
  viewConflict: (name: string) => string;
  /** Announcements. */
  viewSaved: (name: string) => string;
  viewDeleted: (name: string) => string;
  viewRenamed: (name: string) => string;
  viewDefaultSet: (name: string) => string;
  viewDefaultCleared: (name: string) => string;
  linkCopied: string;
  linkCopyFailed: string;
  /** Manage views. */
  rename: string;
  renameView: (name: string) => string;
  deleteView: string;
  deleteViewNamed: (name: string) => string;
  deleteViewTitle: string;
  deleteViewText: (name: string) => string;
  viewDeleteFailed: string;
  /** Notices when a view opens. */
  viewGone: string;
  viewColumnsMissing: (names: readonly string[]) => string;
  viewNewerVersion: string;
  viewsFailed: string;
  viewsInBrowserOnly: string;
  /** The histogram's show/hide toggle. */
  showHistogram: string;
}

export const VIEW_MESSAGES: ViewsMessages = {
  views: 'Views',
  myViews: 'My views',
  tenantViews: 'Tenant views',
  noSavedViews: 'No saved views yet',
  builtInView: 'All events',
  saveView: 'Save view',
  saveAsNewView: 'Save as new view',
  copyLink: 'Copy link',
  manageViews: 'Manage views',
  openView: (name) => `View: ${name}`,
  viewModified: 'Modified',
  saveChanges: 'Save',
  revertChanges: 'Revert',
  viewName: 'Name',
  shareWithTenant: 'Share with the tenant',
  defaultForMe: 'Open by default for me',
  defaultForEveryone: 'Open by default for everyone',
  viewNameRequired: 'Enter a name.',
  viewNameTooLong: (max) => `Use at most ${max} characters.`,
  viewNameTaken: 'A view with this name exists already.',
  viewSaveFailed: 'The view was not saved.',
  viewConflict: (name) => `Someone else changed “${name}” since you opened it. Your changes are still here: save them as a new view, or revert to see theirs.`,
  viewSaved: (name) => `View “${name}” saved.`,
  viewDeleted: (name) => `View “${name}” deleted.`,
  viewRenamed: (name) => `View renamed to “${name}”.`,
  viewDefaultSet: (name) => `“${name}” now opens by default.`,
  viewDefaultCleared: (name) => `“${name}” no longer opens by default.`,
  linkCopied: 'Link copied.',
  linkCopyFailed: 'The link could not be copied; it is in the address bar.',
  rename: 'Rename',
  renameView: (name) => `Rename ${name}`,
  deleteView: 'Delete view',
  deleteViewNamed: (name) => `Delete view ${name}`,
  deleteViewTitle: 'Delete view?',
  deleteViewText: (name) => `“${name}” will be deleted for everyone who sees it. Links to it will open its saved query without its name.`,
  viewDeleteFailed: 'The view was not deleted.',
  viewGone: 'This view was deleted; showing its saved query from the link.',
  viewColumnsMissing: (names) => `Columns no longer there were left out: ${names.join(', ')}.`,
  viewNewerVersion: 'This view was saved by a newer version; what this version knows of it is shown.',
  viewsFailed: 'Saved views could not be loaded.',
  viewsInBrowserOnly: 'Saved in this browser only',
  showHistogram: 'Histogram',
};
