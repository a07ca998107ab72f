import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noElectron = {
  name: 'electron',
  message: 'Only src/main/electron/ and src/preload/ may import electron.',
};
/** Production code never imports test code; what it needs lives in src/ or packages/. */
const noTestCode = {
  group: ['**/test/**', '**/test', '**/tests/**'],
  message: 'src/ may not import test code: move what it needs into src/ or packages/.',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'artifacts/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noTestCode] }],
    },
  },
  {
    // The Electron shell and the preloads are the only code that may use electron (a test checks it too).
    files: ['src/main/electron/**/*.ts', 'src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestCode] }] },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '*.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // electron-builder hooks are CommonJS scripts: require() is how they load their libraries.
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'packages/plaid-emulator/src/link/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
