// Backstage's lint rules, with two relaxed on purpose: the checks are
// written as tables and short decisions, where a chained conditional
// (`a ? x : b ? y : z`) reads better than a ladder of ifs, and helpers are
// placed after the code that uses them, top-down.
module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    'no-nested-ternary': 'off',
    '@typescript-eslint/no-use-before-define': [
      'error',
      { functions: false, classes: false, variables: false },
    ],
  },
});
