import { configure } from '@testing-library/react';

// Parts that load on first use (the details, the Add field and Add filter forms) come from a dev server that
// compiles them on demand: `findBy…` and `waitFor` wait up to 5 s for them (a wait, not a timing claim).
configure({ asyncUtilTimeout: 5000 });
