/**
 * The "Add field" form: its values, the one schema that checks them (used by the form and nowhere
 * redefined), and helpers to prefill it from a value in an event and to preview what a path finds.
 */
import * as z from 'zod/mini';
import type { AuditEvent, JsonValue } from './event.js';
import { BUILT_IN_FIELDS, FIELD_NAME_PATTERN, isValuePath, readPath, type FieldDefinition, type FieldType } from './fields.js';

/** The types a tenant admin can give a custom field, with the words the form shows. */
export const CUSTOM_FIELD_TYPES = ['string', 'email', 'ip', 'datetime', 'number', 'enum', 'json'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** Names no custom field may take (case-insensitive): the built-in fields and what reaches a prototype. */
export const RESERVED_FIELD_NAMES: readonly string[] = [
  ...BUILT_IN_FIELDS.map((f) => f.name),
  'tenantId',
  'severityRank',
  'actor',
  'fields',
  '__proto__',
  'constructor',
  'prototype',
];

export interface FieldFormValues {
  name: string;
  displayName: string;
  type: CustomFieldType;
  /** Where the value lives; empty means `fields.<name>`. */
  valueFrom: string;
  /** For enum fields: the allowed values, one per line or comma-separated. */
  options: string;
  visible: boolean;
  showInDetails: boolean;
  filterable: boolean;
  sortable: boolean;
}

export const EMPTY_FIELD_FORM: FieldFormValues = {
  name: '',
  displayName: '',
  type: 'string',
  valueFrom: '',
  options: '',
  // A new field is a column at once.
  visible: true,
  showInDetails: true,
  filterable: true,
  sortable: false,
};

const splitOptions = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((o) => o.trim())
    .filter(Boolean);

/**
 * The schema of the form, given the fields that exist (`editing`: the name of the field being edited,
 * which may keep its name). Every message says what to do.
 */
export function fieldFormSchema(existing: readonly FieldDefinition[], editing?: string) {
  const taken = new Set(existing.filter((f) => f.name !== editing).map((f) => f.name.toLowerCase()));
  const reserved = new Set(RESERVED_FIELD_NAMES.map((n) => n.toLowerCase()));
  return z
    .object({
      name: z.string(),
      displayName: z.string(),
      type: z.enum(CUSTOM_FIELD_TYPES),
      valueFrom: z.string(),
      options: z.string(),
      visible: z.boolean(),
      showInDetails: z.boolean(),
      filterable: z.boolean(),
      sortable: z.boolean(),
    })
    .check(
      z.superRefine((form, ctx) => {
        const issue = (path: keyof FieldFormValues, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
        const name = form.name.trim();
        if (!name) issue('name', 'Enter a name, such as region.');
        else if (name.length > 64) issue('name', 'Use at most 64 characters.');
        else if (!FIELD_NAME_PATTERN.test(name)) issue('name', 'Start with a letter; use only letters, digits and _.');
        else if (reserved.has(name.toLowerCase())) issue('name', `“${name}” is reserved. Choose another name.`);
        else if (taken.has(name.toLowerCase())) issue('name', `A field named “${name}” exists already.`);
        const displayName = form.displayName.trim();
        if (!displayName) issue('displayName', 'Enter the name people see, such as Region.');
        else if (displayName.length > 80) issue('displayName', 'Use at most 80 characters.');
        const path = form.valueFrom.trim();
        if (path && !isValuePath(path)) issue('valueFrom', 'Enter a path such as fields.region or payload.request.path.');
        if (form.type === 'enum') {
          const options = splitOptions(form.options);
          if (!options.length) issue('options', 'List the values this field can take.');
          else if (options.length > 100 || options.some((o) => o.length > 80)) issue('options', 'Use at most 100 values of at most 80 characters.');
        }
      }),
    );
}

/** The field definition a valid form describes, placed after the existing fields. */
export function toFieldDefinition(form: FieldFormValues, order: number): FieldDefinition {
  const name = form.name.trim();
  const path = form.valueFrom.trim();
  return {
    name,
    displayName: form.displayName.trim(),
    type: form.type as FieldType,
    visible: form.visible,
    showInDetails: form.showInDetails,
    filterable: form.filterable,
    sortable: form.sortable,
    custom: true,
    order,
    ...(form.type === 'enum' && { options: splitOptions(form.options) }),
    ...(path && path !== `fields.${name}` && { valueFrom: path }),
  };
}

/** The form's values for an existing custom field (to edit it). */
export function toFieldForm(field: FieldDefinition): FieldFormValues {
  return {
    name: field.name,
    displayName: field.displayName,
    type: (CUSTOM_FIELD_TYPES as readonly string[]).includes(field.type) ? (field.type as CustomFieldType) : 'string',
    valueFrom: field.valueFrom ?? '',
    options: (field.options ?? []).join('\n'),
    visible: field.visible,
    showInDetails: field.showInDetails,
    filterable: field.filterable,
    sortable: field.sortable,
  };
}

/** Text that looks like an email: one @, no spaces, a dot inside the domain. Linear (no backtracking). */
function looksLikeEmail(value: string): boolean {
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@') || /\s/.test(value)) return false;
  const dot = value.indexOf('.', at + 2);
  return dot > 0 && dot < value.length - 1;
}
const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;
/** Hex digits and colons only (one class, no nesting: linear); a colon is checked apart. */
const IPV6_CHARS = /^[0-9a-f:]+$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A type that fits a value, for prefilling the form. */
export function guessFieldType(value: JsonValue | undefined): CustomFieldType {
  if (typeof value === 'number') return 'number';
  if (value !== null && typeof value === 'object') return 'json';
  if (typeof value !== 'string') return 'string';
  if (looksLikeEmail(value)) return 'email';
  if (IPV4.test(value) || (value.includes(':') && IPV6_CHARS.test(value))) return 'ip';
  if (ISO.test(value)) return 'datetime';
  return 'string';
}

/** A key as people read it: `billing_plan` → "Billing plan", `userAgent` → "User Agent". */
export function humanizeKey(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim();
  return (words.charAt(0).toUpperCase() + words.slice(1)).slice(0, 80) || key;
}

/** The form prefilled for a value found at `path` in an event ("Add as column"). */
export function suggestField(path: string, value: JsonValue | undefined, existing: readonly FieldDefinition[]): FieldFormValues {
  const key = path.split('.').pop() ?? path;
  let name = key.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[^A-Za-z]+/, '') || 'field';
  const taken = new Set([...existing.map((f) => f.name.toLowerCase()), ...RESERVED_FIELD_NAMES.map((n) => n.toLowerCase())]);
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${name.replace(/_\d+$/, '')}_${n}`;
  return {
    ...EMPTY_FIELD_FORM,
    name: name.slice(0, 64),
    displayName: humanizeKey(key) || name,
    type: guessFieldType(value),
    valueFrom: path,
  };
}

/** What a path finds in some events: how many have a value, and a few distinct ones as text. */
export function previewPath(events: readonly AuditEvent[], path: string, limit = 5): { found: number; of: number; samples: string[] } {
  const samples: string[] = [];
  let found = 0;
  if (!isValuePath(path)) return { found: 0, of: events.length, samples };
  for (const event of events) {
    const value = readPath(event, path);
    if (value === undefined || value === null || value === '') continue;
    found += 1;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (samples.length < limit && !samples.includes(text)) samples.push(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  }
  return { found, of: events.length, samples };
}

/** What the field dialog opens with: first values, and the name of the field being edited (if one is). */
/** Why the field dialog opens: a new field, a field to edit, or a value in an event to turn into a column. */
export type FieldDialogRequest =
  | { kind: 'new' }
  | { kind: 'edit'; field: FieldDefinition }
  | { kind: 'suggest'; path: string; value: JsonValue | undefined };

/** The dialog's first values for a request, and the field being edited. */
export function fieldDialogStart(request: FieldDialogRequest, existing: readonly FieldDefinition[]): { initial: FieldFormValues; editing?: string } {
  if (request.kind === 'edit') return { initial: toFieldForm(request.field), editing: request.field.name };
  if (request.kind === 'suggest') return { initial: suggestField(request.path, request.value, existing) };
  return { initial: EMPTY_FIELD_FORM };
}

/** The structure with a field added (after the others) or, when `editing`, that field changed in place. */
export function applyFieldForm(fields: readonly FieldDefinition[], form: FieldFormValues, editing?: string): FieldDefinition[] {
  if (editing === undefined) {
    const order = fields.reduce((max, f) => Math.max(max, f.order), 0) + 1;
    return [...fields, toFieldDefinition(form, order)];
  }
  return fields.map((f) => {
    if (f.name !== editing) return f;
    const changed = toFieldDefinition({ ...form, name: f.name }, f.order);
    return { ...changed, ...(f.width !== undefined && { width: f.width }) };
  });
}

/** The structure without a custom field (its values stay in the events). Built-in fields are only hidden. */
export function removeCustomField(fields: readonly FieldDefinition[], name: string): FieldDefinition[] {
  return fields.filter((f) => !(f.custom && f.name === name));
}
