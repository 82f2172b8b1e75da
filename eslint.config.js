import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The parts' dependency rules (docs/architecture.md): data flows model → import → db → feeds → routes, and charts
 * and ui only draw what routes hand them. Type-only imports are allowed where a part names another's data shape.
 */
const part = (name) => [`$${name}`, `$${name}/*`, `**/lib/${name}/*`, `../${name}/*`, `../../${name}/*`];
const forbid = (files, message, parts, { types = true } = {}) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: parts.flatMap(part), message, allowTypeImports: types },
          { regex: '(^|/)[A-Z][^/]*\\.svelte$', caseSensitive: true, message, allowTypeImports: true },
          { group: ['$lib/server/*', '$app/navigation', '$app/state', '$app/stores'], message }
        ]
      }
    ]
  }
});
const partRules = [
  forbid(['src/lib/model/**'], 'The model knows no engine, import, screen or page.', [
    'db',
    'feeds',
    'charts',
    'ui',
    'import'
  ]),
  forbid(['src/lib/i18n/**'], 'Messages and formatters know no engine, screen or page.', [
    'db',
    'feeds',
    'charts',
    'ui',
    'import'
  ]),
  forbid(['src/lib/import/**'], 'The import knows no engine, chart, component or page.', [
    'db',
    'feeds',
    'charts',
    'ui'
  ]),
  forbid(['src/lib/db/**'], 'The engine knows no feed, chart, component or page.', ['feeds', 'charts', 'ui']),
  forbid(['src/lib/feeds/**'], 'Feeds hand plain data to pages; they know no chart or component.', [
    'charts',
    'ui'
  ]),
  {
    ...forbid(
      ['src/lib/charts/**', 'src/lib/ui/**'],
      'Charts and components draw what they are given: data comes from a feed, through props.',
      ['db']
    ),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: part('db'),
              message: 'Charts and components never import the engine: data comes from a feed, through props.'
            },
            {
              group: [...part('feeds'), '$lib/server/*'],
              message: "Charts and components may name a feed's data types, never run a feed.",
              allowTypeImports: true
            }
          ]
        }
      ]
    }
  }
];

export default ts.config(
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig
      }
    }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Internal links are written with `base` from $app/paths; the rule does not see it in attributes.
      'svelte/no-navigation-without-resolve': 'off'
    }
  },
  ...partRules,
  {
    ignores: ['build*/', '.svelte-kit*/', '.tmp/', 'node_modules/', 'data/', 'static/', 'bench-results/']
  }
);
