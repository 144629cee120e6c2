// ESLint (flat config). The TypeScript rules that need type information are the ones that catch real bugs
// here: a promise nobody awaits or catches (a lost error, or a write that races the next one), a promise
// passed where a callback is expected, a switch over a union that forgets a member, and a cast that does
// nothing. The renderer also gets the rules of hooks; the React Compiler's own rules (refs, set-state-in-
// effect) are left out, as the app does not use the compiler and keeps the "latest callback in a ref" idiom.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'URL', 'Buffer', 'require', 'module', '__dirname', 'setTimeout', 'clearTimeout'].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  { ignores: ['out/', 'dist/', 'native/', 'drizzle/', 'test-results/', 'playwright-report/', '.data/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Renderer tests run in Node (happy-dom) against a real backend: their own tsconfig has DOM and Node.
    files: ['src-renderer/test/**', 'src-renderer/**/*.test.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.renderer-test.json' } },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Plain JavaScript build and test scripts, run by Node.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
