import type { ValidationError } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './validation.js';

describe('fieldErrors', () => {
  it('flattens nested and indexed errors into paths', () => {
    const errors: ValidationError[] = [
      { property: 'username', constraints: { isString: 'username must be a string' }, children: [] },
      {
        property: 'materials',
        children: [{ property: '0', children: [{ property: 'fileId', constraints: { isUuid: 'fileId must be a UUID' }, children: [] }] }],
      },
    ];
    expect(fieldErrors(errors)).toEqual([
      { path: 'username', message: 'username must be a string' },
      { path: 'materials[0].fileId', message: 'fileId must be a UUID' },
    ]);
  });
});
