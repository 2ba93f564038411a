/** Issue 14 item 6: the window learns of default traffic as codes and parameters (translated en/ko), not English. */
import { describe, expect, it } from 'vitest';
import { shopCore } from '../../helpers/core';

describe('sim.scenario.load notices', () => {
  it('a file without Traffic answers with a defaultTraffic notice (the renderer translates it: test/unit/renderer/scenario-notices-i18n.test.ts)', async () => {
    const { core } = shopCore();
    const yaml = `
Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: site }
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: { LoadBalancerArn: !Ref Alb, DefaultActions: [{ Type: fixed-response, FixedResponseConfig: { StatusCode: "200" } }] }
`;
    const result = (await core.handle('sim.scenario.load', { fileName: 'site.yaml', yaml })) as { ok: true; value: { notices: { code: string; params: Record<string, unknown> }[] } };
    expect(result.ok).toBe(true);
    expect(result.value.notices).toEqual([{ code: 'defaultTraffic', params: { population: 'default-site', target: expect.stringMatching(/^site-\d+\./), rate: 20 } }]);
  });
});
