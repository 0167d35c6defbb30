/** The plugin id, used for routes and discovery. @public */
export const TWELVE_FACTOR_PLUGIN_ID = 'twelve-factor';

/**
 * Whether an entity should be scored: Components of type service or website,
 * the deployables the by-hand assessment covered.
 * @public
 */
export function isScorableEntity(entity: {
  kind: string;
  spec?: { type?: unknown } | Record<string, unknown>;
}): boolean {
  const type = (entity.spec as { type?: unknown } | undefined)?.type;
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    (type === 'service' || type === 'website')
  );
}
