import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  twelveFactorScorecardReadPermission,
  twelveFactorWaiverManagePermission,
} from '@internal/plugin-twelve-factor-common';
import { ExamplePermissionPolicy } from './permissionPolicy';

const alice = {
  identity: {
    type: 'user' as const,
    userEntityRef: 'user:default/alice.meyer',
    ownershipEntityRefs: [
      'user:default/alice.meyer',
      'group:default/platform-team',
    ],
  },
  info: {
    userEntityRef: 'user:default/alice.meyer',
    ownershipEntityRefs: [
      'user:default/alice.meyer',
      'group:default/platform-team',
    ],
  },
  token: 'token',
  credentials: {} as any,
};

describe('the example permission policy', () => {
  const policy = new ExamplePermissionPolicy();

  it("lets only an entity's owners manage its waivers", async () => {
    const decision = await policy.handle(
      { permission: twelveFactorWaiverManagePermission },
      alice,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/alice.meyer', 'group:default/platform-team'],
        },
      },
    });
  });

  it('lets everyone read scorecards', async () => {
    expect(
      await policy.handle(
        { permission: twelveFactorScorecardReadPermission },
        alice,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });
});
