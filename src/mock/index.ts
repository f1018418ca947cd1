export { createMockAdapter } from './createMockAdapter.js';
export type { MockAdapter, MockAdapterOptions } from './createMockAdapter.js';
export type { FailNextOptions, MockMethod } from './faults.js';
export { generateAuditEvents } from './generator.js';
export type { GenerateEventsOptions } from './generator.js';
export type { SeverityVocabulary } from './vocabulary.js';
export { createMockHandler, mockFetch } from './server/handler.js';
export type { HttpFault, MockHandler, MockHandlerOptions, RecordedRequest } from './server/handler.js';
export type { FshShape, LoggingShape } from './server/routes.js';
