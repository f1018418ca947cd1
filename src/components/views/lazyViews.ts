import { lazyPart } from '../shared/lazyPart.js';

/** The Save view and Manage views dialogs (with their form library): loaded when first opened. */
export const ViewDialogs = lazyPart(() => import('./ViewDialogs.js').then((m) => m.ViewDialogs));
