import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NeedCategory } from '@tsunagu/domain';

/**
 * One place in a routing rule: for a need of `category` in `areaId`, offer it to `organizationId` at `rank` (1 first),
 * before the least-loaded of the other candidates. An organisation appears at most once per rule.
 */
@Entity({ name: 'routing_preference' })
export class RoutingPreferenceEntity {
  @PrimaryColumn({ type: 'text' })
  category: NeedCategory;

  @PrimaryColumn({ name: 'area_id', type: 'uuid' })
  areaId: string;

  @PrimaryColumn({ type: 'integer' })
  rank: number;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;
}
