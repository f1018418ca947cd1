import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** DESIGN.md's import direction: each layer may import only the layers below it. */
const layer = (dir, forbidden) => ({
  files: [`src/${dir}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((name) => ({
          group: [`**/${name}/*`, `../${name}`, `./${name}`],
          message: `src/${dir} must not import src/${name} (see DESIGN.md, Layout).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', '.api-types', 'storybook-static', 'coverage', 'node_modules', 'examples/*/.next', 'examples/*/node_modules'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Every React hooks rule as an error, except the notice that a third-party hook (TanStack
      // Virtual's) opts out of compiler memoization, which is information, not a defect.
      ...Object.fromEntries(
        Object.keys(reactHooks.configs['recommended-latest'].rules).map((rule) => [rule, 'error']),
      ),
      'react-hooks/incompatible-library': 'warn',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The one place that calls TanStack Virtual: the rule only reports that the React Compiler leaves this
    // hook alone (the virtualizer changes in place), which is the right outcome, not a defect to fix.
    files: ['src/hooks/useScaledVirtualizer.ts'],
    rules: { 'react-hooks/incompatible-library': 'off' },
  },
  layer('core', ['api', 'memory', 'mock', 'hooks', 'components']),
  layer('api', ['memory', 'mock', 'hooks', 'components']),
  layer('memory', ['mock', 'hooks', 'components', 'api/http']),
  layer('mock', ['hooks', 'components']),
  layer('hooks', ['memory', 'mock', 'components']),
  layer('components', ['memory', 'mock', 'api/http', 'testing']),
  layer('testing', ['memory', 'mock', 'hooks', 'components']),
);
