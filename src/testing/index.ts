export { describeAdapterContract } from './describeAdapterContract.js';
export type { AdapterContractOptions, AdapterUnderTest } from './describeAdapterContract.js';
export { describeHostileServer } from './describeHostileServer.js';
export type { HostileEvent, HostileServerOptions } from './describeHostileServer.js';
