import type { EntityChange, JsonValue } from '../core/event.js';
import type { SeverityLevel } from '../core/severity.js';
import type { Random } from './random.js';

/** How a tenant's source labels severities: Frontegg's words or fullstackhero's. */
export type SeverityVocabulary = 'frontegg' | 'fsh';

export const VOCABULARY_LABELS: Readonly<Record<SeverityVocabulary, Readonly<Record<SeverityLevel, string>>>> = {
  frontegg: {
    unknown: 'Info',
    trace: 'Info',
    debug: 'Info',
    info: 'Info',
    warning: 'Medium',
    high: 'High',
    error: 'Error',
    critical: 'Critical',
  },
  fsh: {
    unknown: 'Information',
    trace: 'Trace',
    debug: 'Debug',
    info: 'Information',
    warning: 'Warning',
    high: 'Warning',
    error: 'Error',
    critical: 'Critical',
  },
};

export const FIRST_NAMES = [
  'Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances',
  'Edsger', 'Radia', 'Tim', 'Hedy', 'John', 'Sophie', 'Niklaus', 'Anita', 'Guido', 'Mary',
  'Yukihiro', 'Shafi', 'Donald', 'Jean', 'Bjarne', 'Leslie', 'Annie', 'Vint', 'Elena', 'Mateo',
];
export const LAST_NAMES = [
  'Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson',
  'Allen', 'Dijkstra', 'Perlman', 'Berners-Lee', 'Lamarr', 'McCarthy', 'Wilson', 'Wirth', 'Borg',
  'van Rossum', 'Keller', 'Matsumoto', 'Goldwasser', 'Knuth', 'Sammet', 'Stroustrup', 'Lamport',
  'Easley', 'Cerf', 'Garcia', 'Okafor',
];

export const USER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
  'okhttp/4.12.0',
  'python-requests/2.32.3',
  'terraform-provider-acme/1.8.2',
];

export const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];

/** What one generated event says happened. */
export interface Scenario {
  action: string;
  level: SeverityLevel;
  eventType: 'EntityChange' | 'Security' | 'Activity' | 'Exception';
  source: string;
  tags: readonly string[];
  resource: (r: Random) => { resource: string; resourceId?: string };
  message?: (r: Random) => string;
  changes?: (r: Random) => EntityChange[];
  payload?: (r: Random) => JsonValue;
  /** Relative frequency. */
  weight: number;
  /** Done by an API key or the system rather than a person. */
  machine?: boolean;
}

const id = (r: Random, prefix: string): string => `${prefix}_${r.hex(10)}`;
const ROLES = ['Viewer', 'Member', 'Billing admin', 'Admin', 'Owner'];
const TAG = {
  auth: ['auth'],
  authPii: ['auth', 'pii'],
  admin: ['admin'],
  billing: ['billing'],
  adminPii: ['admin', 'pii'],
  none: [],
} as const;

export const SCENARIOS: readonly Scenario[] = [
  { action: 'user.login', level: 'info', eventType: 'Security', source: 'web', tags: TAG.auth, weight: 30,
    resource: () => ({ resource: 'session' }),
    payload: (r) => ({ method: r.pick(['password', 'sso', 'passkey']), mfa: r.chance(0.7) }) },
  { action: 'user.login.failed', level: 'warning', eventType: 'Security', source: 'web', tags: TAG.auth, weight: 6,
    resource: () => ({ resource: 'session' }),
    message: (r) => r.pick(['Invalid password', 'MFA code rejected', 'Account locked after 5 attempts']),
    payload: (r) => ({ attempts: r.int(1, 6), reason: r.pick(['bad_password', 'bad_mfa', 'locked']) }) },
  { action: 'user.logout', level: 'info', eventType: 'Activity', source: 'web', tags: TAG.auth, weight: 12,
    resource: () => ({ resource: 'session' }) },
  { action: 'token.refreshed', level: 'trace', eventType: 'Activity', source: 'api', tags: TAG.auth, weight: 8,
    resource: () => ({ resource: 'session' }) },
  { action: 'cache.warmed', level: 'debug', eventType: 'Activity', source: 'system', tags: TAG.none, weight: 3,
    machine: true, resource: (r) => ({ resource: 'cache', resourceId: r.pick(['permissions', 'entitlements']) }) },
  { action: 'user.invited', level: 'info', eventType: 'Activity', source: 'web', tags: TAG.adminPii, weight: 5,
    resource: (r) => ({ resource: 'user', resourceId: id(r, 'usr') }),
    payload: (r) => ({ role: r.pick(ROLES), expiresInDays: 7 }) },
  { action: 'user.role.changed', level: 'high', eventType: 'EntityChange', source: 'web', tags: TAG.admin, weight: 4,
    resource: (r) => ({ resource: 'user', resourceId: id(r, 'usr') }),
    changes: (r) => {
      const before = r.pick(ROLES);
      return [{ field: 'role', before, after: r.pick(ROLES.filter((x) => x !== before)) }];
    } },
  { action: 'user.mfa.enabled', level: 'info', eventType: 'Security', source: 'web', tags: TAG.auth, weight: 3,
    resource: () => ({ resource: 'mfa' }),
    changes: () => [{ field: 'mfaEnabled', before: false, after: true }] },
  { action: 'user.password.changed', level: 'warning', eventType: 'Security', source: 'web', tags: TAG.auth, weight: 3,
    resource: () => ({ resource: 'credentials' }) },
  { action: 'user.deleted', level: 'high', eventType: 'EntityChange', source: 'scim', tags: TAG.adminPii, weight: 2,
    resource: (r) => ({ resource: 'user', resourceId: id(r, 'usr') }),
    changes: (r) => [{ field: 'status', before: r.pick(['active', 'suspended']), after: 'deleted' }] },
  { action: 'api_key.created', level: 'high', eventType: 'Security', source: 'web', tags: TAG.admin, weight: 3,
    resource: (r) => ({ resource: 'api-key', resourceId: id(r, 'key') }),
    payload: (r) => ({ name: r.pick(['CI deploy', 'Zapier', 'Data warehouse sync', 'Terraform']),
      scopes: r.pick([['audit:read'], ['audit:read', 'audit:write'], ['users:read']]) }) },
  { action: 'api_key.revoked', level: 'warning', eventType: 'Security', source: 'web', tags: TAG.admin, weight: 2,
    resource: (r) => ({ resource: 'api-key', resourceId: id(r, 'key') }) },
  { action: 'invoice.exported', level: 'info', eventType: 'Activity', source: 'web', tags: TAG.billing, weight: 6,
    resource: (r) => ({ resource: 'invoice', resourceId: `INV-${r.int(10000, 99999)}` }),
    payload: (r) => ({ format: r.pick(['pdf', 'csv']), amount: r.int(49, 25000), currency: r.pick(['USD', 'EUR']) }) },
  { action: 'invoice.payment_failed', level: 'error', eventType: 'Exception', source: 'system', tags: TAG.billing,
    weight: 1, machine: true,
    resource: (r) => ({ resource: 'invoice', resourceId: `INV-${r.int(10000, 99999)}` }),
    message: (r) => r.pick(['Card declined', 'Insufficient funds', 'Payment provider timeout']) },
  { action: 'settings.updated', level: 'warning', eventType: 'EntityChange', source: 'web', tags: TAG.admin, weight: 5,
    resource: () => ({ resource: 'settings' }),
    changes: (r) => r.pick([
      [{ field: 'sessionTimeoutMinutes', before: 30, after: r.pick([15, 60, 120]) }],
      [{ field: 'ssoEnforced', before: false, after: true }],
      [{ field: 'allowedDomains', before: ['acme.example'], after: ['acme.example', 'acme.io'] }],
      [{ field: 'timezone', before: 'UTC', after: r.pick(['Europe/Berlin', 'America/New_York']) },
        { field: 'locale', before: 'en-US', after: 'de-DE' }],
    ]) },
  { action: 'sso.configuration.updated', level: 'high', eventType: 'EntityChange', source: 'web', tags: TAG.admin,
    weight: 1, resource: () => ({ resource: 'sso' }),
    changes: (r) => [{ field: 'idpCertificateFingerprint', before: r.hex(16), after: r.hex(16) }] },
  { action: 'webhook.delivery_failed', level: 'error', eventType: 'Exception', source: 'webhooks', tags: TAG.none,
    weight: 2, machine: true, resource: (r) => ({ resource: 'webhook', resourceId: id(r, 'whk') }),
    message: (r) => `Delivery failed with HTTP ${r.pick([500, 502, 503, 504])} after ${r.int(1, 5)} attempts` },
  { action: 'permission.denied', level: 'error', eventType: 'Security', source: 'api', tags: TAG.auth, weight: 2,
    resource: (r) => ({ resource: r.pick(['billing', 'users', 'audit-logs', 'sso']) }),
    message: () => 'Missing required permission' },
  { action: 'audit.retention.changed', level: 'critical', eventType: 'EntityChange', source: 'web', tags: TAG.admin,
    weight: 0.3, resource: () => ({ resource: 'audit-logs' }),
    changes: (r) => [{ field: 'retentionDays', before: 365, after: r.pick([30, 90]) }] },
  { action: 'data.bulk_deleted', level: 'critical', eventType: 'EntityChange', source: 'api', tags: TAG.adminPii,
    weight: 0.3, resource: (r) => ({ resource: r.pick(['contacts', 'projects', 'files']) }),
    payload: (r) => ({ deleted: r.int(100, 50000), dryRun: false }) },
  { action: 'project.created', level: 'info', eventType: 'EntityChange', source: 'web', tags: TAG.none, weight: 4,
    resource: (r) => ({ resource: 'project', resourceId: id(r, 'prj') }),
    changes: (r) => [{ field: 'name', before: null, after: r.pick(['Website', 'Mobile app', 'Q3 launch', 'Infra']) }] },
  { action: 'report.exported', level: 'info', eventType: 'Activity', source: 'api', tags: TAG.none, weight: 3,
    machine: true, resource: (r) => ({ resource: 'report', resourceId: id(r, 'rpt') }) },
];
