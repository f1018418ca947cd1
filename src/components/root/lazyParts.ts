/**
 * The admin parts that load on first use: a page that only reads its log never fetches them (nor their form
 * library). Their buttons preload them when the pointer or focus reaches them.
 */
import { lazyPart } from '../shared/lazyPart.js';

/** The Add field / Edit field dialog (react-hook-form and zod with it). */
export const FieldDialog = lazyPart(() => import('../fields/FieldDialog.js').then((m) => m.RequestedFieldDialog));

/** "Remove field?" (it saves the structure without the field). */
export const RemoveFieldDialog = lazyPart(() => import('../fields/RemoveFieldDialog.js').then((m) => m.RemoveFieldDialog));

/** The event details (every field, changes, the payload tree, related events, delete). */
export const EventDetails = lazyPart(() => import('../details/EventDetails.js').then((m) => m.EventDetails));
