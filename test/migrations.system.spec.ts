import { describe, expect, inject, it } from 'vitest';
import { pendingSchemaChanges } from '../src/database/data-source.js';
import { createDataSource } from '../src/schema.js';

describe('migrations', () => {
  it('bring a fresh PostgreSQL database exactly to what the entities describe', async () => {
    const dataSource = createDataSource(inject('databaseUrl'), { poolSize: 1 });
    await dataSource.initialize();
    try {
      const changes = await pendingSchemaChanges(dataSource);
      expect(changes.up, 'run `npm run migration:generate -- <Name>` and commit the migration').toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
