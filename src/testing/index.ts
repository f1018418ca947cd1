export { describeAdapterContract } from './describeAdapterContract.js';
export type { AdapterContractOptions, AdapterUnderTest } from './describeAdapterContract.js';
