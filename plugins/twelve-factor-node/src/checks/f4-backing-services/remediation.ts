import type { RemediationSnippet } from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome } from '../../engine/types';
import { basename } from '../../sources/RepoSnapshot';
import { advice } from '../messages';
import { envName, type BackingRef } from './backing';

/**
 * How to take hard-coded addresses out of the code and settings files: the
 * settings rewritten to read environment variables, which the deployment sets
 * per environment (ConfigMap, or a Secret when the URL carries credentials).
 */
export function fromEnvRemediation(
  hard: ReadonlyArray<BackingRef>,
): NonNullable<CheckOutcome['remediation']> {
  const keys = [
    ...new Set(hard.map(r => r.key).filter((k): k is string => !!k)),
  ];
  const path =
    hard[0]?.evidence.type === 'file' ? hard[0].evidence.path : undefined;
  const text = keys.length
    ? advice('f4-backing-services.from-env-advice', { keys: keys.join(', ') })
    : advice('f4-backing-services.from-env-addresses-advice');
  if (!path || !keys.length) return text;
  const name = basename(path);
  // How each kind of file reads a setting from the environment.
  const forms: Array<
    [RegExp, RemediationSnippet['language'], (k: string) => string]
  > = [
    [/\.properties$/, 'text', k => `${k}=\${${envName(k)}}`],
    [/\.ya?ml$/, 'yaml', k => `${k}: \${${envName(k)}}`],
    [/\.py$/, 'python', k => `${envName(k)} = os.environ["${envName(k)}"]`],
    [
      /\.[jt]sx?$/,
      'typescript',
      k => `const ${envName(k)} = process.env.${envName(k)};`,
    ],
  ];
  const [, language, line] = forms.find(([re]) => re.test(name)) ?? [
    /./,
    'text' as const,
    (k: string) => `${envName(k)}=<from the environment>`,
  ];
  return {
    ...text,
    snippet: {
      language,
      path,
      action: 'modify',
      content: `${keys.map(line).join('\n')}\n`,
    },
  };
}
