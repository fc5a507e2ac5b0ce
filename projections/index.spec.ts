import { collectionOf } from '../src/shared/projector/projection';
import { createProjections } from './index';

describe('createProjections', () => {
  it('gives every read model a distinct, versioned collection', () => {
    const projections = createProjections({ timeZone: 'Asia/Shanghai' });

    expect(projections.map((projection) => projection.name)).toEqual(['employees', 'scores', 'overdue', 'audit-trail', 'period-scores', 'talk-obligations']);
    const collections = projections.map(collectionOf);
    expect(new Set(collections).size).toBe(collections.length);
    expect(collections).toContain('scores_v3');
  });
});
