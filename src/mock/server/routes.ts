import { fronteggRoutes } from './routes/frontegg.js';
import { fshRoutes, type FshShape } from './routes/fsh.js';
import { loggingRoutes, type LoggingShape } from './routes/logging.js';
import { nativeRoutes } from './routes/native.js';
import type { RouteTable } from './routes/shared.js';

export type { FshShape } from './routes/fsh.js';
export type { LoggingShape } from './routes/logging.js';
export type { RouteTable } from './routes/shared.js';

export function routesFor(dialect: 'native' | 'frontegg' | 'fsh' | 'logging', fsh: FshShape, logging: LoggingShape): RouteTable {
  switch (dialect) {
    case 'native':
      return nativeRoutes;
    case 'frontegg':
      return fronteggRoutes;
    case 'fsh':
      return fshRoutes(fsh);
    case 'logging':
      return loggingRoutes(logging);
  }
}
