import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { configure } from 'storybook/test';
import '../src/styles/audit-logs.css';

// Parts that load on first use (the details, the Add field and Add filter forms) come from a dev server that
// compiles them on demand, slowly on a fresh machine: the play functions' `findBy…` and `waitFor` wait up to 5 s.
configure({ asyncUtilTimeout: 5000 });

const preview: Preview = {
  // Stories with `parameters.msw` answer HTTP from the mock server's handlers.
  loaders: [mswLoader()],
  parameters: {
    // Accessibility violations fail the story's test in `npm test`.
    a11y: { test: 'error' },
    layout: 'padded',
  },
  globalTypes: {
    theme: {
      description: 'Component theme',
      toolbar: { title: 'Theme', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [
    (Story, context) => (
      <div className="ral-root" data-theme={context.globals.theme === 'dark' ? 'dark' : 'light'} style={{ padding: 16 }}>
        <Story />
      </div>
    ),
  ],
};

export default preview;
