import { ENGINE_MESSAGES } from '@internal/plugin-twelve-factor-common';

/** The Korean of the engine's messages, loaded when a reader picks Korean. */
const engineKo: Record<string, string> = Object.fromEntries(
  Object.entries(ENGINE_MESSAGES).map(([id, m]) => [id, m.ko]),
);

export default engineKo;
