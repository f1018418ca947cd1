import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import '../src/styles/audit-logs.css';

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
